import Redis from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"

/**
 * The abuse limits' counters, with `rate-limiter-flexible`: fixed windows that open
 * on a key's first hit. In Redis when the shop has one (every server and worker
 * process counts together; while Redis does not answer, each process counts in its
 * own memory rather than failing the request), in this process's memory otherwise.
 */

export type Limit = { max: number; windowSeconds: number }
export type LimitResult = { allowed: boolean; retryAfterSeconds: number }

const HOUR = 60 * 60
const DAY = 24 * HOUR

/**
 * The shop's limits. "Client" is the address a request comes from (client-address.ts);
 * every limit a shopper can run into is per client, or per phone *and* client, so
 * nobody else can use up a shopper's tries. The SMS caps are counted only when a
 * code is really sent (in the background, for phones with orders) and are never
 * answered to the caller.
 */
export const LIMITS = {
  /** POST /store/order-tracking/lookup */
  lookupPerClient: { max: 20, windowSeconds: 10 * 60 },
  lookupPerPhoneAndClient: { max: 10, windowSeconds: 10 * 60 },
  /** GET /store/order-tracking/links/:token and POST …/confirmations */
  linkPerClient: { max: 30, windowSeconds: 10 * 60 },
  /** POST /store/order-tracking/codes */
  codePerClient: { max: 10, windowSeconds: HOUR },
  codePerPhoneAndClient: { max: 3, windowSeconds: 15 * 60 },
  codePerPhoneAndClientDaily: { max: 4, windowSeconds: DAY },
  /** Codes really sent by SMS: per phone a day, and for the whole shop an hour (SMS pumping). */
  smsPerPhoneDaily: { max: 10, windowSeconds: DAY },
  smsPerHour: { max: 300, windowSeconds: HOUR },
  /** POST /store/order-tracking/sessions */
  sessionPerClient: { max: 30, windowSeconds: 10 * 60 },
  /** Wrong codes one client may type for one code (the code itself dies after more, from anyone). */
  wrongCodePerClient: { max: 5, windowSeconds: 10 * 60 },
} satisfies Record<string, Limit>

export type LimitName = keyof typeof LIMITS
export type Limits = Record<LimitName, Limit>

/** Redis keys: `sweetshop:rate:<limit name>:<key>`. */
export const KEY_PREFIX = "sweetshop:rate"

export class AbuseLimits {
  private limiters = new Map<LimitName, RateLimiterAbstract>()
  private redis: Redis | null

  constructor(
    readonly limits: Limits = LIMITS,
    redisUrl?: string
  ) {
    // Two retries, then a hit fails over to the in-memory insurance rather than holding the request.
    // A connection that never came up is dropped at once on close (ioredis would hold it 2 s).
    this.redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 2, disconnectTimeout: 100 }) : null
    this.redis?.on("error", () => undefined)
  }

  private limiter(name: LimitName): RateLimiterAbstract {
    let limiter = this.limiters.get(name)
    if (!limiter) {
      const { max, windowSeconds } = this.limits[name]
      const options = { keyPrefix: `${KEY_PREFIX}:${name}`, points: max, duration: windowSeconds }
      limiter = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options)
      this.limiters.set(name, limiter)
    }
    return limiter
  }

  /** Counts one try against the limit; tells whether it is within it and how long until the window ends. */
  async hit(name: LimitName, key: string): Promise<LimitResult> {
    try {
      const res = await this.limiter(name).consume(key)
      return { allowed: true, retryAfterSeconds: secondsOf(res) }
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: secondsOf(refusal) }
      throw refusal
    }
  }

  /** How many tries the key has used in its current window (0 when none), without counting one. */
  async used(name: LimitName, key: string): Promise<number> {
    const res = await this.limiter(name).get(key)
    return res?.consumedPoints ?? 0
  }

  /** Forgets every count (tests start from zero; an operator can lift a block). In Redis, for every process. */
  async reset(): Promise<void> {
    this.limiters.clear()
    if (!this.redis) return
    await this.ready()
    let cursor = "0"
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", `${KEY_PREFIX}:*`, "COUNT", 500)
      if (keys.length) await this.redis.del(...keys)
      cursor = next
    } while (cursor !== "0")
  }

  private async ready(): Promise<void> {
    const redis = this.redis
    if (!redis || redis.status === "ready") return
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("Redis did not answer within 5 seconds")), 5000)
      redis.once("ready", () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  async close(): Promise<void> {
    const redis = this.redis
    if (!redis) return
    if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect())
    else redis.disconnect()
  }
}

const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000))
