import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { attemptsModule, deliver } from "./deliver"

/** What staff see: queued (waiting on the provider), sent, delivered (or read), failed. */
export type MessageState = "queued" | "sent" | "delivered" | "failed"

export function stateOf(notification: { status: string; data?: any }): MessageState {
  const delivery = notification.data?.delivery_status
  if (delivery === "failed" || notification.status === "failure") return "failed"
  if (delivery === "delivered" || delivery === "read") return "delivered"
  if (notification.status === "success") return "sent"
  return "queued"
}

/** Staff may see the number the message went to, never the provider's secrets (none are stored here). */
function view(n: any, attempts: any[]) {
  return {
    id: n.id,
    channel: n.channel,
    template: n.template,
    to: n.to,
    text: n.data?.text ?? null,
    state: stateOf(n),
    delivery_status: n.data?.delivery_status ?? null,
    external_id: n.external_id ?? null,
    original_notification_id: n.original_notification_id ?? null,
    created_at: n.created_at,
    attempts: attempts
      .filter((a) => a.notification_id === n.id)
      .sort((a, b) => a.attempt - b.attempt)
      .map((a) => ({ attempt: a.attempt, outcome: a.outcome, error: a.error, at: a.created_at, duration_ms: a.duration_ms, delivery_status: a.delivery_status })),
  }
}

export async function messagesForOrder(container: MedusaContainer, orderId: string) {
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const list = (await notifications.listNotifications({ resource_id: orderId } as any, { take: 200, order: { created_at: "ASC" } })) as any[]
  const attempts = list.length ? (await attemptsModule(container)?.listNotificationAttempts({ notification_id: list.map((n) => n.id) })) ?? [] : []
  return list.map((n) => view(n, attempts as any[]))
}

/** Sends a message of the order again, as a new notification pointing at the original. */
export async function resendMessage(container: MedusaContainer, orderId: string, notificationId: string) {
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const [original] = (await notifications.listNotifications({ id: notificationId, resource_id: orderId } as any)) as any[]
  if (!original) return undefined
  const root = original.original_notification_id ?? original.id
  const earlier = await notifications.listNotifications({ original_notification_id: root } as any, { select: ["id"] })
  const { delivery_status, delivery_status_at, delivery_error, ...data } = original.data ?? {}
  let error: string | undefined
  let notification: any
  try {
    ;({ notification } = await deliver(container, {
      to: original.to,
      channel: original.channel,
      template: original.template,
      data,
      trigger_type: "admin.resend",
      resource_id: original.resource_id,
      resource_type: original.resource_type,
      original_notification_id: root,
      idempotency_key: `${original.idempotency_key ?? root}:resend-${earlier.length + 1}`,
    }))
  } catch (e: any) {
    error = String(e?.message ?? e).replace(/^Failed to send notification with id \S+:\n/, "")
    ;[notification] = (await notifications.listNotifications({ original_notification_id: root } as any, { order: { created_at: "DESC" }, take: 1 })) as any[]
  }
  const attempts = notification ? (await attemptsModule(container)?.listNotificationAttempts({ notification_id: notification.id })) ?? [] : []
  return { sent: !error, error, message: notification ? view(notification, attempts as any[]) : null }
}
