import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CASH_ON_DELIVERY_PROVIDER_ID, FESTIVAL_KEY, isPickupOption, paiseToRupees, paymentModeOf, type RupeeAmount, SHOP_EVENTS, toPaise } from "@sweetshop/shop-contracts"
import { ORDER_LIFECYCLE_MODULE } from "../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../modules/order-lifecycle/service"
import { type MovePlan, moveShopOrderWorkflow } from "../workflows/move-shop-order"
import { type FulfillmentKind, type PaymentMode, refuseMove, type ShopStatus } from "./shop-status"

/**
 * The shop's order lifecycle on Medusa's own records (the move itself is the
 * workflow `move-shop-order`, ../workflows/move-shop-order.ts):
 *   confirmed        → an online payment not yet captured is captured
 *   preparing        → a fulfillment is created (reserved stock leaves the pool)
 *   out_for_delivery / ready_for_pickup → the fulfillment is marked shipped
 *   delivered / picked_up → the fulfillment is marked delivered, cash on delivery
 *                      is captured (marked paid), the order is completed
 *   cancelled        → the fulfillment (if any) is cancelled, which restocks, then
 *                      Medusa's cancel: reservations released, online payment refunded
 * Each Medusa step is left out of the plan when it has already happened; a
 * move that fails half-way is undone by the workflow's compensations.
 */

export const STATUS_CHANGED_EVENT = SHOP_EVENTS.orderStatusChanged
export const PAYMENT_REFUNDED_EVENT = SHOP_EVENTS.orderPaymentRefunded

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

async function fulfillmentKindOf(container: MedusaContainer, order: any): Promise<FulfillmentKind> {
  const optionIds = (order.shipping_methods ?? []).map((m: any) => m?.shipping_option_id).filter(Boolean)
  if (!optionIds.length) return "delivery"
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "type.code", "service_zone.fulfillment_set.type"],
    filters: { id: optionIds },
  })
  return data.some((o: any) => isPickupOption(o)) ? "pickup" : "delivery"
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
    festival: typeof order.metadata?.[FESTIVAL_KEY] === "string" && order.metadata[FESTIVAL_KEY] ? String(order.metadata[FESTIVAL_KEY]).slice(0, 60) : null,
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

/**
 * Orders placed in the last two hours (more than a minute ago) with no shop record: their
 * `order.placed` was lost with the process that held it, so the kitchen sheet and Shop orders
 * would not list them. Their records are made now (ensureShopOrder is safe to race). Returns their ids.
 */
export async function recordMissedOrders(container: MedusaContainer, now = new Date()): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { created_at: { $gte: new Date(now.getTime() - 2 * 60 * 60 * 1000), $lte: new Date(now.getTime() - 60 * 1000) } } as any,
    pagination: { take: 1000, order: { created_at: "DESC" } },
  })
  const ids = (orders as any[]).map((o) => o.id as string)
  if (!ids.length) return []
  const known = new Set((await lifecycleService(container).listShopOrders({ order_id: ids }, { select: ["order_id"], take: 10_000 })).map((r: any) => r.order_id as string))
  const missed = ids.filter((id) => !known.has(id))
  for (const id of missed) await ensureShopOrder(container, id)
  return missed
}

export class MoveRefused extends Error {}

/**
 * Moves an order to a new shop status, for staff or for the shop itself.
 * Under a lock per order (Redis with REDIS_URL), so two staff pressing the same
 * button at once change the order once: the second sees the move made and is
 * told so. Throws MoveRefused with the sentence for a move not allowed. The
 * move is the workflow `move-shop-order`: all of it happens, or none of it.
 */
