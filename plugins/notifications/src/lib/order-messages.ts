import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CASH_ON_DELIVERY_PROVIDER_ID, paymentModeOf, refundArrival, SHOP_EVENTS } from "@sweetshop/shop-contracts"
import { deliver, DeliveryInput } from "./deliver"
import { activeChannels, pluginOptions } from "./options"
import {
  pickupPlaceOf,
  Language,
  LowStockData,
  lowStockText,
  orderPlacedText,
  OrderPlacedData,
  paymentReceivedText,
  refundedText,
  statusChangedText,
  WHATSAPP_TEMPLATES,
  WhatsAppTemplateName,
} from "./templates"

export { retryFailedNotifications, MAX_ATTEMPTS, backoffMs } from "./deliver"

export const ORDER_PLACED_TEMPLATE = "order-placed"
export const PAYMENT_RECEIVED_TEMPLATE = "payment-received"
export const ORDER_STATUS_TEMPLATE = "order-status"
export const ORDER_REFUNDED_TEMPLATE = "order-refunded"
export const LOW_STOCK_TEMPLATE = "low-stock"


/** One key per order (or subject), event and channel: the same event handled twice sends once. */
export const idempotencyKey = (orderId: string, template: string, channel: string) => `${template}:${orderId}:${channel}`

type Message = {
  template: string
  /** The rendered text: the SMS itself, and what staff read for every channel. */
  text: string
  whatsapp: { name: WhatsAppTemplateName; parameters: string[] }
  trigger: string
}

/**
 * Sends one message on every channel that has a provider, each under its own
 * key and each failure recorded (and retried by the job) without stopping the
 * other channel. Returns how many channels failed.
 */
export async function sendOnChannels(
  container: MedusaContainer,
  { to, subject, message, language, resource }: { to: string; subject: string; message: Message; language: Language; resource?: { id: string; type: string } }
) {
  const options = pluginOptions(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let failures = 0
  for (const channel of activeChannels(options)) {
    const input: DeliveryInput = {
      to,
      channel,
      template: message.template,
      // The text is kept in data: Medusa does not return `content` when listing, and retries and the admin need it.
      data: {
        ...(resource?.type === "order" ? { order_id: resource.id } : {}),
        text: message.text,
        language,
        ...(channel === "whatsapp"
          ? {
              whatsapp: {
                type: "template",
                name: message.whatsapp.name,
                parameters: message.whatsapp.parameters,
                // Hindi customers get the Hindi version of the template (WHATSAPP_TEMPLATE_LANGUAGE otherwise).
                ...(language === "hi" ? { language: "hi" } : {}),
              },
            }
          : {}),
      },
      trigger_type: message.trigger,
      resource_id: resource?.id,
      resource_type: resource?.type,
      idempotency_key: idempotencyKey(subject, message.template, channel),
    }
    try {
      await deliver(container, input)
    } catch (error: any) {
      failures += 1
      logger.warn(`${message.template} ${channel} for ${subject} not sent yet (${error?.message ?? error}); the retry job will try again.`)
    }
  }
  return { failures }
}

/** The tracking page of an order, when the order-lifecycle module is there (issue 7). */
export async function trackingUrlFor(container: MedusaContainer, orderId: string): Promise<string | undefined> {
  if ((container as any).hasRegistration && !(container as any).hasRegistration("order_lifecycle")) return undefined
  try {
    const lifecycle = container.resolve<any>("order_lifecycle")
    const url = await lifecycle?.trackingUrlFor?.(orderId)
    return typeof url === "string" && url ? url : undefined
  } catch {
    return undefined
  }
}

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "total",
  "metadata",
  "shipping_address.phone",
  "billing_address.phone",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  "payment_collections.payment_sessions.provider_id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.amount",
  "payment_collections.payments.captured_at",
]

export async function loadOrder(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  return data[0] as any
}

export const orderPhone = (order: any): string | undefined => order?.shipping_address?.phone ?? order?.billing_address?.phone ?? undefined

/** The customer's language: the order's metadata.message_language if hi/en, else the plugin's default. */
export function orderLanguage(container: MedusaContainer, order: any): Language {
  const chosen = order?.metadata?.message_language
  return chosen === "hi" || chosen === "en" ? chosen : pluginOptions(container).language ?? "en"
}

// One rule for "paid online" with the shop record (shop-contracts' paymentModeOf): a staff order
// converted without a payment is cash on delivery, not "paid online".
const paidOnline = (order: any) => paymentModeOf(order) === "online"

