import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { countPayment, paymentMethodOf, useContainer } from "../lib/operations/metrics"

/**
 * Payment outcomes for /metrics (lib/metrics.ts: sweetshop_payments_total), counted in the process
 * that handles the events: Medusa's captures and refunds by the payment's provider, and the
 * Razorpay plugin's failed payments and payments refunded because they could not become an order.
 */
export default async function paymentMetrics({ event, container }: SubscriberArgs<Record<string, any>>) {
  useContainer(container)
  switch (event.name) {
    case "payment.captured":
    case "payment.refunded": {
      let providerId: string | undefined
      try {
        const payment = await container.resolve(Modules.PAYMENT).retrievePayment(event.data.id, { select: ["id", "provider_id"] })
        providerId = payment.provider_id
      } catch {
        providerId = undefined
      }
      countPayment(paymentMethodOf(providerId), event.name === "payment.captured" ? "succeeded" : "refunded")
      return
    }
    case "razorpay.payment_failed":
      countPayment("razorpay", "failed")
      return
    case "razorpay.payment_refunded_without_order":
      countPayment("razorpay", event.data?.outcome === "refunded" ? "orphan_refunded" : "orphan_refund_failed")
      return
  }
}

export const config: SubscriberConfig = {
  event: ["payment.captured", "payment.refunded", "razorpay.payment_failed", "razorpay.payment_refunded_without_order"],
  context: { subscriberId: "sweetshop-payment-metrics" },
}
