import { type PaymentLinkSentData, SHOP_EVENTS } from "@sweetshop/shop-contracts"
import type { MedusaContainer } from "@medusajs/framework/types"
import { sendOnChannels } from "./order-messages"
import { WHATSAPP_TEMPLATES } from "./templates"

/**
 * Phone and WhatsApp orders: staff send a draft order's Razorpay payment link
 * from the admin (the payment plugin emits razorpay.payment_link_sent); the
 * customer gets it by SMS and WhatsApp (template "payment-link" /
 * "payment_link"), once per link and channel.
 */
export const PAYMENT_LINK_SENT_EVENT = SHOP_EVENTS.paymentLinkSent

export async function sendPaymentLinkMessages(container: MedusaContainer, event: PaymentLinkSentData) {
  return sendOnChannels(container, {
    to: event.phone,
    subject: event.razorpay_payment_link_id,
    language: "en",
    resource: { id: event.draft_order_id, type: "order" },
    message: {
      template: "payment-link",
      text: event.text,
      whatsapp: { name: "payment_link", parameters: WHATSAPP_TEMPLATES.payment_link.parameters(event) },
      trigger: PAYMENT_LINK_SENT_EVENT,
    },
  })
}
