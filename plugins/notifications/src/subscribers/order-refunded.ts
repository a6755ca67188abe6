import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type OrderPaymentRefundedData, SHOP_EVENTS } from "@sweetshop/shop-contracts"
import { sendRefunded } from "../lib/order-messages"

/** A cancelled online payment refunded (order-lifecycle plugin) → SMS and WhatsApp. */
export default async function orderRefundedMessages({ event, container }: SubscriberArgs<OrderPaymentRefundedData>) {
  try {
    await sendRefunded(container, event.data)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Order ${event.data.id}: refund message not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: SHOP_EVENTS.orderPaymentRefunded }
