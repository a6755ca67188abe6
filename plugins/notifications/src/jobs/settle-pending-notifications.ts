import type { MedusaContainer } from "@medusajs/framework/types"
import { settlePendingMessages } from "../lib/pending-messages"

/** Every minute: messages a stopped process left "pending" are recorded as sent (Twilio has them) or failed (sent again). */
export default async function settlePendingNotificationsJob(container: MedusaContainer) {
  await settlePendingMessages(container)
}

export const config = { name: "settle-pending-notifications", schedule: "* * * * *" }