export async function moveShopOrder(
  container: MedusaContainer,
  input: { orderId: string; to: ShopStatus; actor: Actor; note?: string | null }
) {
  const locking = container.resolve(Modules.LOCKING)
  return await locking.execute(
    `shop-order:${input.orderId}`,
    async () => {
      const row = await ensureShopOrder(container, input.orderId)
      if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no order with id ${input.orderId}.`)
      const from = row.status as ShopStatus
      const refusal = refuseMove({ display_id: row.display_id, status: from, kind: row.fulfillment_kind as FulfillmentKind }, input.to)
      if (refusal) throw new MoveRefused(refusal)

      const order = await fetchOrder(container, input.orderId)
      const plan = planMove(order, { shop_order_id: row.id, from, to: input.to, actor: input.actor, note: input.note })
      const { result } = await moveShopOrderWorkflow(container).run({ input: plan })
      return { from, to: input.to, change: result.change }
    },
    { timeout: 60 }
  )
}

/** Paise refunded on an order so far (shop-contracts' exact conversion). */
export function refundedPaise(order: any): number {
  return payments(order)
    .flatMap((p) => p.refunds ?? [])
    .reduce((sum: number, r: any) => sum + (toPaise((r?.amount ?? 0) as RupeeAmount) ?? 0), 0)
}

/**
 * What a move does on Medusa's records, from the order as it stands: steps
 * already done are left out. Throws MoveRefused when the order is not in a
 * state the move can start from (no fulfilment to hand over, sweets already
 * out of the kitchen for a cancellation).
 */
export function planMove(
  order: any,
  move: { shop_order_id: string; from: ShopStatus; to: ShopStatus; actor: Actor; note?: string | null }
): MovePlan {
  const items = (order.items ?? []).filter(Boolean).map((i: any) => ({ id: i.id, quantity: Number(i.quantity) }))
  const active = (order.fulfillments ?? []).filter((f: any) => f && !f.canceled_at)
  const fulfillment = active[0]
  const open = payments(order).filter((p) => !p.captured_at && !p.canceled_at)
  const plan: MovePlan = {
    order_id: order.id,
    display_id: Number(order.display_id),
    shop_order_id: move.shop_order_id,
    from: move.from,
    to: move.to,
    actor_type: move.actor.type,
    actor_id: move.actor.id ?? null,
    note: move.note?.trim() || null,
    create_fulfillment: null,
    ship_fulfillment: null,
    deliver_fulfillment_id: null,
    complete_order: false,
    cancel_fulfillment_id: null,
    refund: null,
    cancel_order: false,
    capture_payment_ids: [],
    refunded_before_paise: refundedPaise(order),
  }
  switch (move.to) {
    case "confirmed":
      plan.capture_payment_ids = open.filter((p) => p.provider_id !== CASH_ON_DELIVERY_PROVIDER_ID).map((p) => p.id)
      break
    case "preparing":
      if (!fulfillment) plan.create_fulfillment = { items }
      break
    case "out_for_delivery":
    case "ready_for_pickup":
      if (!fulfillment) throw new MoveRefused(`Order #${order.display_id} has no fulfillment to hand over; move it to "Being prepared" first.`)
      if (!fulfillment.shipped_at) plan.ship_fulfillment = { id: fulfillment.id, items }
      break
    case "delivered":
    case "picked_up":
      if (!fulfillment) throw new MoveRefused(`Order #${order.display_id} has no fulfillment to deliver.`)
      if (!fulfillment.delivered_at) plan.deliver_fulfillment_id = fulfillment.id
      // Cash on delivery is paid now; an online payment still uncaptured is captured too.
      plan.capture_payment_ids = open.map((p) => p.id)
      plan.complete_order = order.status !== "completed"
      break
    case "cancelled":
      if (active.some((f: any) => f.shipped_at)) throw new MoveRefused(`Order #${order.display_id} has left the kitchen; it can no longer be cancelled.`)
      if (active.length > 1) throw new MoveRefused(`Order #${order.display_id} has ${active.length} fulfilments; cancel them on Medusa's order page first.`)
      plan.cancel_fulfillment_id = fulfillment?.id ?? null
      const refunds = payments(order)
        .filter((p) => p.captured_at && !p.canceled_at)
        .map((p) => {
          const refunded = (p.refunds ?? []).reduce((sum: number, r: any) => sum + (toPaise((r?.amount ?? 0) as RupeeAmount) ?? 0), 0)
          return { payment_id: p.id as string, paise: (toPaise(p.amount as RupeeAmount) ?? 0) - refunded }
        })
        .filter((r) => r.paise > 0)
        .map((r) => ({ payment_id: r.payment_id, amount: paiseToRupees(r.paise) }))
      if (refunds.length > 1) throw new MoveRefused(`Order #${order.display_id} has ${refunds.length} captured payments; refund them on Medusa's order page first.`)
      plan.refund = refunds[0] ?? null
      plan.cancel_order = order.status !== "canceled"
      break
  }
  return plan
}
