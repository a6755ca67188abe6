import crypto from "crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { mobileDigits } from "./masking"
import { publicOrderView } from "./order-views"
import { type Limit, LIMITS, type RateLimiter } from "./rate-limit"
import { ensureShopOrder, lifecycleService } from "./shop-orders"
import { hashCode, sameHash, signToken, verifyToken } from "./signed-token"

/**
 * Order tracking for shoppers without an account:
 *  - one order by its number and the phone it was placed with (a wrong pair
 *    answers exactly like an unknown order);
 *  - a signed tracking link (sent in messages) that opens the same view;
 *  - all orders of a phone after a one-time code sent to that phone.
 */

export const NOT_FOUND = "We could not find an order with that order number and phone number. Please check both and try again."
export const CODE_SENT = "If this phone number has orders with us, a 6-digit code is on its way by SMS. It works for 10 minutes."
export const CODE_WRONG = "That code is not right, or it has expired. Please check it, or ask for a new code."
export const CODE_LOCKED = "Too many wrong tries: this code no longer works. Please ask for a new code."
export const SESSION_EXPIRED = "Your order session has expired. Please ask for a new code."
export const LINK_INVALID = "This tracking link is not valid or has expired. You can still track the order with its number and your phone number."

export const CODE_TTL_MINUTES = 10
export const CODE_MAX_TRIES = 5
export const SESSION_MINUTES = 30

export class TooManyRequests extends Error {
  constructor(public retryAfterSeconds: number) {
    super(`Too many tries. Please wait ${retryAfterSeconds < 120 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`} and try again.`)
  }
}

/** The module's counters (one per shop, not per loaded copy of this file). */
const rateLimiter = (container: MedusaContainer): RateLimiter => lifecycleService(container).rateLimiter()

export async function enforceLimits(container: MedusaContainer, checks: [string, Limit][]) {
  const results = await Promise.all(checks.map(([key, limit]) => rateLimiter(container).hit(key, limit)))
  const refused = results.filter((r) => !r.allowed)
  if (refused.length) throw new TooManyRequests(Math.max(...refused.map((r) => r.retryAfterSeconds)))
}

const secretOf = (container: MedusaContainer) => lifecycleService(container).options.secret

/** One order by number and phone; null for an unknown order and for a wrong phone alike. */
export async function lookUpOrder(container: MedusaContainer, orderNumber: number, phoneDigits: string) {
  const row = await shopOrderByNumber(container, orderNumber)
  // Compare even when there is no order, so both answers take the same path.
  const stored = Buffer.from((row?.phone ?? "+910000000000").slice(-10))
  const given = Buffer.from(phoneDigits.padStart(10, "0").slice(-10))
  const match = stored.length === given.length && crypto.timingSafeEqual(stored, given)
  if (!row || !match) return null
  return await publicOrderView(container, row as any)
}

/** The shop row of an order number; made on the spot when the order-placed subscriber has not filed it yet. */
async function shopOrderByNumber(container: MedusaContainer, orderNumber: number) {
  const [row] = await lifecycleService(container).listShopOrders({ display_id: orderNumber })
  if (row) return row
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id"], filters: { display_id: orderNumber } })
  return data[0] ? await ensureShopOrder(container, data[0].id) : null
}

export async function orderFromLink(container: MedusaContainer, token: unknown) {
  const claims = verifyToken(secretOf(container), "track-order", token)
  if (!claims?.o) return null
  // The signature vouches for the order id; its row is made if the subscriber has not yet.
  const row = await ensureShopOrder(container, claims.o)
  return row ? await publicOrderView(container, row as any) : null
}

/** Sends a code when the phone has orders; answers the same either way. */
export async function sendOrdersCode(container: MedusaContainer, phoneDigits: string) {
  const service = lifecycleService(container)
  const phone = `+91${phoneDigits}`
  const [anyOrder] = await service.listShopOrders({ phone }, { take: 1 })
  if (!anyOrder) return
  const code = crypto.randomInt(0, 1_000_000).toString().padStart(6, "0")
  const record = await service.createTrackingCodes({
    phone,
    code_hash: hashCode(service.options.secret, phone, code),
    expires_at: new Date(Date.now() + CODE_TTL_MINUTES * 60_000),
  })
  const text = `Sweet Shop: your code to see your orders is ${code}. It works for ${CODE_TTL_MINUTES} minutes. Do not share it.`
  try {
    await container.resolve(Modules.NOTIFICATION).createNotifications([
      {
        to: phone,
        channel: "sms",
        template: "orders-code",
        content: { text },
        data: { text },
        trigger_type: "order_tracking.code_requested",
        resource_id: record.id,
        resource_type: "tracking_code",
        idempotency_key: `orders-code:${record.id}:sms`,
      },
    ])
  } catch (error: any) {
    // Recorded as a failed notification (retried by the notifications plugin); the shopper can ask again.
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Orders code for a phone ending ${phoneDigits.slice(-2)} not sent yet: ${error?.message ?? error}`)
  }
}

export type CodeOutcome = { ok: true; token: string; expires_at: string } | { ok: false; message: string }

/** Checks a code under a lock per phone: a code works once, and dies after CODE_MAX_TRIES wrong tries. */
export async function redeemCode(container: MedusaContainer, phoneDigits: string, code: string): Promise<CodeOutcome> {
  const service = lifecycleService(container)
  const phone = `+91${phoneDigits}`
  return await container.resolve(Modules.LOCKING).execute(`orders-code:${phone}`, async () => {
    const [latest] = await service.listTrackingCodes({ phone }, { order: { created_at: "DESC" }, take: 1 })
    if (!latest || latest.used_at || new Date(latest.expires_at).getTime() <= Date.now()) return { ok: false, message: CODE_WRONG }
    if (latest.failed_attempts >= CODE_MAX_TRIES) return { ok: false, message: CODE_LOCKED }
    if (!sameHash(latest.code_hash, hashCode(service.options.secret, phone, code))) {
      const failed = latest.failed_attempts + 1
      await service.updateTrackingCodes({ id: latest.id, failed_attempts: failed })
      return { ok: false, message: failed >= CODE_MAX_TRIES ? CODE_LOCKED : CODE_WRONG }
    }
    await service.updateTrackingCodes({ id: latest.id, used_at: new Date() })
    const expires = new Date(Date.now() + SESSION_MINUTES * 60_000)
    return { ok: true, token: signToken(service.options.secret, "orders-session", { p: phone }, expires), expires_at: expires.toISOString() }
  }, { timeout: 10 })
}

/** The orders of the phone a session was opened for, newest first; null for an invalid or expired session. */
export async function ordersForSession(container: MedusaContainer, token: unknown) {
  const claims = verifyToken(secretOf(container), "orders-session", token)
  if (!claims?.p) return null
  const rows = await lifecycleService(container).listShopOrders({ phone: claims.p }, { order: { display_id: "DESC" }, take: 50 })
  return await Promise.all(rows.map((row) => publicOrderView(container, row as any)))
}

export { LIMITS, mobileDigits }