function capturedOnline(order: any): number {
  return (order.payment_collections ?? [])
    .flatMap((c: any) => c?.payments ?? [])
    .filter((p: any) => p?.captured_at && p.provider_id !== CASH_ON_DELIVERY_PROVIDER_ID)
    .reduce((sum: number, p: any) => sum + Number(p.amount), 0)
}

/** A message to the phone an order was placed with, keyed by the order. */
function messageOrder(container: MedusaContainer, order: { id: string }, phone: string, language: Language, message: Message) {
  return sendOnChannels(container, { to: phone, subject: order.id, language, resource: { id: order.id, type: "order" }, message })
}

/**
 * Order placed → SMS and WhatsApp to the number on the order. Runs in a
 * subscriber, after the order is saved: a provider that fails or hangs never
 * touches the order; the failure is recorded and retried by the job. When the
 * order was paid online and the payment is already captured (Razorpay with
 * auto-capture), the payment-received message follows.
 */
export async function sendOrderPlaced(container: MedusaContainer, orderId: string) {
  const order = await loadOrder(container, orderId)
  const phone = orderPhone(order)
  if (!order || !phone) return { failures: 0 }
  const language = orderLanguage(container, order)
  const data: OrderPlacedData = {
    display_id: order.display_id,
    items: (order.items ?? [])
      .filter(Boolean)
      .map((i: any) => ({ title: i.product_title, variant_title: i.variant_title, quantity: Number(i.quantity) }))
      .sort((a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title)),
    total_rupees: Number(order.total),
    payment: paidOnline(order) ? "online" : "cod",
    tracking_url: await trackingUrlFor(container, order.id),
  }
  const placed = await messageOrder(container, order, phone, language, {
    template: ORDER_PLACED_TEMPLATE,
    text: orderPlacedText(data, language),
    whatsapp: { name: "order_placed", parameters: WHATSAPP_TEMPLATES.order_placed.parameters(data, language) },
    trigger: "order.placed",
  })
  const captured = capturedOnline(order)
  if (captured > 0) await sendPaymentReceived(container, order.id, captured)
  return placed
}

/** How far back the sweep looks for orders never announced, and how long it leaves the subscriber to do it. */
export const MISSED_ORDER_WINDOW_MS = 2 * 60 * 60 * 1000
export const MISSED_ORDER_GRACE_MS = 60 * 1000

/**
 * Orders placed in the last two hours (and more than a minute ago) for which no order-placed
 * message was ever made: their `order.placed` was never handled, because the process holding the
 * event died first (Medusa's event bus does not deliver it again). They are announced now; the
 * message's idempotency key keeps a race with a late subscriber to one message. Returns their ids.
 */
export async function announceMissedOrders(container: MedusaContainer, now = new Date()): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "shipping_address.phone", "billing_address.phone"],
    filters: { created_at: { $gte: new Date(now.getTime() - MISSED_ORDER_WINDOW_MS), $lte: new Date(now.getTime() - MISSED_ORDER_GRACE_MS) } } as any,
    pagination: { take: 1000, order: { created_at: "DESC" } },
  })
  // Orders without a phone have no one to tell.
  const ids = (orders as any[]).filter((o) => o?.shipping_address?.phone || o?.billing_address?.phone).map((o) => o.id as string)
  if (!ids.length) return []
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const made = (await notifications.listNotifications({ resource_id: ids, template: ORDER_PLACED_TEMPLATE } as any, { select: ["resource_id"], take: 10_000 })) as any[]
  const told = new Set(made.map((n) => n.resource_id as string))
  const missed = ids.filter((id) => !told.has(id))
  for (const id of missed) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Order ${id}: its order.placed was never handled (the process holding it stopped); announcing it now.`)
    try {
      await sendOrderPlaced(container, id)
    } catch (error: any) {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Order ${id}: order-placed messages not sent yet (${error?.message ?? error}).`)
    }
  }
  return missed
}

/**
 * Online payment received. Medusa 2.21.2 emits `payment.captured` from its
 * capture workflow (staff capture, or Razorpay's webhook); a payment captured
 * while the cart completes (auto-capture) emits nothing, so order.placed sends
 * it too. One key per order and channel: whichever comes first sends.
 */
export async function sendPaymentReceived(container: MedusaContainer, orderId: string, amountRupees?: number) {
  const order = await loadOrder(container, orderId)
  const phone = orderPhone(order)
  if (!order || !phone || !paidOnline(order)) return { failures: 0 }
  const amount = amountRupees ?? capturedOnline(order)
  if (!(amount > 0)) return { failures: 0 }
  const language = orderLanguage(container, order)
  const data = { display_id: order.display_id, amount_rupees: amount }
  return messageOrder(container, order, phone, language, {
    template: PAYMENT_RECEIVED_TEMPLATE,
    text: paymentReceivedText(data, language),
    whatsapp: { name: "payment_received", parameters: WHATSAPP_TEMPLATES.payment_received.parameters(data) },
    trigger: "payment.captured",
  })
}

