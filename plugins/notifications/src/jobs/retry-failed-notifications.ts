import type { MedusaContainer } from "@medusajs/framework/types"
import { retryFailedNotifications } from "../lib/order-messages"

/** Every minute: messages that failed in the last hour are sent again. */
export default async function retryFailedNotificationsJob(container: MedusaContainer) {
  await retryFailedNotifications(container)
}

export const config = { name: "retry-failed-notifications", schedule: "* * * * *" }
