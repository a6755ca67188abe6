/**
 * The statuses a sweet shop uses. Delivery: placed → confirmed → preparing →
 * out_for_delivery → delivered. Pickup: placed → confirmed → preparing →
 * ready_for_pickup → picked_up. The moves between them are the order-lifecycle
 * plugin's (its shop-status rules); the names and labels are shared here.
 */

export const SHOP_STATUSES = ["placed", "confirmed", "preparing", "out_for_delivery", "delivered", "ready_for_pickup", "picked_up", "cancelled"] as const
export type ShopStatus = (typeof SHOP_STATUSES)[number]

/** How the sweets reach the shopper. */
export type FulfillmentKind = "delivery" | "pickup"
/** How the shopper pays. */
export type PaymentMode = "cod" | "online"

export const STATUS_LABELS: Record<ShopStatus, string> = {
  placed: "Placed",
  confirmed: "Confirmed",
  preparing: "Being prepared",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  ready_for_pickup: "Ready for pickup",
  picked_up: "Picked up",
  cancelled: "Cancelled",
}

export function isShopStatus(value: unknown): value is ShopStatus {
  return typeof value === "string" && (SHOP_STATUSES as readonly string[]).includes(value)
}

/**
 * The shop status of an order lives in one place: the order-lifecycle module's
 * `shop_order` records (order_id, status, fulfillment_kind, payment_mode,
 * delivery_date, delivery_slot). Other packages read it through Medusa's Query
 * by this entity name, never through a copy on the order.
 */
export const SHOP_ORDER_ENTITY = "shop_order"
