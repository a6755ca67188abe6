import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type PoolLowStockData, SHOP_EVENTS } from "@sweetshop/shop-contracts"
import { sendLowStock } from "../lib/order-messages"

/** The gram-inventory plugin's low-stock event → the staff number (SHOP_STAFF_PHONE), SMS and WhatsApp. */
export default async function lowStockMessages({ event, container }: SubscriberArgs<PoolLowStockData>) {
  try {
    await sendLowStock(container, event.data)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Low-stock alert for ${event.data.product_title} not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: SHOP_EVENTS.poolLowStock }
