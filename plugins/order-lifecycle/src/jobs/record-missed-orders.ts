import type { MedusaContainer } from "@medusajs/framework/types"
import { recordMissedOrders } from "../lib/shop-orders"

/** Every minute: an order whose `order.placed` was lost still gets its shop record (lib/shop-orders.ts recordMissedOrders). */
export default async function recordMissedOrdersJob(container: MedusaContainer) {
  await recordMissedOrders(container)
}

export const config = { name: "record-missed-orders", schedule: "* * * * *" }
