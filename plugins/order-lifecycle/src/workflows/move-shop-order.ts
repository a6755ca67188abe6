import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  cancelOrderFulfillmentWorkflow,
  cancelOrderWorkflow,
  completeOrderWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/medusa/core-flows"
import { type OrderStatusChangedData, SHOP_EVENTS, type ShopStatus } from "@sweetshop/shop-contracts"
import { captureShopPaymentsStep } from "./steps/capture-shop-payments"
import { recordShopMoveStep, setShopStatusStep } from "./steps/record-shop-move"
import { refundedByMoveStep } from "./steps/refunded-by-move"

/**
 * What one move does on Medusa's records, decided before the workflow runs
 * (lib/shop-orders.ts `planMove`, under the order's lock) from the order as it
 * stands: a step already done is not in the plan, so a move pressed again does
 * only what is left.
 */
export type MovePlan = {
  order_id: string
  display_id: number
  shop_order_id: string
  from: ShopStatus
  to: ShopStatus
  actor_type: "user" | "system"
  actor_id: string | null
  note: string | null
  /** preparing: the fulfilment of every line (reserved stock leaves the pool). */
  create_fulfillment: { items: { id: string; quantity: number }[] } | null
  /** out_for_delivery / ready_for_pickup: the fulfilment handed over. */
  ship_fulfillment: { id: string; items: { id: string; quantity: number }[] } | null
  /** delivered / picked_up. */
  deliver_fulfillment_id: string | null
  complete_order: boolean
  /** cancelled: the fulfilment still in the kitchen is cancelled (restocked), captured money refunded, then Medusa's cancel (reservations released). */
  cancel_fulfillment_id: string | null
  /**
   * The captured money a cancellation gives back (the order's one captured payment, in rupees as
   * Medusa takes them). Refunded by the move itself, not left to Medusa's cancel: that one logs a
   * refund the gateway refused and cancels anyway, leaving a cancelled order with the money taken.
   */
  refund: { payment_id: string; amount: string } | null
  cancel_order: boolean
  /** Payments captured by the move: an online one on confirmation, everything still open on delivery. */
  capture_payment_ids: string[]
  refunded_before_paise: number
}

/**
 * An order's move to a new shop status, as one workflow of Medusa's own
 * workflows (run as steps) and the shop's record. Order of the steps:
 *   1. Medusa's fulfilment changes (cancel, create, ship, deliver) and completion
 *   2. the shop's record: the status, then the history row
 *   3. money: a cancellation's refunds, Medusa's cancel, then captures
 *   4. the events (sent by Medusa only once the workflow has finished)
 * A step that fails undoes every step before it (each of Medusa's workflows
 * run as a step is cancelled, which runs its compensations; the record is put
 * back), so a failure half-way leaves the order, its fulfilment, payment and
 * history as they were. Money moves last because a capture or a refund cannot
 * be compensated: nothing after them can fail.
 */
export const moveShopOrderWorkflow = createWorkflow("move-shop-order", (plan: MovePlan) => {
  const by = transform({ plan }, ({ plan }) => plan.actor_id ?? undefined)

  when("move-cancels-fulfillment", { plan }, ({ plan }) => !!plan.cancel_fulfillment_id).then(() => {
    const input = transform({ plan, by }, ({ plan, by }) => ({ order_id: plan.order_id, fulfillment_id: plan.cancel_fulfillment_id!, canceled_by: by }))
    cancelOrderFulfillmentWorkflow.runAsStep({ input: input as any })
  })
  when("move-creates-fulfillment", { plan }, ({ plan }) => !!plan.create_fulfillment).then(() => {
    const input = transform({ plan, by }, ({ plan, by }) => ({ order_id: plan.order_id, items: plan.create_fulfillment!.items, created_by: by }))
    createOrderFulfillmentWorkflow.runAsStep({ input })
  })
  when("move-ships-fulfillment", { plan }, ({ plan }) => !!plan.ship_fulfillment).then(() => {
    const input = transform({ plan, by }, ({ plan, by }) => ({
      order_id: plan.order_id,
      fulfillment_id: plan.ship_fulfillment!.id,
      items: plan.ship_fulfillment!.items,
      created_by: by,
    }))
    createOrderShipmentWorkflow.runAsStep({ input })
  })
  when("move-delivers-fulfillment", { plan }, ({ plan }) => !!plan.deliver_fulfillment_id).then(() => {
    const input = transform({ plan }, ({ plan }) => ({ orderId: plan.order_id, fulfillmentId: plan.deliver_fulfillment_id! }))
    markOrderFulfillmentAsDeliveredWorkflow.runAsStep({ input })
  })
  when("move-completes-order", { plan }, ({ plan }) => plan.complete_order).then(() => {
    const input = transform({ plan }, ({ plan }) => ({ orderIds: [plan.order_id] }))
    completeOrderWorkflow.runAsStep({ input })
  })

  setShopStatusStep(transform({ plan }, ({ plan }) => ({ shop_order_id: plan.shop_order_id, from: plan.from, to: plan.to })))
  const record = transform({ plan }, ({ plan }) => ({
    order_id: plan.order_id,
    from: plan.from,
    to: plan.to,
    actor_type: plan.actor_type,
    actor_id: plan.actor_id,
    note: plan.note,
  }))
  const change = recordShopMoveStep(record)

  // Medusa's refundPaymentWorkflow (one payment) fails when the gateway refuses; its plural sibling only logs.
  when("move-refunds-payment", { plan }, ({ plan }) => !!plan.refund).then(() => {
    const input = transform({ plan, by }, ({ plan, by }) => ({ payment_id: plan.refund!.payment_id, amount: plan.refund!.amount, created_by: by, note: "Order cancelled" }))
    refundPaymentWorkflow.runAsStep({ input })
  })
  when("move-cancels-order", { plan }, ({ plan }) => plan.cancel_order).then(() => {
    const input = transform({ plan, by }, ({ plan, by }) => ({ order_id: plan.order_id, canceled_by: by }))
    cancelOrderWorkflow.runAsStep({ input })
  })
  const captures = transform({ plan, by }, ({ plan, by }) => ({ payment_ids: plan.capture_payment_ids, captured_by: by }))
  captureShopPaymentsStep(captures)

  const statusChanged = transform({ plan }, ({ plan }): OrderStatusChangedData => ({ id: plan.order_id, display_id: plan.display_id, from: plan.from, to: plan.to }))
  emitEventStep({ eventName: SHOP_EVENTS.orderStatusChanged, data: statusChanged }).config({ name: "emit-shop-order-status-changed" })

  // A cancellation's refund, told once the money is back (none when nothing was refunded).
  const refunds = refundedByMoveStep(
    transform({ plan }, ({ plan }) => ({ order_id: plan.order_id, display_id: plan.display_id, cancelled: plan.cancel_order, refunded_before_paise: plan.refunded_before_paise }))
  )
  emitEventStep({ eventName: SHOP_EVENTS.orderPaymentRefunded, data: refunds }).config({ name: "emit-shop-order-payment-refunded" })

  return new WorkflowResponse({ from: plan.from, to: plan.to, change })
})
