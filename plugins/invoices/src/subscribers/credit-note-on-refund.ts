import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { toPaise } from "@sweetshop/shop-contracts"
import { invoicesService } from "../lib/documents"

type PaymentRow = {
  id: string
  refunds?: { id: string; amount: Parameters<typeof toPaise>[0]; created_at: string | Date }[]
  payment_collection?: { order?: { id: string } | null } | null
}

/**
 * Money back on an order (Medusa's `payment.refunded`: a cancellation's refund, a refund staff made
 * in the admin, one made in Razorpay's dashboard and recorded on the order): a credit note for each
 * refund of the payment, once per refund (its id is the credit note's key).
 */
export default async function creditNoteOnRefund({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "refunds.id", "refunds.amount", "refunds.created_at", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const payment = data[0] as unknown as PaymentRow | undefined
  const orderId = payment?.payment_collection?.order?.id
  if (!payment || !orderId) return
  const service = invoicesService(container)
  for (const refund of payment.refunds ?? []) {
    const amount = toPaise(refund.amount) ?? 0
    if (amount > 0) await service.creditNoteFor(orderId, refund.id, amount, new Date(refund.created_at))
  }
}

export const config: SubscriberConfig = { event: PaymentEvents.REFUNDED }
