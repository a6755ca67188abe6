import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible"
import { readShopEnv } from "../../config/env"
import { clientKeyOf } from "@sweetshop/shop-contracts"

/**
 * Issue 23: the staff login (POST /auth/user/emailpass) and the token refresh
 * (POST /auth/token/refresh) take a bounded number of wrong guesses. Medusa has no
 * throttle of its own.
 *
 * Only failures count (a 401 answer): LOGIN_MAX_FAILURES per account (the email)
 * and three times that per client address (TRUST_PROXY_HOPS, client-address.ts)
 * within LOGIN_WINDOW_SECONDS. Reaching the limit locks that account or client for
 * the window, and each further lock-out within a day doubles the wait (up to a
 * day): a guesser gets ten tries per window, then fewer and fewer. While locked,
 * every attempt, the right password included, answers 429 with Retry-After and a
 * sentence; after the wait the right password works again. A lock-out writes a
 * warning to the log for staff and emits shop.staff_login_locked. A right password clears its account's failures.
 *
 * Counters live in Redis when the shop has one (all server processes count
 * together; while Redis does not answer, each process counts in its own memory),
 * in this process's memory otherwise.
 */

const DAY = 24 * 60 * 60

/** The event emitted on each lock-out: { account, locked_seconds } or { client, locked_seconds }. */
export const STAFF_LOGIN_LOCKED = "shop.staff_login_locked"

type Counters = { failures: RateLimiterAbstract; lockouts: RateLimiterAbstract; max: number; windowSeconds: number }

let counters: Counters | undefined
let redis: Redis | undefined

function make(options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract {
  return redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
    : new RateLimiterMemory(options)
}

function countersFor(): Counters {
  if (!counters) {
    const env = readShopEnv(process.env)
    if (env.REDIS_URL) {
      redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, disconnectTimeout: 100, lazyConnect: false })
      redis.on("error", () => undefined)
    }
    counters = {
      max: env.LOGIN_MAX_FAILURES,
      windowSeconds: env.LOGIN_WINDOW_SECONDS,
      // One limiter for both scopes: keys are "account:<email>" and "client:<address>".
      failures: make({ keyPrefix: "sweetshop:login:failures", points: env.LOGIN_MAX_FAILURES * 3, duration: env.LOGIN_WINDOW_SECONDS }),
      lockouts: make({ keyPrefix: "sweetshop:login:lockouts", points: 1_000_000, duration: DAY }),
    }
  }
  return counters
}

const limitOf = (c: Counters, key: string) => (key.startsWith("account:") ? c.max : c.max * 3)

/** Seconds a key is still locked for (0: not locked). */
async function lockedFor(c: Counters, key: string): Promise<number> {
  const res = await c.failures.get(key).catch(() => null)
  if (!res || res.consumedPoints < limitOf(c, key)) return 0
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
}

/** Counts a failure; on reaching the limit locks the key (doubling per lock-out) and tells for how long. */
async function fail(c: Counters, key: string): Promise<number> {
  const res = await c.failures.penalty(key, 1).catch(() => null)
  if (!res || res.consumedPoints < limitOf(c, key)) return 0
  const lockouts = (await c.lockouts.penalty(key, 1).catch(() => null))?.consumedPoints ?? 1
  const seconds = Math.min(DAY, c.windowSeconds * 2 ** Math.min(lockouts - 1, 16))
  await c.failures.block(key, seconds).catch(() => undefined)
  return seconds
}

function emailOf(req: MedusaRequest): string | null {
  const email = (req.body as { email?: unknown } | undefined)?.email
  return typeof email === "string" && email.trim() ? email.trim().toLowerCase().slice(0, 320) : null
}

/** Middleware for POST /auth/user/emailpass and POST /auth/token/refresh. */
export async function throttleStaffLogin(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const c = countersFor()
  const env = readShopEnv(process.env)
  const email = req.path.endsWith("/emailpass") ? emailOf(req) : null
  const keys = [`client:${clientKeyOf(req, env.TRUST_PROXY_HOPS)}`, ...(email ? [`account:${email}`] : [])]

  let wait = 0
  for (const key of keys) wait = Math.max(wait, await lockedFor(c, key))
  if (wait > 0) {
    res.setHeader("Retry-After", String(wait))
    res.status(429).json({
      type: "too_many_attempts",
      message: `Too many wrong logins: try again in ${wait} second${wait === 1 ? "" : "s"} (the right password works again then).`,
    })
    return
  }

  // The answer is held until the outcome is counted, so the next attempt already sees it.
  const send = res.json.bind(res)
  res.json = ((body: unknown) => {
    const status = res.statusCode
    const counted = (async () => {
      if (status === 401) {
        for (const key of keys) {
          const locked = await fail(c, key)
          if (locked) {
            const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
            logger.warn(
              `Staff login: ${key.startsWith("account:") ? `the account ${email}` : `the client ${key.slice(7)}`} reached ${limitOf(c, key)} wrong ${req.path.endsWith("/refresh") ? "token refreshes" : "passwords"}; locked for ${locked} s.`
            )
            // For subscribers (a message to staff, an alert): which account or client, and for how long.
            await req.scope
              .resolve(Modules.EVENT_BUS)
              .emit({
                name: STAFF_LOGIN_LOCKED,
                data: key.startsWith("account:") ? { account: email, locked_seconds: locked } : { client: key.slice(7), locked_seconds: locked },
              })
              .catch(() => undefined)
          }
        }
      } else if (status < 400 && email) {
        await c.failures.delete(`account:${email}`).catch(() => undefined)
      }
    })()
    counted.finally(() => send(body))
    return res
  }) as typeof res.json
  next()
}
