import crypto from "crypto"

/**
 * Short tracking links for messages: `<storefront>/track/<code>` with a 10-character code
 * of letters and digits (62^10, about 8 × 10^17 codes) instead of a 200-character encrypted
 * token, so an SMS stays short. The code is random, never derived from the order; the
 * database keeps only HMAC-SHA256(secret, code), so a copy of the table opens nothing.
 * A code opens the order's masked tracking view only, until it expires, through the same
 * route and per-client limit as the long links (GET /store/order-tracking/links/:token).
 */
export const LINK_CODE_LENGTH = 10
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/** A fresh code: uniform over the alphabet (bytes of 248 and above are drawn again). */
export function newLinkCode(): string {
  let code = ""
  while (code.length < LINK_CODE_LENGTH) {
    for (const byte of crypto.randomBytes(LINK_CODE_LENGTH * 2)) {
      if (byte < 248 && code.length < LINK_CODE_LENGTH) code += ALPHABET[byte % 62]
    }
  }
  return code
}

export function isLinkCode(value: unknown): value is string {
  return typeof value === "string" && value.length === LINK_CODE_LENGTH && /^[A-Za-z0-9]+$/.test(value)
}

/** What the database keeps of a code: a keyed hash, its own purpose under the module's secret. */
export function linkCodeHash(secret: string, code: string): string {
  return crypto.createHmac("sha256", secret).update(`short-link:v1:${code}`).digest("hex")
}
