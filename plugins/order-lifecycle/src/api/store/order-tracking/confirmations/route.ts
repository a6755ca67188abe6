import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checked, confirmationSchema } from "../../../../lib/inputs"
import { confirmationFor, CONFIRMATION_UNKNOWN } from "../../../../lib/shopper-tracking"

/**
 * POST /store/order-tracking/confirmations { cart_id }
 * The storefront that just placed an order asks for its tokens: an order token (the full
 * order, for that browser only) and a tracking token (the confirmation page's URL). The
 * cart id is the proof (random, and known only to the shopper's storefront session), for
 * a short while after the order; anything else is a 404. No per-client limit: the caller
 * is the storefront's server, for every shopper at once.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const input = checked(confirmationSchema, req.body)
  const confirmation = await confirmationFor(req.scope, input.cart_id)
  if (!confirmation) {
    res.status(404).json({ type: "not_found", message: CONFIRMATION_UNKNOWN })
    return
  }
  res.json(confirmation)
}
