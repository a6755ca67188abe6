import { type PaymentRefundedWithoutOrderData, SHOP_EVENTS } from "@sweetshop/shop-contracts"
import type { MedusaContainer } from "@medusajs/framework/types"
import { pluginOptions } from "./options"
import { sendOnChannels } from "./order-messages"
import { WHATSAPP_TEMPLATES } from "./templates"

/**
 * The payment plugin's events about money that made no order (it names them
 * in plugins/payment-razorpay/src/lib/options.ts): the shopper is told in one
 * plain sentence (written by the payment plugin, which knows why), and the
 * staff number is alerted. Each once per payment and channel.
 */
export const PAYMENT_REFUNDED_WITHOUT_ORDER_EVENT = SHOP_EVENTS.paymentRefundedWithoutOrder
export const PAYMENT_FAILED_EVENT = SHOP_EVENTS.paymentFailed

export type PaymentRefundedEvent = PaymentRefundedWithoutOrderData

export async function sendPaymentRefundedWithoutOrder(container: MedusaContainer, event: PaymentRefundedEvent) {
  let failures = 0
  if (event.phone && event.outcome === "refunded") {
    const shopper = await sendOnChannels(container, {
      to: event.phone,
      subject: event.razorpay_payment_id,
      language: "en",
      message: {
        template: "payment-refunded-no-order",
        text: event.text,
        whatsapp: { name: "payment_refunded_no_order", parameters: WHATSAPP_TEMPLATES.payment_refunded_no_order.parameters(event) },
        trigger: PAYMENT_REFUNDED_WITHOUT_ORDER_EVENT,
      },
    })
    failures += shopper.failures
  }
  const staff = pluginOptions(container).staff_phone
  if (staff) {
    const text =
      event.outcome === "refund_failed"
        ? `ACT NOW: ${event.text}`
        : `Payment ${event.razorpay_payment_id} of ₹${(event.amount_paise / 100).toFixed(2)} made no order (${event.reason}); refunded in full.`
    const alert = await sendOnChannels(container, {
      to: staff,
      subject: `${event.razorpay_payment_id}.${event.outcome}`,
      language: "en",
      message: {
        template: "staff-payment-alert",
        text,
        whatsapp: { name: "staff_payment_alert", parameters: WHATSAPP_TEMPLATES.staff_payment_alert.parameters({ text }) },
        trigger: PAYMENT_REFUNDED_WITHOUT_ORDER_EVENT,
      },
    })
    failures += alert.failures
  }
  return { failures }
}

export async function sendPaymentFailed(container: MedusaContainer, event: { razorpay_payment_id: string; phone: string; text: string }) {
  return sendOnChannels(container, {
    to: event.phone,
    subject: event.razorpay_payment_id,
    language: "en",
    message: {
      template: "payment-failed",
      text: event.text,
      whatsapp: { name: "payment_failed", parameters: WHATSAPP_TEMPLATES.payment_failed.parameters(event) },
      trigger: PAYMENT_FAILED_EVENT,
    },
  })
}
