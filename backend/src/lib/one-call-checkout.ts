import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  completeCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { z } from "zod"
import { readShopEnv } from "../config/env"
import { prepareCartForCheckoutWorkflow } from "../workflows/prepare-cart-for-checkout"
import { CASH_ON_DELIVERY_PROVIDER_ID, cashOnDeliveryRefusal } from "./cash-on-delivery"
import { deliveryRefusal } from "./home-delivery"
import { normalizeIndianMobile, PHONE_REFUSAL } from "./indian-phone"

/**
 * Checkout in one request: what the storefront's checkout page sends (contact,
 * address, delivery or pickup, payment), run through Medusa's own cart
 * workflows in the order its store routes would run them — update the cart,
 * add the shipping method, open the payment collection and session, complete —
 * without seven round trips and seven re-reads of the cart for their answers.
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
    metadata: z.record(z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).optional(),
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
  if (!phone) throw new MedusaError(MedusaError.Types.INVALID_DATA, PHONE_REFUSAL)
  return { ...parsed.data, shipping_address: { ...parsed.data.shipping_address, phone } }
}

export type CheckoutOutcome =
  | { type: "order"; order: { id: string; display_id: number; total: number; currency_code: string } }
  | { type: "payment"; cart_id: string; payment_collection_id: string; payment_session: { id: string; provider_id: string; data: Record<string, unknown> } }

export async function checkOut(container: MedusaContainer, cartId: string, input: CheckoutInput): Promise<CheckoutOutcome> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartId } })
  const cart = carts[0] as any
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This cart no longer exists. Please add the sweets to a new cart.")
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart has already been ordered.")
  // Home delivery outside the delivery area: refused before the cart changes.
  const undeliverable = await deliveryRefusal(container, input.shipping_address.postal_code, [input.shipping_option_id])
  if (undeliverable) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, undeliverable)
  const { result: prepared } = await prepareCartForCheckoutWorkflow(container).run({
    input: {
      cart_id: cartId,
      email: input.email,
      shipping_address: input.shipping_address,
      billing_address: input.shipping_address,
      metadata: input.metadata,
      shipping_option_id: input.shipping_option_id,
    },
  })
  const collection = prepared.payment_collection
  if (input.payment_provider_id === CASH_ON_DELIVERY_PROVIDER_ID) {
    const refusal = cashOnDeliveryRefusal(Number(collection.amount), readShopEnv(process.env).COD_MAX_ORDER_RUPEES)
    if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
  }
  const { result: session } = await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: input.payment_provider_id },
  })
  if (input.payment_provider_id !== CASH_ON_DELIVERY_PROVIDER_ID) {
    return {
      type: "payment",
      cart_id: cartId,
      payment_collection_id: collection.id,
      payment_session: { id: session.id, provider_id: session.provider_id, data: session.data ?? {} },
    }
  }

  const { result } = await completeCartWorkflow(container).run({ input: { id: cartId } })
  // The order's total is the amount the payment collection was opened for (its
  // number is all that is read back; computing an order's totals costs a dozen queries).
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "display_id", "currency_code"], filters: { id: result.id } })
  const order = orders[0] as any
  return { type: "order", order: { id: order.id, display_id: Number(order.display_id), total: collection.amount, currency_code: order.currency_code } }
}
