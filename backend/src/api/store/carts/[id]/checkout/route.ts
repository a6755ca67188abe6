import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkOut, readCheckout } from "../../../../../lib/one-call-checkout"

/**
 * POST /store/carts/:id/checkout
 * { email, shipping_address, shipping_option_id, payment_provider_id, metadata? }
 * Cash on delivery: the order. Online: the payment session to pay in the gateway's checkout.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const input = readCheckout(req.body)
  res.json(await checkOut(req.scope, req.params.id, input))
}
