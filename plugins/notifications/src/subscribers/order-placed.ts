import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendOrderPlaced } from "../lib/order-messages"

/** Order placed → SMS and WhatsApp to the number on the order. Failures are recorded, never thrown at the order. */
export default async function orderPlacedMessages({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await sendOrderPlaced(container, event.data.id)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Order ${event.data.id}: order-placed messages not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: "order.placed" }
