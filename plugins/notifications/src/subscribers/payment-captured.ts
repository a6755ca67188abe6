import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderIdOfPayment, sendPaymentReceived } from "../lib/order-messages"

/** An online payment captured (staff capture, or Razorpay's webhook) → "payment received". Cash on delivery sends nothing. */
export default async function paymentCapturedMessages({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    const orderId = await orderIdOfPayment(container, event.data.id)
    if (orderId) await sendPaymentReceived(container, orderId)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Payment ${event.data.id}: payment-received messages not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: "payment.captured" }
