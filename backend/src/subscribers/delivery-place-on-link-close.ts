import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { type PaymentLinkClosedData, SHOP_EVENTS } from "@sweetshop/shop-contracts"
import { freeClosedLinkPlace } from "../lib/flows/draft-delivery"

/**
 * A staff order's payment link expired or was cancelled unpaid (payment-razorpay): the place
 * its draft took in a delivery slot goes back, unless the draft has since been sent a new
 * link or become an order (lib/flows/draft-delivery.ts).
 */
export default async function freeDeliveryPlaceOnLinkClose({ event, container }: SubscriberArgs<PaymentLinkClosedData>) {
  if (!event.data?.draft_order_id || !event.data.razorpay_payment_link_id) return
  await freeClosedLinkPlace(container, event.data.draft_order_id, event.data.razorpay_payment_link_id)
}

export const config: SubscriberConfig = { event: SHOP_EVENTS.paymentLinkClosed }
