/**
 * India's DLT rules (TRAI): an SMS to an Indian number is delivered only from a sender (principal
 * entity) registered on an operator's DLT portal, with a registered template. Each SMS the shop
 * sends names its template; this maps that name to its DLT template id and carries the sender's
 * entity id, and, in live mode, refuses a template that has none, with a sentence (the operators
 * would block it anyway, and Twilio would be paid for nothing).
 *
 * Twilio's Messages API has no per-message DLT parameter (its SDK's create options have none):
 * Twilio takes the entity id and the template ids once, in its Indian sender pre-registration
 * (a spreadsheet and a screenshot of the DLT portal), and matches each message's text to a
 * registered template. So with Twilio the ids are checked and logged here, and registered there.
 */

/** Every SMS template the shop sends (a message's `template`, before any ".status" suffix). */
export const SMS_TEMPLATE_NAMES = [
  "order-placed",
  "payment-received",
  "order-status",
  "order-refunded",
  "payment-refunded-no-order",
  "payment-failed",
  "payment-link",
  "orders-code",
  "low-stock",
  "staff-payment-alert",
  "staff-backup-alert",
] as const

export type DltOptions = {
  /** The sender's DLT principal entity id (SMS_DLT_ENTITY_ID). */
  dlt_entity_id?: string
  /** Template name → DLT template id (SMS_DLT_TEMPLATE_IDS); "order-status" covers "order-status.confirmed" unless that has its own. */
  dlt_template_ids?: Record<string, string>
}

export type DltIds = { entity_id: string; template_id: string }

/** The DLT ids of one template: its own, or its base's ("order-status.confirmed" → "order-status"); null when it has none. */
export function dltIdsFor(options: DltOptions, template: string): DltIds | null {
  const ids = options.dlt_template_ids ?? {}
  const templateId = ids[template] ?? ids[template.split(".")[0]]
  if (!options.dlt_entity_id || !templateId) return null
  return { entity_id: options.dlt_entity_id, template_id: templateId }
}

/** Why an SMS of this template may not be sent live; null when it may. */
export function dltRefusal(options: DltOptions, template: string): string | null {
  if (!options.dlt_entity_id) {
    return `SMS ${template} is not sent: SMS_DLT_ENTITY_ID is not set, and Indian operators block SMS from a sender without its DLT entity id.`
  }
  if (!dltIdsFor(options, template)) {
    return `SMS ${template} is not sent: it has no DLT template id in SMS_DLT_TEMPLATE_IDS, and Indian operators block SMS whose template is not registered on DLT.`
  }
  return null
}

/** The sentence logged at start in live mode when some templates cannot be sent; null when all can. */
export function dltStartWarning(options: DltOptions): string | null {
  if (!options.dlt_entity_id) {
    return "SMS will not be sent: SMS_DLT_ENTITY_ID (the sender's DLT entity id) is not set, and Indian operators block SMS without it."
  }
  const missing = SMS_TEMPLATE_NAMES.filter((name) => !dltIdsFor(options, name))
  if (!missing.length) return null
  return `These SMS templates have no DLT template id in SMS_DLT_TEMPLATE_IDS and will not be sent: ${missing.join(", ")}.`
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/i

/** Live mode: real Twilio (no other API host, or one that is not this machine). The sandbox's fake always runs on loopback. */
export function isLiveTwilio(apiBaseUrl: string | undefined): boolean {
  if (!apiBaseUrl) return true
  try {
    return !LOOPBACK.test(new URL(apiBaseUrl).hostname)
  } catch {
    return true
  }
}
