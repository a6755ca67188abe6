import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendRefunded } from "../lib/order-messages"

/** A cancelled online payment refunded (order-lifecycle plugin) → SMS and WhatsApp. */
export default async function orderRefundedMessages({ event, container }: SubscriberArgs<{ id: string; display_id: number; amount_paise: number }>) {
  try {
    await sendRefunded(container, event.data)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Order ${event.data.id}: refund message not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: "shop_order.payment_refunded" }
