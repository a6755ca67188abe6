import type { MedusaContainer } from "@medusajs/framework/types"
import { WorkflowManager } from "@medusajs/framework/orchestration"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  completeCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { CASH_ON_DELIVERY_PROVIDER_ID, normalizeIndianMobile, PHONE_REFUSAL, type RefusalCode } from "@sweetshop/shop-contracts"
import { z } from "zod"
import { readShopEnv } from "../config/env"
import { prepareCartForCheckoutWorkflow } from "../workflows/prepare-cart-for-checkout"
import { cashOnDeliveryRefusal } from "./cash-on-delivery"
import { checkoutMetadataField } from "./checkout-metadata"
import { deliveryRefusal } from "./home-delivery"

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

/**
 * Runs a plugin's workflow by its id (plugins do not import each other, and
 * the backend does not import their code), if that plugin is loaded.
 */
async function runPluginWorkflow<T>(container: MedusaContainer, workflowId: string, input: Record<string, unknown>): Promise<T | undefined> {
  if (!WorkflowManager.getWorkflow(workflowId)) return undefined
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { result } = await engine.run(workflowId, { input, throwOnError: true })
  return result as T
}

async function orderSummary(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id", "currency_code", "payment_collections.amount"], filters: { id: orderId } })
  const order = data[0] as any
  return { id: order.id, display_id: Number(order.display_id), total: Number(order.payment_collections?.[0]?.amount ?? 0), currency_code: order.currency_code }
}

export async function checkOut(container: MedusaContainer, cartId: string, input: CheckoutInput): Promise<CheckoutOutcome> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "items.id", "payment_collection.payment_sessions.provider_id"],
    filters: { id: cartId },
  })
  const cart = carts[0] as any
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This cart no longer exists. Please add the sweets to a new cart.", "cart_not_found" satisfies RefusalCode)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart has already been ordered.", "cart_completed" satisfies RefusalCode)
  // Refused before anything is written (an empty cart would get its address, delivery and payment first).
  if (!(cart.items ?? []).length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Your cart is empty. Please add sweets before checking out.", "cart_empty" satisfies RefusalCode)
  // A checkout started again (a second tab, the back button, a retry after a
  // slow answer): money the gateway already holds for this cart becomes its
  // order now, or is refunded; it is never left behind a new payment session.
  const startedOnline = (cart.payment_collection?.payment_sessions ?? []).some((s: any) => s?.provider_id && s.provider_id !== CASH_ON_DELIVERY_PROVIDER_ID)
  if (startedOnline) {
    const settled = await runPluginWorkflow<{ order_id?: string }>(container, "razorpay-settle-cart", { cart_id: cartId, found_by: "checkout started again" })
    if (settled?.order_id) return { type: "order", order: await orderSummary(container, settled.order_id) }
  }
  // Home delivery outside the delivery area: refused before the cart changes.
  const undeliverable = await deliveryRefusal(container, input.shipping_address.postal_code, [input.shipping_option_id])
  if (undeliverable) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, undeliverable, "undeliverable_pincode" satisfies RefusalCode)
  const prepare = () =>
    prepareCartForCheckoutWorkflow(container).run({
      input: {
        cart_id: cartId,
        email: input.email,
        shipping_address: input.shipping_address,
        billing_address: input.shipping_address,
        metadata: input.metadata,
        shipping_option_id: input.shipping_option_id,
      },
    })
  const { result: prepared } = await prepare().catch((error) => {
    // Two carts of one guest checking out at the same moment (two tabs) both
    // create the guest customer; the slower one finds it on a second try.
    if (/^Customer with email: .* already exists/.test(String(error?.message))) return prepare()
    throw error
  })
  const collection = prepared.payment_collection
  if (input.payment_provider_id === CASH_ON_DELIVERY_PROVIDER_ID) {
    const refusal = cashOnDeliveryRefusal(Number(collection.amount), readShopEnv(process.env).COD_MAX_ORDER_RUPEES)
    if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal, "cod_over_cap" satisfies RefusalCode)
  }
  // Paying online: the cart's grams are held first (gram-inventory), so a
  // payment made within the hold always becomes an order, and a cart the pools
  // cannot cover is refused before the shopper pays.
  if (input.payment_provider_id !== CASH_ON_DELIVERY_PROVIDER_ID) {
    await runPluginWorkflow(container, "gram-pool-hold-cart-stock", { cart_id: cartId, provider_id: input.payment_provider_id })
  }
  const { result: session } = await createPaymentSessionsWorkflow(container).run({
    // The cart id goes into the gateway's order notes: a payment can be traced to its cart even after its session is gone.
    input: { payment_collection_id: collection.id, provider_id: input.payment_provider_id, data: { cart_id: cartId } },
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
