import type { MedusaContainer } from "@medusajs/framework/types"
import { announceMissedOrders } from "../lib/order-messages"

/**
 * Every minute: an order whose `order.placed` was lost (its server died right after saving it)
 * still gets its order-placed SMS and WhatsApp (lib/order-messages.ts announceMissedOrders).
 */
export default async function announceMissedOrdersJob(container: MedusaContainer) {
  await announceMissedOrders(container)
}

export const config = { name: "announce-missed-orders", schedule: "* * * * *" }
