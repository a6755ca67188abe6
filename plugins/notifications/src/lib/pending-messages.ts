import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import twilio from "twilio"
import { attemptsModule } from "./deliver"
import { inFlightMs, pluginOptions, type NotificationsPluginOptions } from "./options"

/**
 * Messages a process stopped in the middle of sending (killed, or its machine
 * lost): Medusa saves a notification as "pending" before it calls the provider
 * and marks it sent or failed after, so one whose process died in between
 * stays pending for ever, and no retry takes it (they take failed ones).
 *
 * Once a pending message is older than a try may take (the in_flight_seconds option), this
 * asks the provider whether it went: an SMS is looked up in Twilio's own
 * message log (GET Messages.json?To=…&DateSent>=…, the official SDK's
 * `messages.list`) by its number and text. Found: recorded as sent, with
 * Twilio's id (nothing goes twice). Not found: recorded as failed, and the
 * retry job sends it again under the same key. A channel whose provider keeps
 * no log to ask (WhatsApp's Cloud API has none) is recorded as failed with the
 * reason and not sent again by itself (it could arrive twice): staff see it.
 */
export const OUTCOME_UNKNOWN = "outcome_unknown"

export type PendingOutcome = { id: string; channel: string; found_sent: boolean }

type TwilioLookup = (to: string, since: Date) => Promise<{ sid: string; body: string | null; date_created: Date | string | null }[]>

export function twilioLookup(options: NotificationsPluginOptions): TwilioLookup | undefined {
  if (!options.twilio_account_sid || !options.twilio_auth_token) return undefined
  const client = twilio(options.twilio_account_sid, options.twilio_auth_token, { timeout: 10_000 })
  if (options.twilio_api_base_url) (client.api as any).baseUrl = options.twilio_api_base_url
  return async (to, since) => (await client.messages.list({ to, dateSentAfter: since, limit: 100 })) as any
}

export async function settlePendingMessages(
  container: MedusaContainer,
  { now = Date.now(), inFlightMs: inFlight = inFlightMs(pluginOptions(container)), maxAgeMs = 24 * 60 * 60_000, lookup = twilioLookup(pluginOptions(container)) }: { now?: number; inFlightMs?: number; maxAgeMs?: number; lookup?: TwilioLookup } = {}
): Promise<PendingOutcome[]> {
  const notifications = container.resolve(Modules.NOTIFICATION) as INotificationModuleService & { updateNotifications(data: Record<string, unknown>): Promise<unknown> }
  const attempts = attemptsModule(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const pending = await notifications.listNotifications({ status: "pending" } as any, { take: 200, order: { created_at: "ASC" } })
  const outcomes: PendingOutcome[] = []
  for (const n of pending as any[]) {
    const created = new Date(n.created_at).getTime()
    if (now - created < inFlight || now - created > maxAgeMs) continue
    const [last] = attempts ? await attempts.listNotificationAttempts({ notification_id: n.id }, { order: { attempt: "DESC" }, take: 1 }) : []
    // A try claimed recently is still someone's to finish.
    if (last && last.outcome === "pending" && now - new Date(last.created_at).getTime() < inFlight) continue

    const text: string | undefined = n.data?.text
    let sent: { sid: string } | undefined
    if (n.channel === "sms" && lookup && text) {
      const since = new Date(created - 60_000)
      const log = await lookup(n.to, since)
      sent = log.find((m) => m.body === text && (!m.date_created || new Date(m.date_created).getTime() >= since.getTime()))
    }
    if (sent) {
      await notifications.updateNotifications({ id: n.id, status: "success", external_id: sent.sid })
      if (last?.outcome === "pending") await attempts!.updateNotificationAttempts({ id: last.id, outcome: "sent", external_id: sent.sid, error: null })
      logger.warn(`Message ${n.id} (${n.channel} ${n.template}) was left pending by a stopped process; Twilio sent it (${sent.sid}): recorded as sent.`)
    } else if (n.channel === "sms" && lookup) {
      const why = "the process sending it stopped, and Twilio has no such message"
      await notifications.updateNotifications({ id: n.id, status: "failure" })
      if (last?.outcome === "pending") await attempts!.updateNotificationAttempts({ id: last.id, outcome: "failed", error: why })
      logger.warn(`Message ${n.id} (${n.channel} ${n.template}) was left pending: ${why}; it will be sent again.`)
    } else {
      // No log to ask: sending again could send it twice. Recorded as failed with the reason, and left
      // to staff (the order page's messages can be resent); the retry job leaves it alone.
      const why = "the process sending it stopped; whether it reached the customer cannot be asked of this channel, so it is not sent again by itself"
      await notifications.updateNotifications({ id: n.id, status: "failure", data: { ...(n.data ?? {}), [OUTCOME_UNKNOWN]: true } })
      if (last?.outcome === "pending") await attempts!.updateNotificationAttempts({ id: last.id, outcome: "failed", error: why })
      logger.warn(`Message ${n.id} (${n.channel} ${n.template}) was left pending: ${why}.`)
    }
    outcomes.push({ id: n.id, channel: n.channel, found_sent: !!sent })
  }
  return outcomes
}
