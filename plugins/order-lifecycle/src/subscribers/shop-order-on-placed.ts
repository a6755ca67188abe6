import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ensureShopOrder } from "../lib/shop-orders"

/** A new order starts the shop's lifecycle at "placed" (with its delivery day, phone and payment mode). */
export default async function shopOrderOnPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await ensureShopOrder(container, event.data.id)
}

export const config: SubscriberConfig = { event: "order.placed" }
