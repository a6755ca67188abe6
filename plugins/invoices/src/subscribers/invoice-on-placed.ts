import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ensureInvoice } from "../lib/documents"

/** Every order gets its tax invoice number when it is placed (once: a repeat answers the same number). */
export default async function invoiceOnPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await ensureInvoice(container, event.data.id)
}

export const config: SubscriberConfig = { event: "order.placed" }
