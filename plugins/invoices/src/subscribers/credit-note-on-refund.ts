import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SHOP_EVENTS, type OrderPaymentRefundedData } from "@sweetshop/shop-contracts"
import { invoicesService } from "../lib/documents"

/** Money back on a cancelled order: a credit note for the refunded amount (once per refund). */
export default async function creditNoteOnRefund({ event, container }: SubscriberArgs<OrderPaymentRefundedData>) {
  const { id, amount_paise } = event.data
  if (!id || !Number.isSafeInteger(amount_paise) || amount_paise <= 0) return
  await invoicesService(container).creditNoteFor(id, `${SHOP_EVENTS.orderPaymentRefunded}:${id}`, amount_paise, new Date())
}

export const config: SubscriberConfig = { event: SHOP_EVENTS.orderPaymentRefunded }
