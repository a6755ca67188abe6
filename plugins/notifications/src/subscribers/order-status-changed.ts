import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendStatusChanged } from "../lib/order-messages"

type StatusChanged = { id: string; display_id: number; from: string; to: string }

/** The shop moved an order on (order-lifecycle plugin) → SMS and WhatsApp, once per order, status and channel. */
export default async function orderStatusMessages({ event, container }: SubscriberArgs<StatusChanged>) {
  try {
    await sendStatusChanged(container, event.data)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Order ${event.data.id}: status message not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: "shop_order.status_changed" }
