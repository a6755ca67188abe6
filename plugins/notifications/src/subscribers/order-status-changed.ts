import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type OrderStatusChangedData, SHOP_EVENTS } from "@sweetshop/shop-contracts"
import { sendStatusChanged } from "../lib/order-messages"

/** The shop moved an order on (order-lifecycle plugin) → SMS and WhatsApp, once per order, status and channel. */
export default async function orderStatusMessages({ event, container }: SubscriberArgs<OrderStatusChangedData>) {
  try {
    await sendStatusChanged(container, event.data)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Order ${event.data.id}: status message not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: SHOP_EVENTS.orderStatusChanged }
