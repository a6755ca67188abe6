/**
 * The statuses a sweet shop uses, and the moves between them.
 *
 * Delivery: placed → confirmed → preparing → out_for_delivery → delivered
 * Pickup:   placed → confirmed → preparing → ready_for_pickup → picked_up
 * Either may be cancelled while the sweets have not left the kitchen
 * (placed, confirmed, preparing); nothing follows cancelled, delivered or picked_up.
 */
import { type FulfillmentKind, type ShopStatus, STATUS_LABELS } from "@sweetshop/shop-contracts"

export { isShopStatus, SHOP_STATUSES, STATUS_LABELS } from "@sweetshop/shop-contracts"
export type { FulfillmentKind, PaymentMode, ShopStatus } from "@sweetshop/shop-contracts"

const FORWARD: Record<FulfillmentKind, ShopStatus[]> = {
  delivery: ["placed", "confirmed", "preparing", "out_for_delivery", "delivered"],
  pickup: ["placed", "confirmed", "preparing", "ready_for_pickup", "picked_up"],
}

const CANCELLABLE: ShopStatus[] = ["placed", "confirmed", "preparing"]

/** The statuses an order may move to next, the forward step first. */
export function nextStatuses(current: ShopStatus, kind: FulfillmentKind): ShopStatus[] {
  const path = FORWARD[kind]
  const at = path.indexOf(current)
  const next: ShopStatus[] = at >= 0 && at < path.length - 1 ? [path[at + 1]] : []
  if (CANCELLABLE.includes(current)) next.push("cancelled")
  return next
}

/** The path an order of this kind walks, for timelines. */
export function statusPath(kind: FulfillmentKind): ShopStatus[] {
  return [...FORWARD[kind]]
}

/**
 * Null when the move is allowed; otherwise the sentence staff see, naming the
 * order, where it is and what it can do next.
 */
export function refuseMove(order: { display_id: number; status: ShopStatus; kind: FulfillmentKind }, to: ShopStatus): string | null {
  const name = `Order #${order.display_id}`
  if (order.status === to) return `${name} is already ${STATUS_LABELS[to].toLowerCase()}.`
  const allowed = nextStatuses(order.status, order.kind)
  if (allowed.includes(to)) return null
  if (order.status === "cancelled") return `${name} is cancelled; nothing can follow a cancellation.`
  if (order.status === "delivered" || order.status === "picked_up") {
    return `${name} is already ${STATUS_LABELS[order.status].toLowerCase()}; it cannot change any more.`
  }
  if (to === "cancelled") {
    return `${name} is ${STATUS_LABELS[order.status].toLowerCase()}: it can no longer be cancelled once the sweets have left the kitchen.`
  }
  if (!FORWARD[order.kind].includes(to)) {
    const other = order.kind === "delivery" ? "a store-pickup" : "a home-delivery"
    return `${name} is a ${order.kind === "delivery" ? "home-delivery" : "store-pickup"} order; "${STATUS_LABELS[to]}" is a step of ${other} order.`
  }
  const next = allowed.map((s) => `"${STATUS_LABELS[s]}"`).join(" or ")
  return `${name} is ${STATUS_LABELS[order.status].toLowerCase()}; it can move to ${next} next, not to "${STATUS_LABELS[to]}".`
}