/** `payment.captured` carries the payment's id: find its order. */
export async function orderIdOfPayment(container: MedusaContainer, paymentId: string): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "payment", fields: ["id", "payment_collection.order.id"], filters: { id: paymentId } })
  return (data[0] as any)?.payment_collection?.order?.id
}

/** A status change the shop made (issue 7's `shop_order.status_changed`). */
export async function sendStatusChanged(container: MedusaContainer, event: { id: string; display_id?: number; to: string }) {
  const order = await loadOrder(container, event.id)
  const phone = orderPhone(order)
  if (!order || !phone || !event.to) return { failures: 0 }
  const language = orderLanguage(container, order)
  const options = pluginOptions(container)
  const data = {
    display_id: order.display_id ?? event.display_id,
    status: event.to,
    tracking_url: await trackingUrlFor(container, order.id),
    pickup: pickupPlaceOf(order.metadata, options),
  }
  return messageOrder(container, order, phone, language, {
    // The new status is part of the key: confirmed and then delivered are two messages, each sent once.
    template: `${ORDER_STATUS_TEMPLATE}.${event.to}`,
    text: statusChangedText(data, language),
    whatsapp: { name: "order_status_update", parameters: WHATSAPP_TEMPLATES.order_status_update.parameters(data, language) },
    trigger: SHOP_EVENTS.orderStatusChanged,
  })
}

/** The data of the order's payments (where the Razorpay provider records each refund and its speed). */
async function paymentsData(container: MedusaContainer, orderId: string): Promise<unknown[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "payment_collections.payments.data"], filters: { id: orderId } })
  return ((data[0] as any)?.payment_collections ?? []).flatMap((c: any) => (c?.payments ?? []).map((p: any) => p?.data))
}

/** A cancelled online payment refunded (issue 7's `shop_order.payment_refunded`). */
export async function sendRefunded(container: MedusaContainer, event: { id: string; display_id?: number; amount_paise: number }) {
  const order = await loadOrder(container, event.id)
  const phone = orderPhone(order)
  if (!order || !phone) return { failures: 0 }
  const language = orderLanguage(container, order)
  // Paise are whole numbers: dividing by 100 is exact for display to two places.
  // Instant when Razorpay granted the instant refund the shop asked for (speed_processed in the payment's data).
  const instant = refundArrival(await paymentsData(container, order.id), Math.round(Number(event.amount_paise))) === "instant"
  const data = { display_id: order.display_id ?? event.display_id, amount_rupees: Math.round(Number(event.amount_paise)) / 100, instant }
  const whatsapp = instant ? "order_refunded_instant" : "order_refunded"
  return messageOrder(container, order, phone, language, {
    template: ORDER_REFUNDED_TEMPLATE,
    text: refundedText(data, language),
    whatsapp: { name: whatsapp, parameters: WHATSAPP_TEMPLATES[whatsapp].parameters(data) },
    trigger: SHOP_EVENTS.orderPaymentRefunded,
  })
}

/** The shop's calendar day (India) of a moment, as YYYY-MM-DD. */
export const shopDate = (at: number | Date = Date.now()) => new Date(at).toLocaleDateString("en-CA", { timeZone: "Asia/Kolkata" })

/**
 * The gram-inventory plugin's `gram_pool.low_stock` → the staff number. `now`
 * (the time of the alert) is a parameter so a test can be on another day.
 */
export async function sendLowStock(
  container: MedusaContainer,
  event: LowStockData & { inventory_item_id: string; product_id?: string },
  { now = Date.now() }: { now?: number } = {}
) {
  const staff = pluginOptions(container).staff_phone
  if (!staff) return { failures: 0, skipped: true }
  return sendOnChannels(container, {
    to: staff,
    // One alert per pool, level and shop day: the same event twice sends once; a later, lower level alerts
    // again, and so does the same level on a later day (the pool still low tomorrow morning is news again).
    subject: `${event.inventory_item_id}@${event.available_units}@${shopDate(now)}`,
    language: "en",
    resource: event.product_id ? { id: event.product_id, type: "product" } : undefined,
    message: {
      template: LOW_STOCK_TEMPLATE,
      text: lowStockText(event),
      whatsapp: { name: "low_stock_alert", parameters: WHATSAPP_TEMPLATES.low_stock_alert.parameters(event) },
      trigger: "gram_pool.low_stock",
    },
  })
}
