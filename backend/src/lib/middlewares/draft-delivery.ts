import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { freePlaces, holdMinutes } from "../flows/delivery-settings"
import { bookDraftDelivery, draftDelivery, linkPlaceMinutes } from "../flows/draft-delivery"

/**
 * Staff orders' day and slot (../flows/draft-delivery.ts) on the routes that make them
 * binding. Middlewares, as on the storefront's POST /store/carts/:id/complete: the routes are
 * not the backend's (payment-razorpay's payment-link route, Medusa's convert-to-order) and
 * run no workflow with a hook for this (convertDraftOrderWorkflow has none; sending a link is
 * the plugin's code, and a plugin may not import the backend's rules).
 *
 * A place taken here is given back when the route then fails (Razorpay refused the link,
 * Medusa refused the conversion): it was taken for this request only.
 */
function bookingFor(options: { holdMinutes: () => number; keepHeld: boolean }) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const draft = await draftDelivery(req.scope, String(req.params.id ?? ""))
      // Not a draft (unknown, converted): the route answers for it.
      if (!draft?.is_draft) return next()
      const taken = (await bookDraftDelivery(req.scope, draft, { holdMinutes: options.holdMinutes(), keepHeld: options.keepHeld })).filter((p) => !p.kept)
      if (taken.length) {
        res.once("finish", () => {
          if (res.statusCode >= 300) freePlaces(req.scope, taken.map((p) => p.id)).catch(() => undefined)
        })
      }
      next()
    } catch (error) {
      next(error)
    }
  }
}

/** POST /admin/draft-orders/:id/payment-link: judged and booked before the link is sent; held while it is payable. */
export const bookDraftDeliveryForLink = bookingFor({ holdMinutes: linkPlaceMinutes, keepHeld: false })

/**
 * POST /admin/draft-orders/:id/convert-to-order (cash on delivery): judged and booked before
 * Medusa makes the order; a place the draft's link already holds for its day and slot is kept.
 */
export const bookDraftDeliveryForConversion = bookingFor({ holdMinutes, keepHeld: true })
