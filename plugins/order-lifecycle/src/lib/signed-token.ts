import crypto from "crypto"

/**
 * Small signed, expiring tokens: base64url(JSON payload) "." base64url(HMAC-SHA256).
 * The purpose is part of what is signed, so a tracking link cannot be used as
 * an orders session, nor the other way round.
 */

export type TokenPurpose = "track-order" | "orders-session"

export function signToken(secret: string, purpose: TokenPurpose, claims: Record<string, string>, expiresAt: Date): string {
  const payload = Buffer.from(JSON.stringify({ ...claims, pur: purpose, exp: Math.floor(expiresAt.getTime() / 1000) })).toString("base64url")
  return `${payload}.${mac(secret, payload)}`
}

/** The claims of a valid, unexpired token of this purpose; null for anything else. */
export function verifyToken(secret: string, purpose: TokenPurpose, token: unknown, now = Date.now()): Record<string, string> | null {
  if (typeof token !== "string" || token.length > 2048) return null
  const [payload, signature, extra] = token.split(".")
  if (!payload || !signature || extra !== undefined) return null
  const expected = Buffer.from(mac(secret, payload))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
  let claims: any
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
  } catch {
    return null
  }
  if (!claims || claims.pur !== purpose || typeof claims.exp !== "number" || claims.exp * 1000 <= now) return null
  const { pur: _pur, exp: _exp, ...rest } = claims
  return rest
}

function mac(secret: string, payload: string): string {
  return crypto.createHmac("sha256", secret).update(payload).digest("base64url")
}

/** A keyed hash for one-time codes: the database never holds a code itself. */
export function hashCode(secret: string, phone: string, code: string): string {
  return crypto.createHmac("sha256", secret).update(`otp:${phone}:${code}`).digest("hex")
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}
