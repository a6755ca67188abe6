import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkOut, readCheckout } from "../../../../../lib/flows/one-call-checkout"
import { idempotentCheckout } from "../../../../../lib/middlewares/idempotent-checkout"

/**
 * POST /store/carts/:id/checkout
 * { email, shipping_address, shipping_option_id, payment_provider_id, metadata? }
 * Cash on delivery: the order. Online: the payment session to pay in the gateway's checkout.
 * With an Idempotency-Key header, a repeat gets the first attempt's answer (../../../../../lib/middlewares/idempotent-checkout.ts).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await idempotentCheckout(req, res, async () => {
    const input = readCheckout(req.body)
    return checkOut(req.scope, req.params.id, input)
  })
}
