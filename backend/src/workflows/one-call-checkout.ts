import type { CreateCartAddressDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { authorizePaymentSessionStep, completeCartWorkflow, createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { CASH_ON_DELIVERY_PROVIDER_ID, PICKUP_HOURS_KEY } from "@sweetshop/shop-contracts"
import {
  bookDeliverySlotStep,
  checkCartForCheckoutStep,
  finishStoppedCompletionStep,
  holdCartStockStep,
  prepareCartStep,
  refuseCashOnDeliveryOverCapStep,
  refuseUndeliverableCheckoutStep,
  settleEarlierPaymentStep,
} from "./steps/checkout-steps"
import { withPriceArea } from "../lib/rules/delivery-area"

export type OneCallCheckoutInput = {
  cart_id: string
  email: string
  shipping_address: CreateCartAddressDTO & { postal_code: string }
  shipping_option_id: string
  payment_provider_id: string
  metadata?: Record<string, unknown>
}

export type OneCallCheckoutResult = {
  /** The order made now, or by an earlier payment this checkout settled. */
  order_id: string | null
  /** Paying online: the session to pay in the gateway's checkout. */
  payment_collection_id: string | null
  payment_session: { id: string; provider_id: string; data: Record<string, unknown> } | null
  /** The amount the payment collection was opened for (the order's total), in rupees. */
  amount: unknown
}

/**
 * Checkout in one request, as one workflow of Medusa's own cart workflows and the shop's rules:
 *   1. the cart is there, not ordered, not empty (refused before anything is written)
 *   2. money an earlier checkout of this cart took is settled first (its order, or a refund),
 *      and an order an earlier completion wrote but never linked (a killed process) is linked and returned
 *   3. home delivery only inside the area, and the day and slot by the delivery settings, home
 *      delivery taking a place in its slot (refused before the cart changes; the place is freed
 *      if a later step fails)
 *   4. details, delivery and payment collection (`sweetshop-prepare-cart-for-checkout`)
 *   5. cash on delivery only up to the cap
 *   6. online: the cart's grams held while the shopper pays (released if a later step fails)
 *   7. the payment session (Medusa's createPaymentSessionsWorkflow)
 *   8. cash on delivery: the order (Medusa's completeCartWorkflow)
 * Steps 3–8 run only when step 2 found no order.
 */
export const oneCallCheckoutWorkflow = createWorkflow("sweetshop-one-call-checkout", (input: OneCallCheckoutInput) => {
  const cart = checkCartForCheckoutStep(transform({ input }, ({ input }) => ({ cart_id: input.cart_id })))
  const paid = settleEarlierPaymentStep(transform({ input, cart }, ({ input, cart }) => ({ cart_id: input.cart_id, started_online: cart.started_online })))
  const stopped = finishStoppedCompletionStep(transform({ input, paid }, ({ input, paid }) => ({ cart_id: input.cart_id, settled_order_id: paid.order_id })))
  when("checkout-authorises-stopped-completion", { stopped }, ({ stopped }) => !!stopped.payment_session_id).then(() => {
    authorizePaymentSessionStep({ id: transform({ stopped }, ({ stopped }) => stopped.payment_session_id!) })
  })
  const settled = transform({ paid, stopped }, ({ paid, stopped }) => ({ order_id: paid.order_id ?? stopped.order_id }))

  const prepared = when("checkout-prepares-cart", { settled }, ({ settled }) => !settled.order_id).then(() => {
    const area = refuseUndeliverableCheckoutStep(
      transform({ input }, ({ input }) => ({ postal_code: input.shipping_address.postal_code, shipping_option_id: input.shipping_option_id }))
    )
    const booked = bookDeliverySlotStep(
      transform({ input }, ({ input }) => ({ cart_id: input.cart_id, metadata: input.metadata ?? null, shipping_option_id: input.shipping_option_id }))
    )
    // The pickup hours are the backend's word (staff's settings), written beside what the shopper sent.
    // The shipping address carries the delivery area home delivery is priced by (lib/rules/delivery-area.ts).
    const prepareInput = transform({ input, booked, area }, ({ input, booked, area }) => ({
      cart_id: input.cart_id,
      email: input.email,
      shipping_address: withPriceArea(input.shipping_address, area.price_area),
      billing_address: input.shipping_address,
      metadata: { ...(input.metadata ?? {}), ...(booked.pickup_hours !== undefined ? { [PICKUP_HOURS_KEY]: booked.pickup_hours } : {}) },
      shipping_option_id: input.shipping_option_id,
    }))
    return prepareCartStep(prepareInput)
  })

  const session = when("checkout-opens-payment", { settled }, ({ settled }) => !settled.order_id).then(() => {
    const collection = transform({ prepared }, ({ prepared }) => prepared!.payment_collection)
    refuseCashOnDeliveryOverCapStep(transform({ input, collection }, ({ input, collection }) => ({ provider_id: input.payment_provider_id, amount: collection.amount })))
    holdCartStockStep(transform({ input }, ({ input }) => ({ cart_id: input.cart_id, provider_id: input.payment_provider_id })))
    // The cart id goes into the gateway's order notes: a payment can be traced to its cart even after its session is gone.
    const sessionInput = transform({ input, collection }, ({ input, collection }) => ({
      payment_collection_id: collection.id as string,
      provider_id: input.payment_provider_id,
      data: { cart_id: input.cart_id },
    }))
    return createPaymentSessionsWorkflow.runAsStep({ input: sessionInput })
  })

  const order = when("checkout-completes-cash-on-delivery", { settled, input }, ({ settled, input }) => !settled.order_id && input.payment_provider_id === CASH_ON_DELIVERY_PROVIDER_ID).then(
    () => completeCartWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ id: input.cart_id })) })
  )

  const result = transform({ settled, prepared, session, order }, ({ settled, prepared, session, order }): OneCallCheckoutResult => {
    if (settled.order_id) return { order_id: settled.order_id, payment_collection_id: null, payment_session: null, amount: null }
    const collection = prepared!.payment_collection
    if (order) return { order_id: (order as { id: string }).id, payment_collection_id: collection.id, payment_session: null, amount: collection.amount }
    const s = session as any
    return {
      order_id: null,
      payment_collection_id: collection.id,
      payment_session: { id: s.id, provider_id: s.provider_id, data: s.data ?? {} },
      amount: collection.amount,
    }
  })
  return new WorkflowResponse(result)
})

