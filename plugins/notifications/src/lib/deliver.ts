import type { CreateNotificationDTO, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { NOTIFICATION_ATTEMPTS_MODULE } from "../modules/notification-attempts"
import type NotificationAttemptsModuleService from "../modules/notification-attempts/service"
import { inFlightMs, pluginOptions } from "./options"

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
 * Claims the next try of a message before anything is sent: one row per
 * (idempotency key, try number), unique in the database. Handlers of the same
 * message that run at the same moment (the same event twice, the retry job in
 * two processes, a repeat of the event while the job retries) count the same
 * next try, and only one of them can insert it; the others send nothing. A
 * message already sent, or being sent right now, is not claimed at all.
 * Returns the claimed try, or null when the message is not this handler's to send.
 */
async function claimNextTry(
  attempts: NotificationAttemptsModuleService,
  { notification_id, idempotency_key, channel }: { notification_id: string; idempotency_key: string; channel: string },
  inFlight: number,
  now = Date.now()
) {
  const [last] = await attempts.listNotificationAttempts({ idempotency_key }, { order: { attempt: "DESC" }, take: 1 })
  if (last?.outcome === "sent") return null
  // A try still in flight after `inFlight` was left by a process that stopped mid-send: it no longer holds the message.
  if (last?.outcome === "pending" && now - new Date(last.created_at).getTime() < inFlight) return null
  try {
    return await attempts.createNotificationAttempts({
      notification_id,
      idempotency_key,
      channel,
      attempt: (last?.attempt ?? 0) + 1,
      outcome: "pending",
    })
  } catch (error) {
    if (isDuplicateKey(error)) return null
    throw error
  }
}

/**
 * Sends one message through Medusa's notification module, once per
 * idempotency key, and records the try (outcome, error, provider id, time).
 * Each try is claimed in the database before it is sent (see claimNextTry), so
 * a key already sent or in flight sends nothing, whichever process asks and
 * however many ask at once; a key that failed is sent again under the same
 * notification. Throws when the provider failed.
 */
export async function deliver(container: MedusaContainer, input: DeliveryInput) {
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const find = async () => (await notifications.listNotifications({ idempotency_key: input.idempotency_key } as any))[0]
  const existing = await find()
  if (existing && existing.status !== "failure") return { notification: existing, sent: false }

  // The notification's id is chosen here so the try can be claimed under it before Medusa saves it.
  const notificationId = existing?.id ?? generateEntityId(undefined, "noti")
  const attempts = attemptsModule(container)
  const claim = attempts
    ? await claimNextTry(attempts, { notification_id: notificationId, idempotency_key: input.idempotency_key, channel: input.channel }, inFlightMs(pluginOptions(container)))
    : null
  if (attempts && !claim) return { notification: existing ?? (await find()), sent: false }

  const started = Date.now()
  let error: any
  try {
    // Medusa re-sends a failed notification given its key, but then saves it under a newly generated
    // id unless the existing one is passed (2.21.2); `id` is not in the DTO's type.
    await notifications.createNotifications([{ ...input, id: notificationId } as any])
  } catch (e) {
    error = e
  }
  const record = await find()
  if (!record) {
    if (claim) await attempts!.updateNotificationAttempts({ id: claim.id, outcome: "failed", error: shortError(error), duration_ms: Date.now() - started })
    throw error ?? new Error(`notification ${input.idempotency_key} was not recorded`)
  }
  // Saved first by a handler that did not claim (a message from before tries were claimed): that one sends and records.
  if (error && !existing && isDuplicateKey(error)) {
    if (claim) await attempts!.deleteNotificationAttempts(claim.id)
    return { notification: record, sent: false }
  }

  if (claim) {
    await attempts!.updateNotificationAttempts({
      id: claim.id,
      notification_id: record.id,
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
    // Left pending by a stopped process on a channel that cannot say whether it went (lib/pending-messages.ts): staff decide.
    if (n.data?.outcome_unknown) continue
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
