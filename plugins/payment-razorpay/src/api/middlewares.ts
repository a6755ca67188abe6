import { defineMiddlewares, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { takeInRazorpayWebhook } from "../lib/webhooks"
import { closeLinkForConversion, PaymentLinkRefusal } from "../lib/payment-links"

const PROVIDER_ROUTE = "razorpay_razorpay"

/**
 * Razorpay's webhooks arrive at Medusa's URL for payment providers
 * (POST /hooks/payment/razorpay_razorpay, the URL set in Razorpay's
 * dashboard). Medusa's own handler answers 200 at once and processes a few
 * seconds later, so a failure would never be delivered again; Razorpay's are
 * taken in here instead and answered only once processed (lib/webhooks.ts).
 */
export async function takeInRazorpayWebhooks(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.params?.provider !== PROVIDER_ROUTE) return next()
  try {
    const answer = await takeInRazorpayWebhook(req.scope, { raw: (req as any).rawBody, headers: req.headers as Record<string, unknown> })
    res.status(answer.status).json(answer.body)
  } catch (error) {
    next(error)
  }
}

/** POST /admin/draft-orders/:id/convert-to-order: the draft's unpaid payment link is cancelled and its hold let go first (lib/payment-links.ts). */
export async function closePaymentLinkBeforeConversion(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await closeLinkForConversion(req.scope, String(req.params?.id ?? ""))
    next()
  } catch (error) {
    if (error instanceof PaymentLinkRefusal) {
      res.status(error.status).json({ type: error.status >= 500 ? "unexpected_state" : "not_allowed", code: error.code, message: error.message })
      return
    }
    next(error)
  }
}

export default defineMiddlewares({
  routes: [
    { method: ["POST"], matcher: "/hooks/payment/:provider", middlewares: [takeInRazorpayWebhooks] },
    { method: ["POST"], matcher: "/admin/draft-orders/:id/convert-to-order", middlewares: [closePaymentLinkBeforeConversion] },
  ],
})
