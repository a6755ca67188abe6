import crypto from "crypto"
import { EncryptJWT, jwtDecrypt } from "jose"
import { verifyToken } from "./signed-token"

/**
 * The tokens shoppers hold: encrypted, expiring JWTs (JWE compact, `dir` + A256GCM,
 * with `jose`). Whoever holds one can read nothing in it: no order id, no phone, only
 * that it is a JWE. Each purpose has its own key (HKDF of the module's secret), so a
 * tracking link cannot open an order's full details or an orders session, nor the other
 * way round, even before the purpose inside is checked.
 *
 *  - `track-order`  ({ o: order id }): tracking links in messages and the confirmation
 *    page's URL; open the masked tracking view only. Safe to forward.
 *  - `order-owner`  ({ o: order id }): the browser that placed the order (an httpOnly
 *    cookie of the storefront); opens Medusa's `GET /store/orders/:id` in full.
 *  - `orders-session` ({ p: phone }): after a one-time code, the orders of that phone.
 */

export type TokenPurpose = "track-order" | "order-owner" | "orders-session"

/** A token longer than this is refused before any decryption. */
export const MAX_TOKEN_LENGTH = 2048

const keys = new Map<string, Uint8Array>()

/** The 256-bit key of one purpose, derived from the module's secret. */
export function keyFor(secret: string, purpose: TokenPurpose): Uint8Array {
  const cacheKey = `${purpose}\u0000${secret}`
  let key = keys.get(cacheKey)
  if (!key) {
    key = new Uint8Array(crypto.hkdfSync("sha256", secret, "sweetshop/order-lifecycle", `token:${purpose}:v1`, 32))
    if (keys.size > 16) keys.clear()
    keys.set(cacheKey, key)
  }
  return key
}

export async function sealToken(secret: string, purpose: TokenPurpose, claims: Record<string, string>, expiresAt: Date): Promise<string> {
  return await new EncryptJWT({ ...claims, pur: purpose })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .encrypt(keyFor(secret, purpose))
}

/** The claims of a valid, unexpired token of this purpose; null for anything else (never throws). */
export async function openToken(secret: string, purpose: TokenPurpose, token: unknown, now = Date.now()): Promise<Record<string, string> | null> {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH || token.split(".").length !== 5) return null
  try {
    const { payload } = await jwtDecrypt(token, keyFor(secret, purpose), {
      currentDate: new Date(now),
      clockTolerance: 0,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      requiredClaims: ["exp"],
    })
    if (payload.pur !== purpose) return null
    const claims: Record<string, string> = {}
    for (const [name, value] of Object.entries(payload)) {
      if (name === "pur" || name === "exp") continue
      if (typeof value !== "string") return null
      claims[name] = value
    }
    return claims
  } catch {
    return null
  }
}

/**
 * A tracking link's order id: from an encrypted link, or from a link signed in the
 * earlier format (readable claims, HMAC) until it expires, so links already sent in
 * messages keep working. The id such a link shows opens nothing else on its own.
 */
export async function openTrackingToken(secret: string, token: unknown, now = Date.now()): Promise<string | null> {
  const sealed = await openToken(secret, "track-order", token, now)
  if (sealed?.o) return sealed.o
  return verifyToken(secret, "track-order", token, now)?.o ?? null
}
