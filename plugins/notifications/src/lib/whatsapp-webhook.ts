import { SHOP_ORDER_ENTITY } from "@sweetshop/shop-contracts"
import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { attemptsModule, deliver } from "./deliver"
import { loadOrder, orderLanguage, orderPhone, trackingUrlFor } from "./order-messages"
import { pluginOptions } from "./options"
import { neutralReplyText, statusReplyText } from "./templates"
import { e164FromWaId, isBusinessScopedUserId } from "./whatsapp-recipient"

export const WHATSAPP_WEBHOOK_EVENT = "whatsapp.webhook_received"
export const WHATSAPP_REPLY_TEMPLATE = "whatsapp-reply"

// The signature and handshake checks live with Twilio's in ./webhook-signatures (pure, tested against the vendors' examples).
export { verificationChallenge, whatsappSignatureValid } from "./webhook-signatures"

const STATUS_RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3, failed: 4 }

export { e164FromWaId } from "./whatsapp-recipient"

/** One inbound message of Meta's messages webhook (sandbox/whatsapp/fixtures/): only what the shop reads. */
export type InboundMessage = { id: string; from?: string; from_user_id?: string; type?: string; text?: { body?: string } }
export type InboundContact = { wa_id?: string; user_id?: string }

/**
 * Where a reply to this message can go: the sender's phone (E.164) when Meta
 * gives one (`from`), else the business-scoped user id of a user known only
 * by it (`from_user_id`, or the contact's `user_id`), else nowhere (null):
 * never a half-made address such as "+".
 */
export function replyAddressOf(message: InboundMessage, contacts: InboundContact[] = []): { phone: string } | { user_id: string } | null {
  const phone = e164FromWaId(message?.from)
  if (phone) return { phone }
  const contact = contacts.length === 1 ? contacts[0] : undefined
  const userId = message?.from_user_id ?? contact?.user_id
  return isBusinessScopedUserId(userId) ? { user_id: userId } : null
}

/**
 * A delivery status (sent, delivered, read, failed) for a message the shop
 * sent: written on the notification (data.delivery_status) and on its last
 * try. Statuses can arrive out of order: a later "delivered" never undoes "read".
 */
export async function recordDeliveryStatus(container: MedusaContainer, status: { id: string; status: string; errors?: any[]; timestamp?: string }) {
  if (!STATUS_RANK[status.status]) return false
  // Deliveries are handled concurrently: one status at a time per message, so none is lost between read and write.
  let locking: any
  try {
    locking = container.resolve(Modules.LOCKING)
  } catch {}
  const write = () => writeDeliveryStatus(container, status)
  return locking ? locking.execute(`notification-delivery:${status.id}`, write, { timeout: 30 }) : write()
}

async function writeDeliveryStatus(container: MedusaContainer, status: { id: string; status: string; errors?: any[] }) {
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const [notification] = (await notifications.listNotifications({ external_id: status.id } as any)) as any[]
  if (!notification) return false
  const current = notification.data?.delivery_status
  if (current && (STATUS_RANK[current] ?? 0) >= STATUS_RANK[status.status]) return true
  const error = status.errors?.[0] ? `${status.errors[0].code ?? ""} ${status.errors[0].title ?? status.errors[0].message ?? ""}`.trim() : null
  await (notifications as any).updateNotifications({
    id: notification.id,
    data: { ...(notification.data ?? {}), delivery_status: status.status, delivery_status_at: new Date().toISOString(), ...(error ? { delivery_error: error } : {}) },
  })
  const attempts = attemptsModule(container)
  if (attempts) {
    const [attempt] = await attempts.listNotificationAttempts({ external_id: status.id }, { order: { created_at: "DESC" }, take: 1 })
    if (attempt) await attempts.updateNotificationAttempts({ id: attempt.id, delivery_status: status.status, delivery_error: error })
  }
  return true
}

/** What a customer's words ask for: the latest order's status, or one order's by its number. */
export function parseQuestion(text: string): { kind: "status" } | { kind: "order"; display_id: number } | null {
  const words = text.trim().toLowerCase()
  if (/^(status|order status|स्टेटस)\W*$/.test(words)) return { kind: "status" }
  const number = /^(?:status\s*)?(?:order\s*)?#?\s*(\d{1,10})\W*$/.exec(words)
  return number ? { kind: "order", display_id: Number(number[1]) } : null
}

