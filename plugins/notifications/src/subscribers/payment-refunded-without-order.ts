import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_REFUNDED_WITHOUT_ORDER_EVENT, PaymentRefundedEvent, sendPaymentRefundedWithoutOrder } from "../lib/payment-alerts"

/** A payment taken but refunded because no order could be made → the shopper (one sentence) and the staff number. */
export default async function paymentRefundedWithoutOrderMessages({ event, container }: SubscriberArgs<PaymentRefundedEvent>) {
  try {
    await sendPaymentRefundedWithoutOrder(container, event.data)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Payment ${event.data.razorpay_payment_id}: refund messages not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: PAYMENT_REFUNDED_WITHOUT_ORDER_EVENT }
