import type { MedusaContainer } from "@medusajs/framework/types"
import { WorkflowManager } from "@medusajs/framework/orchestration"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CASH_ON_DELIVERY_PROVIDER_ID, findStoppedCompletion, linkStoppedCompletion, PICKUP_HOURS_KEY, type RefusalCode } from "@sweetshop/shop-contracts"
import { readShopEnv } from "../../config/env"
import { cashOnDeliveryRefusal } from "../../lib/rules/cash-on-delivery"
import { priceAreaOf } from "../../lib/rules/delivery-area"
import { deliveryRefusal, homeDeliveryOptionIds } from "../../lib/flows/home-delivery"
import { bookDeliveryChoice, freePlaces, pickupHoursFor, servedRanges } from "../../lib/flows/delivery-settings"
import { type PrepareCartForCheckoutInput, prepareCartForCheckoutWorkflow } from "../prepare-cart-for-checkout"

/**
 * Runs a plugin's workflow by its id (plugins do not import each other, and
 * the backend does not import their code), if that plugin is loaded.
 */
export async function runPluginWorkflow<T>(container: MedusaContainer, workflowId: string, input: Record<string, unknown>): Promise<T | undefined> {
  if (!WorkflowManager.getWorkflow(workflowId)) return undefined
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { result } = await engine.run(workflowId, { input, throwOnError: true })
  return result as T
}

/** The cart to check out: refused (with a code) when it is gone, ordered already or empty; before anything is written. */
export const checkCartForCheckoutStep = createStep("sweetshop-check-cart-for-checkout", async (input: { cart_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "items.id", "payment_collection.payment_sessions.provider_id"],
    filters: { id: input.cart_id },
  })
  const cart = data[0] as any
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This cart no longer exists. Please add the sweets to a new cart.", "cart_not_found" satisfies RefusalCode)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart has already been ordered.", "cart_completed" satisfies RefusalCode)
  if (!(cart.items ?? []).length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Your cart is empty. Please add sweets before checking out.", "cart_empty" satisfies RefusalCode)
  }
  const startedOnline = (cart.payment_collection?.payment_sessions ?? []).some((s: any) => s?.provider_id && s.provider_id !== CASH_ON_DELIVERY_PROVIDER_ID)
  return new StepResponse({ started_online: startedOnline })
})

/**
 * A checkout started again (a second tab, the back button, a retry after a
 * slow answer): money the gateway already holds for this cart becomes its
 * order now, or is refunded (payment-razorpay's `razorpay-settle-cart`); it is
 * never left behind a new payment session. Null when there is nothing to settle.
 */
export const settleEarlierPaymentStep = createStep("sweetshop-settle-earlier-payment", async (input: { cart_id: string; started_online: boolean }, { container }) => {
  if (!input.started_online) return new StepResponse({ order_id: null as string | null })
  const settled = await runPluginWorkflow<{ order_id?: string }>(container, "razorpay-settle-cart", { cart_id: input.cart_id, found_by: "checkout started again" })
  return new StepResponse({ order_id: settled?.order_id ?? null })
})

/**
 * A cash-on-delivery checkout whose order was written but never linked to its
 * cart (the process was killed inside Medusa's completion): the shopper who
 * presses again gets that order, with its links, reservations and cash on
 * delivery payment written now, instead of a second order. Returns the
 * order, and the payment session to authorise when it has no payment yet.
 */
