/**
 * Who a WhatsApp message goes to. Meta knows a user by phone number (E.164;
 * the Graph API writes it without the plus) and, since April 2026, by a
 * business-scoped user id (BSUID: a country code, a dot, up to 128 letters and
 * digits, `ENT.` between them for a parent BSUID). A user who adopts a
 * username may reach the shop by BSUID alone: the reply then goes to the BSUID
 * through the Messages API's `recipient` field, as Meta's "Business-scoped
 * user IDs" page describes (sandbox/whatsapp/fixtures/README.md).
 */
export const BSUID = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/

export function isBusinessScopedUserId(value: unknown): value is string {
  return typeof value === "string" && BSUID.test(value)
}

/** A phone number as WhatsApp writes it (digits, perhaps a plus), as E.164; null when it cannot be one. */
export function e164FromWaId(waId: unknown): string | null {
  if (typeof waId !== "string" && typeof waId !== "number") return null
  const digits = String(waId).replace(/^\+/, "")
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null
}

/** The part of a Messages API request that names the recipient: `to` for a phone number, `recipient` for a BSUID. */
export function graphRecipient(to: string): { to: string } | { recipient: string } {
  const bare = to.replace(/^whatsapp:/, "")
  if (BSUID.test(bare)) return { recipient: bare }
  return { to: bare.replace(/^\+/, "") }
}
