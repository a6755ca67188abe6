import crypto from "crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { parseOrderNumber, SHOP_EVENTS } from "@sweetshop/shop-contracts"
import { mobileDigits } from "./masking"
import { publicOrderView } from "./order-views"
import { openToken, openTrackingToken, sealToken } from "./order-tokens"
import { type AbuseLimits, LIMITS, type LimitName } from "./rate-limit"
import { ensureShopOrder, lifecycleService } from "./shop-orders"
import { isLinkCode } from "./short-links"
import { hashCode, sameHash } from "./signed-token"

/**
 * Order tracking for shoppers without an account:
 *  - one order by its number and the phone it was placed with (a wrong pair
 *    answers exactly like an unknown order);
 *  - an encrypted tracking link (sent in messages) that opens the same view;
 *  - all orders of a phone after a one-time code sent to that phone (by SMS, in
 *    the background: the request answers the same, on the same path, for any phone).
 * Every limit a shopper can hit is per client (client-address.ts), or per phone and
 * client, so a stranger cannot use up a shopper's tries.
 */

export const NOT_FOUND = "We could not find an order with that order number and phone number. Please check both and try again."
export const CODE_SENT = "If this phone number has orders with us, a 6-digit code is on its way by SMS. It works for 10 minutes."
export const CODE_WRONG = "That code is not right, or it has expired. Please check it, or ask for a new code."
export const CODE_LOCKED = "Too many wrong tries: this code no longer works. Please ask for a new code."
export const SESSION_EXPIRED = "Your order session has expired. Please ask for a new code."
export const CONFIRMATION_UNKNOWN = "We could not find a recent order from that cart. Track your order with its number and your phone number instead."
export const LINK_INVALID = "This tracking link is not valid or has expired. You can still track the order with its number and your phone number."

export const CODE_TTL_MINUTES = 10
/** Wrong tries one client may make at one code (LIMITS.wrongCodePerClient). */
export const CODE_MAX_TRIES = LIMITS.wrongCodePerClient.max
/** Wrong tries from everyone together after which a code dies (1 in 50,000 for a guesser of 6 digits). */
export const CODE_MAX_TRIES_TOTAL = 20
export const SESSION_MINUTES = 30
/** How long after an order is placed its cart may still ask for the order's tokens (POST /store/order-tracking/confirmations). */
export const CONFIRMATION_WINDOW_MINUTES = 30

/** Emitted by POST /store/order-tracking/codes; the subscriber sends the code, off the request path. */
export const CODE_REQUESTED_EVENT = SHOP_EVENTS.trackingCodeRequested
export type CodeRequested = { phone: string }

export class TooManyRequests extends Error {
  constructor(public retryAfterSeconds: number) {
    super(`Too many tries. Please wait ${retryAfterSeconds < 120 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`} and try again.`)
  }
}

/** The module's counters (one per shop, not per loaded copy of this file). */
const rateLimiter = (container: MedusaContainer): AbuseLimits => lifecycleService(container).rateLimiter()

/** Counts one try against each limit (all of them, so none can be skipped); over any: TooManyRequests. */
export async function enforceLimits(container: MedusaContainer, checks: [LimitName, string][]) {
  const results = await Promise.all(checks.map(([name, key]) => rateLimiter(container).hit(name, key)))
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

/** A tracking link's order: a short link's code (messages), or an encrypted token (the confirmation page, older messages). */
export async function orderFromLink(container: MedusaContainer, token: unknown) {
  const orderId = isLinkCode(token) ? await lifecycleService(container).orderIdOfLinkCode(token) : await openTrackingToken(secretOf(container), token)
  if (!orderId) return null
  // The token vouches for the order id; its row is made if the subscriber has not yet.
  const row = await ensureShopOrder(container, orderId)
  return row ? await publicOrderView(container, row as any) : null
}

/**
 * A code request, after its limits: hands the phone to the background (CODE_REQUESTED_EVENT)
 * and returns. Whether the phone has orders is looked at there, never here, so the answer
 * takes the same path, and the same time, for every phone.
 */
export async function requestOrdersCode(container: MedusaContainer, phoneDigits: string) {
  const data: CodeRequested = { phone: `+91${phoneDigits}` }
  await container.resolve(Modules.EVENT_BUS).emit({ name: CODE_REQUESTED_EVENT, data })
}

export type CodeSendOutcome = "sent" | "no_orders" | "phone_daily_cap" | "hourly_cap"

/**
 * The background half (subscriber): a code by SMS when the phone has orders, within the
 * SMS caps (per phone a day, shop-wide an hour), which stop SMS pumping whoever asks.
 */
export async function sendOrdersCode(container: MedusaContainer, { phone }: CodeRequested): Promise<CodeSendOutcome> {
  const service = lifecycleService(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const [anyOrder] = await service.listShopOrders({ phone }, { take: 1 })
  if (!anyOrder) return "no_orders"
  const limits = service.rateLimiter()
  if (!(await limits.hit("smsPerPhoneDaily", phone)).allowed) {
    logger.warn(`Orders code for a phone ending ${phone.slice(-2)} not sent: it had ${LIMITS.smsPerPhoneDaily.max} codes today.`)
    return "phone_daily_cap"
  }
  if (!(await limits.hit("smsPerHour", "shop")).allowed) {
    logger.warn(`Orders code for a phone ending ${phone.slice(-2)} not sent: the shop's hourly cap of code SMS is reached (sms_codes_per_hour).`)
    return "hourly_cap"
  }
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
        trigger_type: CODE_REQUESTED_EVENT,
        resource_id: record.id,
        resource_type: "tracking_code",
        idempotency_key: `orders-code:${record.id}:sms`,
      },
    ])
  } catch (error: any) {
    // Recorded as a failed notification (retried by the notifications plugin); the shopper can ask again.
    logger.warn(`Orders code for a phone ending ${phone.slice(-2)} not sent yet: ${error?.message ?? error}`)
  }
  return "sent"
}