/**
 * The order a phone may hear about: its latest order for "status", or the
 * order with that number only if it was placed with this phone. Anything else
 * finds nothing, so the answer cannot tell whose order exists.
 */
export async function orderForPhone(container: MedusaContainer, phone: string, question: NonNullable<ReturnType<typeof parseQuestion>>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, any> = { shipping_address: { phone } }
  if (question.kind === "order") filters.display_id = question.display_id
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "created_at"],
    filters,
    pagination: { order: { created_at: "DESC" }, take: 1 },
  })
  const found = data[0] as any
  if (!found) return undefined
  // The check again on the loaded order: the phone on the order must be the sender's.
  const order = await loadOrder(container, found.id)
  return orderPhone(order) === phone ? order : undefined
}

/**
 * The shop status of an order, read from its one record (the order-lifecycle plugin's shop_order,
 * through Query by entity name: shop-contracts); no record yet = placed, Medusa-cancelled = cancelled.
 */
export async function shopStatusOf(container: MedusaContainer, order: any): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query
    .graph({ entity: SHOP_ORDER_ENTITY, fields: ["status"], filters: { order_id: order.id } })
    .catch(() => ({ data: [] as any[] }))
  return (data[0] as any)?.status ?? (order?.status === "canceled" ? "cancelled" : "placed")
}

/**
 * A customer wrote to the shop: "status" or an order number gets that order's
 * status, any other text a neutral answer. Orders are found only by the phone
 * they were placed with, so a user known only by a business-scoped user id
 * gets the neutral answer (write from that phone). Reactions, pictures,
 * stickers, button taps and every other kind of message are left unanswered:
 * a 👍 needs no reply. A message with no address that can receive a text gets none.
 */
export async function answerInbound(
  container: MedusaContainer,
  message: InboundMessage,
  contacts: InboundContact[] = []
): Promise<{ answered: boolean; replied: boolean; ignored?: string }> {
  if (message?.type !== "text") return { answered: false, replied: false, ignored: `a ${String(message?.type ?? "typeless")} message` }
  const address = replyAddressOf(message, contacts)
  if (!address) return { answered: false, replied: false, ignored: "a message with no phone number or user id to reply to" }
  const to = "phone" in address ? address.phone : address.user_id
  const question = "phone" in address && message.text?.body ? parseQuestion(message.text.body) : null
  const order = question && "phone" in address ? await orderForPhone(container, address.phone, question) : undefined
  const language = order ? orderLanguage(container, order) : pluginOptions(container).language ?? "en"
  const text = order
    ? statusReplyText({ display_id: order.display_id, status: await shopStatusOf(container, order), tracking_url: await trackingUrlFor(container, order.id) }, language)
    : neutralReplyText(language)
  // A reply inside the 24-hour window the customer just opened: plain text, once per inbound message.
  await deliver(container, {
    to,
    channel: "whatsapp",
    template: WHATSAPP_REPLY_TEMPLATE,
    data: { ...(order ? { order_id: order.id } : {}), text, language, whatsapp: { type: "text", body: text } },
    trigger_type: "whatsapp.inbound",
    resource_id: order?.id,
    resource_type: order ? "order" : undefined,
    idempotency_key: `${WHATSAPP_REPLY_TEMPLATE}:${message.id}:whatsapp`,
  })
  return { answered: Boolean(order), replied: true }
}

/** One webhook delivery: every status and every inbound message in it. */
export async function handleWhatsAppDelivery(container: MedusaContainer, payload: any) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = { statuses: 0, replies: 0, ignored: 0 }
  for (const entry of payload?.entry ?? []) {
    for (const change of entry?.changes ?? []) {
      if (change?.field !== "messages") continue
      for (const status of change.value?.statuses ?? []) {
        if (await recordDeliveryStatus(container, status)) result.statuses += 1
      }
      const contacts = Array.isArray(change.value?.contacts) ? change.value.contacts : []
      for (const message of change.value?.messages ?? []) {
        try {
          const outcome = await answerInbound(container, message, contacts)
          if (outcome.replied) result.replies += 1
          else {
            result.ignored += 1
            logger.debug?.(`WhatsApp message ${message?.id} left unanswered: ${outcome.ignored}.`)
          }
        } catch (error: any) {
          logger.warn(`WhatsApp reply to message ${message?.id} not sent yet (${error?.message ?? error}); the retry job will try again.`)
        }
      }
    }
  }
  return result
}
