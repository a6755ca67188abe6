import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { orderPlacedText } from "./templates"

export const ORDER_PLACED_TEMPLATE = "order-placed"

/** One key per order, event and channel: the same event handled twice sends once. */
export const idempotencyKey = (orderId: string, template: string, channel: string) => `${template}:${orderId}:${channel}`

/**
 * Sends the order-placed SMS. Runs in a subscriber, after the order is saved:
 * a provider that fails or hangs never touches the order; the failure is
 * recorded on the notification and retried by the retry job.
 */
export async function sendOrderPlaced(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "total",
      "shipping_address.phone",
      "billing_address.phone",
      "items.product_title",
      "items.variant_title",
      "items.quantity",
      "payment_collections.payment_sessions.provider_id",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as any
  const phone = order?.shipping_address?.phone ?? order?.billing_address?.phone
  if (!order || !phone) return

  const providerIds = (order.payment_collections ?? []).flatMap((c: any) => (c?.payment_sessions ?? []).map((s: any) => s?.provider_id))
  const text = orderPlacedText({
    display_id: order.display_id,
    items: (order.items ?? [])
      .filter(Boolean)
      .map((i: any) => ({ title: i.product_title, variant_title: i.variant_title, quantity: Number(i.quantity) }))
      .sort((a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title)),
    total_rupees: Number(order.total),
    payment: providerIds.includes("pp_system_default") ? "cod" : "online",
  })

  await container.resolve(Modules.NOTIFICATION).createNotifications([
    {
      to: phone,
      channel: "sms",
      template: ORDER_PLACED_TEMPLATE,
      content: { text },
      // The text is kept in data too: Medusa does not return content when listing, and the retry job needs it.
      data: { order_id: order.id, text },
      trigger_type: "order.placed",
      resource_id: order.id,
      resource_type: "order",
      idempotency_key: idempotencyKey(order.id, ORDER_PLACED_TEMPLATE, "sms"),
    },
  ])
}

/**
 * Sends again the notifications that failed in the last `maxAgeMs` (a bounded
 * window, not forever). Medusa's notification module re-sends a failed
 * notification given its idempotency key, and records the outcome on it.
 */
export async function retryFailedNotifications(container: MedusaContainer, { maxAgeMs = 60 * 60_000, now = Date.now() } = {}) {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const failed = await notifications.listNotifications({ status: "failure" } as any, { take: 100, order: { created_at: "ASC" } })
  let sent = 0
  for (const n of failed as any[]) {
    if (!n.idempotency_key || now - new Date(n.created_at).getTime() > maxAgeMs) continue
    try {
      await notifications.createNotifications([
        // `id` is not in CreateNotificationDTO's type, but the module spreads it over the generated one.
        ({
          // Medusa re-sends a failed notification given its idempotency key, but then updates it
          // under a newly generated id unless the existing one is passed (2.21.2).
          id: n.id,
          to: n.to,
          channel: n.channel,
          template: n.template,
          content: n.content,
          data: n.data,
          trigger_type: n.trigger_type,
          resource_id: n.resource_id,
          resource_type: n.resource_type,
          idempotency_key: n.idempotency_key,
        } as any),
      ])
      sent += 1
    } catch {
      // Still failing: recorded on the notification; the next run tries again.
    }
  }
  return { retried: failed.length, sent }
}