export const finishStoppedCompletionStep = createStep("sweetshop-finish-stopped-completion", async (input: { cart_id: string; settled_order_id: string | null }, { container }) => {
  if (input.settled_order_id) return new StepResponse({ order_id: null as string | null, payment_session_id: null as string | null })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const stopped = await findStoppedCompletion(query, input.cart_id)
  if (!stopped) return new StepResponse({ order_id: null as string | null, payment_session_id: null as string | null })
  await linkStoppedCompletion(
    { query, link: container.resolve(ContainerRegistrationKeys.LINK), carts: container.resolve(Modules.CART), inventory: container.resolve(Modules.INVENTORY) },
    stopped
  )
  const { data } = await query.graph({
    entity: "payment_session",
    fields: ["id", "provider_id", "payment.id"],
    filters: { payment_collection_id: stopped.payment_collection_id ?? "none" },
  })
  const unpaid = (data as any[]).find((s) => s.provider_id === CASH_ON_DELIVERY_PROVIDER_ID && !s.payment)
  container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Order ${stopped.order_id}: its completion had stopped before linking it to cart ${input.cart_id}; linked now.`)
  return new StepResponse({ order_id: stopped.order_id as string | null, payment_session_id: (unpaid?.id ?? null) as string | null })
})

/**
 * Home delivery outside the delivery area, refused before the cart changes. Medusa's own
 * add-shipping-method route has this rule as its `validate` hook (hooks/delivery-area.ts); the
 * one-call checkout adds the method inside its own workflow, so it asks here, first.
 */
export const refuseUndeliverableCheckoutStep = createStep(
  "sweetshop-refuse-undeliverable-checkout",
  async (input: { postal_code: string; shipping_option_id: string }, { container }) => {
    const ranges = await servedRanges(container)
    const refusal = await deliveryRefusal(container, input.postal_code, [input.shipping_option_id], ranges)
    if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal, "undeliverable_pincode" satisfies RefusalCode)
    // The delivery area home delivery is priced by, for the address's metadata (PRICE_AREA_METADATA_KEY).
    return new StepResponse({ price_area: priceAreaOf(input.postal_code, ranges) })
  }
)

/**
 * The delivery day and slot, judged by the shop's delivery settings (a day in the past or
 * closed, a slot after its cut-off, inside a product's lead time: refused with the code),
 * and for home delivery a place in the slot, taken atomically (slot_full when none is left);
 * a festival pre-order judged by its festival and given a place on its day (festival_full).
 * Answers too a pickup's counter hours that day (pickup_hours), which the checkout writes on the cart.
 * Compensated by freeing the places it took, so a checkout refused or failing later holds none.
 */
export const bookDeliverySlotStep = createStep(
  "sweetshop-book-delivery-slot",
  async (input: { cart_id: string; metadata?: Record<string, unknown> | null; shipping_option_id: string }, { container }) => {
    const homeDelivery = (await homeDeliveryOptionIds(container, [input.shipping_option_id])).length > 0
    // The day the order will carry: what this checkout sends over what the cart already holds (set by an earlier POST /store/carts/:id).
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "cart", fields: ["id", "metadata"], filters: { id: input.cart_id } })
    const metadata = { ...(((data[0] as any)?.metadata ?? {}) as Record<string, unknown>), ...(input.metadata ?? {}) }
    const places = await bookDeliveryChoice(container, { cart_id: input.cart_id, metadata, home_delivery: homeDelivery })
    // A pickup's counter hours that day, for the order's metadata (PICKUP_HOURS_KEY); null clears an earlier
    // pickup's from the cart, undefined leaves a cart that never had them alone.
    const pickupHours = (await pickupHoursFor(container, metadata, homeDelivery)) ?? (metadata[PICKUP_HOURS_KEY] != null ? null : undefined)
    return new StepResponse({ place_ids: places.map((p) => p.id), pickup_hours: pickupHours }, places.filter((p) => !p.kept).map((p) => p.id))
  },
  async (placeIds, { container }) => {
    if (placeIds?.length) await freePlaces(container, placeIds)
  }
)

/** Cash on delivery above COD_MAX_ORDER_RUPEES, refused for the total the payment collection was opened for. */
export const refuseCashOnDeliveryOverCapStep = createStep(
  "sweetshop-refuse-cod-over-cap",
  async (input: { provider_id: string; amount: unknown }) => {
    if (input.provider_id === CASH_ON_DELIVERY_PROVIDER_ID) {
      const refusal = cashOnDeliveryRefusal(Number(input.amount), readShopEnv(process.env).COD_MAX_ORDER_RUPEES)
      if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal, "cod_over_cap" satisfies RefusalCode)
    }
    return new StepResponse(true)
  }
)

/**
 * Paying online: the cart's grams are held first (gram-inventory's `gram-pool-hold-cart-stock`),
 * so a payment made within the hold always becomes an order, and a cart the pools cannot cover is
 * refused before the shopper pays. Compensated by releasing the holds (the same plugin's
 * `gram-pool-release-cart-holds`, when loaded), so a checkout that fails after it holds nothing.
 */
export const holdCartStockStep = createStep(
  "sweetshop-hold-cart-stock",
  async (input: { cart_id: string; provider_id: string }, { container }) => {
    if (input.provider_id === CASH_ON_DELIVERY_PROVIDER_ID) return new StepResponse(false, null)
    await runPluginWorkflow(container, "gram-pool-hold-cart-stock", { cart_id: input.cart_id, provider_id: input.provider_id })
    return new StepResponse(true, input.cart_id)
  },
  async (cartId, { container }) => {
    if (cartId) await runPluginWorkflow(container, "gram-pool-release-cart-holds", { cart_id: cartId })
  }
)

/**
 * The checkout page's details, delivery and payment collection on the cart (`sweetshop-prepare-cart-for-checkout`).
 * Run whole here rather than as a nested workflow: what the shopper typed stays on the cart when a later
 * step refuses (the cap, a payment provider), as it does on Medusa's own routes, so nothing is compensated.
 */
export const prepareCartStep = createStep("sweetshop-prepare-cart", async (input: PrepareCartForCheckoutInput, { container }) => {
  const run = () => prepareCartForCheckoutWorkflow(container).run({ input })
  const { result } = await run().catch((error) => {
    // Two carts of one guest checking out at the same moment (two tabs) both create the guest
    // customer; the slower one finds it on a second try.
    if (/^Customer with email: .* already exists/.test(String(error?.message))) return run()
    throw error
  })
  return new StepResponse(result)
})
