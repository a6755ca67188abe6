import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

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
 * These guards answer 404 with a sentence before Medusa's handler runs: the
 * cart (and the line, when named) must exist, and the line must be the cart's.
 */

function notFound(res: MedusaResponse, message: string): void {
  res.status(404).json({ type: "not_found", message })
}

export async function refuseUnknownCartOrLine(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["id", "items.id"], filters: { id: req.params.id } })
    const cart = data[0] as { id: string; items?: { id: string }[] } | undefined
    if (!cart) return notFound(res, `Cart ${req.params.id} was not found. Please add the sweets to a new cart.`)
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
