import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_FAILED_EVENT, sendPaymentFailed } from "../lib/payment-alerts"

/** A payment that failed at the bank → the shopper is told nothing was taken and the cart is kept. */
export default async function paymentFailedMessages({ event, container }: SubscriberArgs<{ razorpay_payment_id: string; phone: string; text: string }>) {
  try {
    await sendPaymentFailed(container, event.data)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Payment ${event.data.razorpay_payment_id}: failed-payment message not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: PAYMENT_FAILED_EVENT }