export type CodeOutcome = { ok: true; token: string; expires_at: string } | { ok: false; message: string }

/**
 * Checks a code under a lock per phone: a code works once. A client that typed
 * CODE_MAX_TRIES wrong codes for it is refused it (another client, the shopper's
 * phone, still can use it); after CODE_MAX_TRIES_TOTAL wrong tries from anyone it dies.
 */
export async function redeemCode(container: MedusaContainer, phoneDigits: string, code: string, client: string): Promise<CodeOutcome> {
  const service = lifecycleService(container)
  const limits = service.rateLimiter()
  const phone = `+91${phoneDigits}`
  return await container.resolve(Modules.LOCKING).execute(`orders-code:${phone}`, async () => {
    const [latest] = await service.listTrackingCodes({ phone }, { order: { created_at: "DESC" }, take: 1 })
    if (!latest || latest.used_at || new Date(latest.expires_at).getTime() <= Date.now()) return { ok: false, message: CODE_WRONG }
    const triesKey = `${latest.id}:${client}`
    const wrongHere = await limits.used("wrongCodePerClient", triesKey)
    if (wrongHere >= CODE_MAX_TRIES || latest.failed_attempts >= CODE_MAX_TRIES_TOTAL) return { ok: false, message: CODE_LOCKED }
    if (!sameHash(latest.code_hash, hashCode(service.options.secret, phone, code))) {
      const failed = latest.failed_attempts + 1
      await Promise.all([service.updateTrackingCodes({ id: latest.id, failed_attempts: failed }), limits.hit("wrongCodePerClient", triesKey)])
      return { ok: false, message: wrongHere + 1 >= CODE_MAX_TRIES || failed >= CODE_MAX_TRIES_TOTAL ? CODE_LOCKED : CODE_WRONG }
    }
    await service.updateTrackingCodes({ id: latest.id, used_at: new Date() })
    const expires = new Date(Date.now() + SESSION_MINUTES * 60_000)
    return { ok: true, token: await sealToken(service.options.secret, "orders-session", { p: phone }, expires), expires_at: expires.toISOString() }
  }, { timeout: 10 })
}

/** The orders of the phone a session was opened for, newest first; null for an invalid or expired session. */
export async function ordersForSession(container: MedusaContainer, token: unknown) {
  const claims = await openToken(secretOf(container), "orders-session", token)
  if (!claims?.p) return null
  const rows = await lifecycleService(container).listShopOrders({ phone: claims.p }, { order: { display_id: "DESC" }, take: 50 })
  return await Promise.all(rows.map((row) => publicOrderView(container, row as any)))
}

/**
 * The id of one of a "my orders" session's orders, by its number (as the list shows it), for
 * documents the session may download (the GST invoice): null when the session is not valid or
 * the order is not one of its phone's.
 */
export async function orderIdForSession(container: MedusaContainer, token: unknown, orderNumber: unknown): Promise<string | null> {
  const claims = await openToken(secretOf(container), "orders-session", token)
  const number = parseOrderNumber(orderNumber)
  if (!claims?.p || !number) return null
  const [row] = await lifecycleService(container).listShopOrders({ phone: claims.p, display_id: number }, { take: 1 })
  return (row as { order_id?: string } | undefined)?.order_id ?? null
}

export type OrderConfirmation = {
  order_id: string
  order_number: number
  /** Opens Medusa's GET /store/orders/:id in full (header x-order-token); for the browser that placed the order only. */
  order_token: string
  order_token_expires_at: string
  /** Opens the masked tracking view; the storefront's confirmation URL carries it. */
  tracking_token: string
}

/**
 * The tokens of the order a cart became, for the storefront that just placed it:
 * the cart id (the shopper's own, kept in an httpOnly cookie until the order) is the
 * proof, for CONFIRMATION_WINDOW_MINUTES after the order; null otherwise.
 */
export async function confirmationFor(container: MedusaContainer, cartId: string, now = Date.now()): Promise<OrderConfirmation | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartId } })
  const completedAt = carts[0]?.completed_at ? new Date(carts[0].completed_at as any).getTime() : null
  if (completedAt === null || now - completedAt > CONFIRMATION_WINDOW_MINUTES * 60_000) return null
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  const orderId = (links[0] as { order_id?: string } | undefined)?.order_id
  if (!orderId) return null
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderId } })
  if (!orders[0]) return null
  const service = lifecycleService(container)
  const [owner, tracking] = await Promise.all([service.orderTokenFor(orderId, now), service.trackingTokenFor(orderId, now)])
  return {
    order_id: orderId,
    order_number: Number(orders[0].display_id),
    order_token: owner.token,
    order_token_expires_at: owner.expires_at,
    tracking_token: tracking,
  }
}

export { LIMITS, mobileDigits }
