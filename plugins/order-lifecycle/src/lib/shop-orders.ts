import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  cancelOrderFulfillmentWorkflow,
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  completeOrderWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"
import { ORDER_LIFECYCLE_MODULE } from "../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../modules/order-lifecycle/service"
import { type FulfillmentKind, type PaymentMode, refuseMove, type ShopStatus } from "./shop-status"

/**
 * The shop's order lifecycle on Medusa's own records:
 *   confirmed        → an online payment not yet captured is captured
 *   preparing        → a fulfillment is created (reserved stock leaves the pool)
 *   out_for_delivery / ready_for_pickup → the fulfillment is marked shipped
 *   delivered / picked_up → the fulfillment is marked delivered, cash on delivery
 *                      is captured (marked paid), the order is completed
 *   cancelled        → the fulfillment (if any) is cancelled, which restocks, then
 *                      Medusa's cancel: reservations released, online payment refunded
 * Each Medusa step is skipped when it has already happened, so a move that
 * failed halfway can be pressed again.
 */

export const STATUS_CHANGED_EVENT = "shop_order.status_changed"
export const PAYMENT_REFUNDED_EVENT = "shop_order.payment_refunded"

export type Actor = { type: "user" | "system"; id?: string | null }

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "metadata",
  "total",
  "currency_code",
  "shipping_address.*",
  "billing_address.phone",
  "items.id",
  "items.quantity",
  "items.product_title",
  "items.variant_title",
  "items.variant_id",
  "items.total",
  "shipping_methods.shipping_option_id",
  "fulfillments.id",
  "fulfillments.canceled_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.amount",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.refunds.amount",
]

export function lifecycleService(container: MedusaContainer): OrderLifecycleModuleService {
  return container.resolve(ORDER_LIFECYCLE_MODULE)
}

export async function fetchOrder(container: MedusaContainer, orderId: string): Promise<any | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  return data[0] ?? null
}

/** The India-time calendar day of a moment, as YYYY-MM-DD. */
export function indiaDate(at: Date | string): string {
  return new Date(at).toLocaleDateString("en-CA", { timeZone: "Asia/Kolkata" })
}

const payments = (order: any): any[] => (order.payment_collections ?? []).flatMap((c: any) => c?.payments ?? []).filter(Boolean)

export function paymentModeOf(order: any): PaymentMode {
  const providers = payments(order).map((p) => p.provider_id)
  return providers.length && providers.every((p: string) => p === "pp_system_default") ? "cod" : providers.length ? "online" : "cod"
}

async function fulfillmentKindOf(container: MedusaContainer, order: any): Promise<FulfillmentKind> {
  const optionIds = (order.shipping_methods ?? []).map((m: any) => m?.shipping_option_id).filter(Boolean)
  if (!optionIds.length) return "delivery"
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "type.code", "service_zone.fulfillment_set.type"],
    filters: { id: optionIds },
  })
  return data.some((o: any) => o?.service_zone?.fulfillment_set?.type === "pickup" || o?.type?.code === "store-pickup")
    ? "pickup"
    : "delivery"
}

/**
 * The shop row of an order, made on first need (the order-placed subscriber
 * makes it; an admin or a shopper arriving first makes it too). Null for an
 * unknown order.
 */
export async function ensureShopOrder(container: MedusaContainer, orderId: string) {
  const service = lifecycleService(container)
  const [existing] = await service.listShopOrders({ order_id: orderId })
  if (existing) return existing
  const order = await fetchOrder(container, orderId)
  if (!order) return null
  const chosenDay = order.metadata?.delivery_date
  const row = {
    order_id: order.id,
    display_id: Number(order.display_id),
    status: "placed" as const,
    fulfillment_kind: await fulfillmentKindOf(container, order),
    payment_mode: paymentModeOf(order),
    phone: order.shipping_address?.phone ?? order.billing_address?.phone ?? null,
    delivery_date: typeof chosenDay === "string" && /^\d{4}-\d{2}-\d{2}$/.test(chosenDay) ? chosenDay : indiaDate(order.created_at),
    delivery_slot: typeof order.metadata?.delivery_slot === "string" ? order.metadata.delivery_slot.slice(0, 40) : null,
  }
  try {
    const created = await service.createShopOrders(row)
    await service.createStatusChanges({ order_id: order.id, from_status: null, to_status: "placed", actor_type: "system" })
    return created
  } catch (error) {
    // Two processes made it at once: the unique order_id kept one.
    const [made] = await service.listShopOrders({ order_id: orderId })
    if (made) return made
    throw error
  }
}

export class MoveRefused extends Error {}

/**
 * Moves an order to a new shop status, for staff or for the shop itself.
 * Under a lock per order (Redis with REDIS_URL), so two staff pressing the same
 * button at once change the order once: the second sees the move made and is
 * told so. Throws MoveRefused with the sentence for a move not allowed.
 */
