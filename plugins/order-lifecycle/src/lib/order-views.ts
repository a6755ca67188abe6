import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type RupeeAmount, toPaise } from "@sweetshop/shop-contracts"
import { maskAddress, maskPhone } from "./masking"
import { fetchOrder, lifecycleService } from "./shop-orders"
import { type FulfillmentKind, nextStatuses, STATUS_LABELS, type ShopStatus, statusPath } from "./shop-status"

/** Rupee amounts from Medusa as whole paise (shop-contracts' exact conversion); nothing is 0. */
const paiseOf = (rupees: unknown) => toPaise((rupees ?? 0) as RupeeAmount) ?? 0

export const PAYMENT_LABELS = { cod: "Cash on delivery", online: "Paid online (Razorpay)" } as const

type Row = {
  order_id: string
  display_id: number
  status: string
  fulfillment_kind: string
  payment_mode: string
  phone: string | null
  delivery_date: string
  delivery_slot: string | null
}

async function historyOf(container: MedusaContainer, orderIds: string[]) {
  if (!orderIds.length) return []
  return await lifecycleService(container).listStatusChanges({ order_id: orderIds }, { order: { created_at: "ASC" }, take: 10_000 })
}

/** The status timeline a shopper sees: each step of the order's path, done or not, with when. */
function timeline(row: Row, history: { to_status: string; created_at: Date | string }[]) {
  const at = (status: string) => history.find((h) => h.to_status === status)?.created_at ?? null
  const steps = statusPath(row.fulfillment_kind as FulfillmentKind)
  if (row.status === "cancelled") {
    const reached = steps.filter((s) => at(s))
    return [...reached, "cancelled" as ShopStatus].map((s) => ({ status: s, label: STATUS_LABELS[s], done: true, at: at(s) }))
  }
  const current = steps.indexOf(row.status as ShopStatus)
  return steps.map((s, i) => ({ status: s, label: STATUS_LABELS[s], done: i <= current, at: at(s) }))
}

function itemsOf(order: any) {
  return (order.items ?? [])
    .filter(Boolean)
    .map((i: any) => ({
      title: i.product_title as string,
      variant_title: (i.variant_title ?? null) as string | null,
      quantity: Number(i.quantity),
      total_paise: paiseOf(i.total),
    }))
}

/** What a shopper may see of an order: no full address, no full phone, no internal ids. */
export async function publicOrderView(container: MedusaContainer, row: Row) {
  const [order, history] = await Promise.all([fetchOrder(container, row.order_id), historyOf(container, [row.order_id])])
  const status = row.status as ShopStatus
  return {
    order_number: row.display_id,
    status,
    status_label: STATUS_LABELS[status],
    placed_at: order?.created_at ?? null,
    timeline: timeline(row, history as any),
    items: order ? itemsOf(order) : [],
    total_paise: paiseOf(order?.total),
    currency_code: "INR",
    payment_mode: row.payment_mode,
    payment_label: PAYMENT_LABELS[row.payment_mode as keyof typeof PAYMENT_LABELS],
    fulfillment: {
      kind: row.fulfillment_kind,
      date: row.delivery_date,
      slot: row.delivery_slot,
      address: row.fulfillment_kind === "delivery" ? maskAddress(order?.shipping_address) : null,
    },
    phone: maskPhone(row.phone),
  }
}

/** What staff see: everything, the moves they can make next, and who did what when. */
export async function adminOrderView(container: MedusaContainer, row: Row) {
  const history = (await historyOf(container, [row.order_id])) as any[]
  const userIds = [...new Set(history.map((h) => h.actor_id).filter(Boolean))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const users = userIds.length
    ? (await query.graph({ entity: "user", fields: ["id", "email", "first_name", "last_name"], filters: { id: userIds } })).data
    : []
  const nameOf = (id: string | null) => {
    const user = users.find((u: any) => u.id === id) as any
    return user ? [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email : null
  }
  const status = row.status as ShopStatus
  return {
    order_id: row.order_id,
    order_number: row.display_id,
    status,
    status_label: STATUS_LABELS[status],
    fulfillment_kind: row.fulfillment_kind,
    payment_mode: row.payment_mode,
    phone: row.phone,
    delivery_date: row.delivery_date,
    delivery_slot: row.delivery_slot,
    next_statuses: nextStatuses(status, row.fulfillment_kind as FulfillmentKind).map((s) => ({ status: s, label: STATUS_LABELS[s] })),
    history: history.map((h) => ({
      from_status: h.from_status,
      to_status: h.to_status,
      label: STATUS_LABELS[h.to_status as ShopStatus] ?? h.to_status,
      actor_type: h.actor_type,
      actor_id: h.actor_id,
      actor_name: h.actor_type === "user" ? nameOf(h.actor_id) ?? "A staff member" : "The shop",
      note: h.note,
      at: h.created_at,
    })),
  }
}
