import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { refusal } from "@sweetshop/shop-contracts"

/**
 * Medusa 2.21's own store routes answer 500 for ids that do not exist, and one
 * of them acts on the wrong cart (found by the fuzz test, issue 15):
 *  - DELETE /store/carts/:id/line-items/:line_id with a cart id that is not the
 *    line's cart deletes the line, then fails on the missing cart (500): any
 *    holder of a line id could empty another shopper's cart;
 *  - adding or changing a line, or choosing a shipping method, on a missing
 *    cart fails the same way;
 *  - POST /store/payment-collections/:id/payment-sessions on a missing payment
 *    collection fails inside createPaymentSessionsWorkflow (500).
 *  - POST /store/carts/:id on a completed cart writes the new address, then
 *    refuses (400): the order's cart changes after the fact.
 *  - the same route with a provider_id no payment provider has fails the
 *    same way (500, "Unable to retrieve the payment provider"): 400 here.
 * These guards answer before Medusa's handler runs: 404 with a sentence unless
 * the cart (and the line, when named) exists and the line is the cart's; 400
 * for a cart that has already been ordered.
 */

function notFound(res: MedusaResponse, message: string): void {
  res.status(404).json({ type: "not_found", message })
}

export async function refuseUnknownCartOrLine(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "items.id"], filters: { id: req.params.id } })
    const cart = data[0] as { id: string; completed_at?: string | Date | null; items?: { id: string }[] } | undefined
    if (!cart) return notFound(res, `Cart ${req.params.id} was not found. Please add the sweets to a new cart.`)
    // Medusa's cart update writes the new address before it refuses a completed cart (found by the fuzz test).
    if (cart.completed_at) {
      res.status(400).json({ type: "not_allowed", code: "cart_completed", message: "This cart has already been ordered. Please add the sweets to a new cart." })
      return
    }
    const lineId = req.params.line_id
    if (lineId !== undefined && !(cart.items ?? []).some((item) => item?.id === lineId)) {
      return notFound(res, `This cart has no line ${lineId}.`)
    }
    next()
  } catch (error) {
    next(error)
  }
}

export async function refuseUnknownPaymentCollection(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "payment_collection", fields: ["id"], filters: { id: req.params.id } })
    if (!data[0]) return notFound(res, `Payment collection ${req.params.id} was not found.`)
    next()
  } catch (error) {
    next(error)
  }
}

/** POST /store/payment-collections/:id/payment-sessions: a provider_id that is no registered payment provider is a 400 with a sentence. */
export async function refuseUnknownPaymentProvider(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  try {
    const providerId = (req.body as { provider_id?: unknown } | undefined)?.provider_id
    // Not a string: Medusa's own validator answers that (400).
    if (typeof providerId !== "string") return next()
    const providers = await req.scope.resolve(Modules.PAYMENT).listPaymentProviders({ id: [providerId] })
    if (!providers.length) {
      res.status(400).json(refusal("invalid_data", `There is no payment method ${JSON.stringify(providerId.slice(0, 60))}.`))
      return
    }
    next()
  } catch (error) {
    next(error)
  }
}