export async function moveShopOrder(
  container: MedusaContainer,
  input: { orderId: string; to: ShopStatus; actor: Actor; note?: string | null }
) {
  const locking = container.resolve(Modules.LOCKING)
  return await locking.execute(
    `shop-order:${input.orderId}`,
    async () => {
      const service = lifecycleService(container)
      const row = await ensureShopOrder(container, input.orderId)
      if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no order with id ${input.orderId}.`)
      const from = row.status as ShopStatus
      const refusal = refuseMove({ display_id: row.display_id, status: from, kind: row.fulfillment_kind as FulfillmentKind }, input.to)
      if (refusal) throw new MoveRefused(refusal)

      const order = await fetchOrder(container, input.orderId)
      const refundedBefore = refundedRupees(order)
      await applyOnMedusa(container, order, input.to, input.actor)

      await service.updateShopOrders({ id: row.id, status: input.to })
      const change = await service.createStatusChanges({
        order_id: row.order_id,
        from_status: from,
        to_status: input.to,
        actor_type: input.actor.type,
        actor_id: input.actor.id ?? null,
        note: input.note?.trim() || null,
      })
      await mirrorOnOrder(container, order, input.to)

      const events: { name: string; data: Record<string, unknown> }[] = [
        { name: STATUS_CHANGED_EVENT, data: { id: row.order_id, display_id: row.display_id, from, to: input.to } },
      ]
      if (input.to === "cancelled") {
        const refunded = refundedRupees(await fetchOrder(container, input.orderId)) - refundedBefore
        if (refunded > 0) {
          events.push({
            name: PAYMENT_REFUNDED_EVENT,
            data: { id: row.order_id, display_id: row.display_id, amount_paise: Math.round(refunded * 100) },
          })
        }
      }
      await container.resolve(Modules.EVENT_BUS).emit(events)
      return { from, to: input.to, change }
    },
    { timeout: 60 }
  )
}

function refundedRupees(order: any): number {
  return payments(order)
    .flatMap((p) => p.refunds ?? [])
    .reduce((sum: number, r: any) => sum + Number(r?.amount ?? 0), 0)
}

/** Other modules (messages, the WhatsApp "status" reply) read the shop status from order.metadata.shop_status. */
async function mirrorOnOrder(container: MedusaContainer, order: any, status: ShopStatus) {
  await container.resolve(Modules.ORDER).updateOrders([{ id: order.id, metadata: { ...(order.metadata ?? {}), shop_status: status } }])
}

async function applyOnMedusa(container: MedusaContainer, order: any, to: ShopStatus, actor: Actor) {
  const by = actor.id ?? undefined
  const items = (order.items ?? []).filter(Boolean).map((i: any) => ({ id: i.id, quantity: Number(i.quantity) }))
  const active = (order.fulfillments ?? []).filter((f: any) => f && !f.canceled_at)
  const fulfillment = active[0]

  switch (to) {
    case "confirmed":
      await captureAll(container, order, (p) => p.provider_id !== "pp_system_default", by)
      return
    case "preparing":
      if (!fulfillment) {
        await createOrderFulfillmentWorkflow(container).run({ input: { order_id: order.id, items, created_by: by } })
      }
      return
    case "out_for_delivery":
    case "ready_for_pickup":
      if (!fulfillment) throw new MoveRefused(`Order #${order.display_id} has no fulfillment to hand over; move it to "Being prepared" first.`)
      if (!fulfillment.shipped_at) {
        await createOrderShipmentWorkflow(container).run({
          input: { order_id: order.id, fulfillment_id: fulfillment.id, items, created_by: by },
        })
      }
      return
    case "delivered":
    case "picked_up":
      if (!fulfillment) throw new MoveRefused(`Order #${order.display_id} has no fulfillment to deliver.`)
      if (!fulfillment.delivered_at) {
        await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId: order.id, fulfillmentId: fulfillment.id } })
      }
      // Cash on delivery is paid now; an online payment still uncaptured is captured too.
      await captureAll(container, order, () => true, by)
      if (order.status !== "completed") {
        await completeOrderWorkflow(container).run({ input: { orderIds: [order.id] } })
      }
      return
    case "cancelled":
      for (const f of active) {
        if (f.shipped_at) throw new MoveRefused(`Order #${order.display_id} has left the kitchen; it can no longer be cancelled.`)
        await cancelOrderFulfillmentWorkflow(container).run({ input: { order_id: order.id, fulfillment_id: f.id, canceled_by: by } as any })
      }
      if (order.status !== "canceled") {
        await cancelOrderWorkflow(container).run({ input: { order_id: order.id, canceled_by: by } })
      }
      return
    default:
      return
  }
}

async function captureAll(container: MedusaContainer, order: any, which: (payment: any) => boolean, by?: string) {
  for (const payment of payments(order)) {
    if (payment.captured_at || payment.canceled_at || !which(payment)) continue
    await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id, captured_by: by } })
  }
}
