import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PaymentLinkSentData } from "@sweetshop/shop-contracts"
import { PAYMENT_LINK_SENT_EVENT, sendPaymentLinkMessages } from "../lib/payment-link-messages"

/** A draft order's payment link was sent from the admin → the customer gets it by SMS and WhatsApp. */
export default async function paymentLinkSentMessages({ event, container }: SubscriberArgs<PaymentLinkSentData>) {
  try {
    await sendPaymentLinkMessages(container, event.data)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Payment link ${event.data.razorpay_payment_link_id}: message not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: PAYMENT_LINK_SENT_EVENT }
