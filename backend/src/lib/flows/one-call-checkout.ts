import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CheckoutInput } from "../rules/checkout-input"
import { oneCallCheckoutWorkflow } from "../../workflows/one-call-checkout"

export { type CheckoutInput, readCheckout } from "../rules/checkout-input"

/**
 * Checkout in one request: what the storefront's checkout page sends (contact,
 * address, delivery or pickup, payment), read and checked here, then run as one
 * workflow of Medusa's own cart workflows (src/workflows/one-call-checkout.ts) in
 * the order its store routes would run them — update the cart, add the shipping
 * method, open the payment collection and session, complete — without seven
 * round trips and seven re-reads of the cart for their answers.
 *
 * Cash on delivery completes the cart here. An online payment stops after its
 * session: the shopper pays in Razorpay's checkout, then the storefront posts
 * the signed response (plugins/payment-razorpay) and completes the cart.
 */

export type CheckoutOutcome =
  | { type: "order"; order: { id: string; display_id: number; total: number; currency_code: string } }
  | { type: "payment"; cart_id: string; payment_collection_id: string; payment_session: { id: string; provider_id: string; data: Record<string, unknown> } }

async function orderSummary(container: MedusaContainer, orderId: string, amount?: unknown) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id", "currency_code", "payment_collections.amount"], filters: { id: orderId } })
  const order = data[0] as any
  // The order's total is the amount the payment collection was opened for (computing an order's totals costs a dozen queries).
  const total = amount !== undefined && amount !== null ? Number(amount) : Number(order.payment_collections?.[0]?.amount ?? 0)
  return { id: order.id, display_id: Number(order.display_id), total, currency_code: order.currency_code }
}

/** The one-call checkout: the workflow `sweetshop-one-call-checkout` (../workflows/one-call-checkout.ts) and its answer. */
export async function checkOut(container: MedusaContainer, cartId: string, input: CheckoutInput): Promise<CheckoutOutcome> {
  const { result } = await oneCallCheckoutWorkflow(container).run({
    input: {
      cart_id: cartId,
      email: input.email,
      shipping_address: input.shipping_address,
      shipping_option_id: input.shipping_option_id,
      payment_provider_id: input.payment_provider_id,
      metadata: input.metadata,
    },
  })
  if (result.order_id) return { type: "order", order: await orderSummary(container, result.order_id, result.amount) }
  return { type: "payment", cart_id: cartId, payment_collection_id: result.payment_collection_id!, payment_session: result.payment_session! }
}
