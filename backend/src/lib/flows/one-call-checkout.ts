import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { normalizeIndianMobile, PHONE_REFUSAL, type RefusalCode } from "@sweetshop/shop-contracts"
import { z } from "zod"
import { oneCallCheckoutWorkflow } from "../workflows/one-call-checkout"
import { checkoutMetadataField } from "./checkout-metadata"

/**
 * Checkout in one request: what the storefront's checkout page sends (contact,
 * address, delivery or pickup, payment), read and checked here, then run as one
 * workflow of Medusa's own cart workflows (../workflows/one-call-checkout.ts) in
 * the order its store routes would run them — update the cart, add the shipping
 * method, open the payment collection and session, complete — without seven
 * round trips and seven re-reads of the cart for their answers.
 *
 * Cash on delivery completes the cart here. An online payment stops after its
 * session: the shopper pays in Razorpay's checkout, then the storefront posts
 * the signed response (plugins/payment-razorpay) and completes the cart.
 */

const text = (name: string, max = 200) =>
  z.string({ required_error: `${name} is required`, invalid_type_error: `${name} must be text` }).trim().min(1, `${name} is required`).max(max, `${name} is too long`)

export const checkoutSchema = z
  .object({
    email: z.string({ required_error: "email is required" }).trim().email("email must be an email address, for example priya@example.in"),
    shipping_address: z
      .object({
        first_name: text("first_name", 100),
        last_name: text("last_name", 100).optional(),
        address_1: text("address_1"),
        address_2: z.string().trim().max(200).optional(),
        city: text("city", 100),
        province: z.string().trim().max(100).optional(),
        postal_code: z.string({ required_error: "postal_code is required" }).trim().regex(/^[1-9]\d{5}$/, "postal_code must be a 6-digit PIN code"),
        country_code: z.literal("in", { errorMap: () => ({ message: "country_code must be in: the shop delivers in India only" }) }).default("in"),
        phone: z.string({ required_error: "phone is required" }),
      })
      .strict(),
    shipping_option_id: text("shipping_option_id", 100),
    payment_provider_id: text("payment_provider_id", 100),
    // Only what a shopper chooses at checkout (gift message, day, slot…): ./checkout-metadata.ts.
    metadata: checkoutMetadataField.optional(),
  })
  .strict()

export type CheckoutInput = z.infer<typeof checkoutSchema>

export function readCheckout(body: unknown): CheckoutInput {
  const parsed = checkoutSchema.safeParse(body ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const message = issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : issue.message
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${message}.`)
  }
  const phone = normalizeIndianMobile(parsed.data.shipping_address.phone)
  if (!phone) throw new MedusaError(MedusaError.Types.INVALID_DATA, PHONE_REFUSAL, "invalid_phone" satisfies RefusalCode)
  return { ...parsed.data, shipping_address: { ...parsed.data.shipping_address, phone } }
}

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
