import type { CreateNotificationDTO, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { NOTIFICATION_ATTEMPTS_MODULE } from "../modules/notification-attempts"
import type NotificationAttemptsModuleService from "../modules/notification-attempts/service"

/** Tries per message, counting the first: then the message stays failed and staff can resend it. */
export const MAX_ATTEMPTS = 5

/** Wait before try n+1 after n tries: 1, 2, 4, 8 minutes. */
export function backoffMs(attemptsSoFar: number): number {
  return 60_000 * 2 ** Math.max(0, attemptsSoFar - 1)
}

export type DeliveryInput = CreateNotificationDTO & { idempotency_key: string }

export function attemptsModule(container: MedusaContainer): NotificationAttemptsModuleService | undefined {
  try {
    return container.resolve(NOTIFICATION_ATTEMPTS_MODULE)
  } catch {
    return undefined
  }
}

const shortError = (error: any) =>
  String(error?.message ?? error)
    .replace(/^Failed to send notification with id \S+:\n/, "")
    .slice(0, 500)

const isDuplicateKey = (error: any) => /unique|already exists|duplicate/i.test(String(error?.message ?? ""))

/**
 * Sends one message through Medusa's notification module, once per
 * idempotency key, and records the try (outcome, error, provider id, time).
 * A key already sent or still in flight sends nothing; a key that failed is
 * sent again under the same notification. Throws when the provider failed.
 */
export async function deliver(container: MedusaContainer, input: DeliveryInput) {
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const [existing] = await notifications.listNotifications({ idempotency_key: input.idempotency_key } as any)
  if (existing && existing.status !== "failure") return { notification: existing, sent: false }

  const started = Date.now()
  let error: any
  try {
    // Medusa re-sends a failed notification given its key, but then saves it under a newly generated
    // id unless the existing one is passed (2.21.2); `id` is not in the DTO's type.
    await notifications.createNotifications([{ ...input, ...(existing ? { id: existing.id } : {}) } as any])
  } catch (e) {
    error = e
  }
  const [record] = await notifications.listNotifications({ idempotency_key: input.idempotency_key } as any)
  if (!record) throw error ?? new Error(`notification ${input.idempotency_key} was not recorded`)
  // Another handler of the same event created it first: that one sends and records.
  if (error && !existing && isDuplicateKey(error)) return { notification: record, sent: false }

  const attempts = attemptsModule(container)
  if (attempts) {
    const previous = await attempts.listNotificationAttempts({ notification_id: record.id }, { select: ["id"] })
    await attempts.createNotificationAttempts({
      notification_id: record.id,
      idempotency_key: input.idempotency_key,
      channel: record.channel,
      attempt: previous.length + 1,
      outcome: record.status === "success" ? "sent" : record.status === "failure" ? "failed" : "pending",
      error: error ? shortError(error) : null,
      external_id: record.external_id ?? null,
      duration_ms: Date.now() - started,
    })
  }
  if (error) throw error
  return { notification: record, sent: record.status === "success" }
}

/**
 * Sends again the failed messages whose back-off has passed, at most
 * MAX_ATTEMPTS tries each, within a day of the first. Each try is recorded.
 */
export async function retryFailedNotifications(
  container: MedusaContainer,
  { now = Date.now(), maxAttempts = MAX_ATTEMPTS, maxAgeMs = 24 * 60 * 60_000 } = {}
) {
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const attempts = attemptsModule(container)
  const failed = await notifications.listNotifications({ status: "failure" } as any, { take: 200, order: { created_at: "ASC" } })
  const result = { failed: failed.length, retried: 0, sent: 0, waiting: 0, gave_up: 0 }
  for (const n of failed as any[]) {
    if (!n.idempotency_key || now - new Date(n.created_at).getTime() > maxAgeMs) continue
    const tries = attempts
      ? await attempts.listNotificationAttempts({ notification_id: n.id }, { order: { created_at: "DESC" } })
      : []
    if (tries.length >= maxAttempts) {
      result.gave_up += 1
      continue
    }
    const last = tries[0]
    if (last && now < new Date(last.created_at).getTime() + backoffMs(tries.length)) {
      result.waiting += 1
      continue
    }
    result.retried += 1
    try {
      const { sent } = await deliver(container, {
        to: n.to,
        channel: n.channel,
        template: n.template,
        data: n.data,
        trigger_type: n.trigger_type,
        resource_id: n.resource_id,
        resource_type: n.resource_type,
        idempotency_key: n.idempotency_key,
      })
      if (sent) result.sent += 1
    } catch {
      // Still failing: the try is recorded; the next run waits longer.
    }
  }
  return result
}
