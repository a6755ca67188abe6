import { MedusaService } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from "../../lib/rate-limit"
import { signToken } from "../../lib/signed-token"
import { ShopOrder } from "./models/shop-order"
import { StatusChange } from "./models/status-change"
import { TrackingCode } from "./models/tracking-code"

export type OrderLifecycleOptions = {
  /** Signs tracking links, order sessions and code hashes. */
  secret: string
  /** Where shoppers open a tracking link: `${storefront_url}/track/<token>`. */
  storefront_url: string
  tracking_link_days?: number
  /** "redis://…" to count abuse limits across processes; memory otherwise. */
  redis_url?: string
}

type InjectedDependencies = Record<string, unknown>

/** The shop-floor records of orders (status, history) and the shoppers' one-time codes. */
export default class OrderLifecycleModuleService extends MedusaService({ ShopOrder, StatusChange, TrackingCode }) {
  readonly options: Required<Pick<OrderLifecycleOptions, "secret" | "storefront_url" | "tracking_link_days">> & OrderLifecycleOptions

  constructor(container: InjectedDependencies, options: OrderLifecycleOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    if (!options?.secret || options.secret.length < 16) {
      throw new Error("order_lifecycle needs a `secret` of at least 16 characters (TRACKING_SECRET) to sign tracking links.")
    }
    this.options = { tracking_link_days: 30, ...options, storefront_url: (options.storefront_url ?? "").replace(/\/+$/, "") }
  }

  private limiter_: RateLimiter | null = null

  /** The abuse limits' counters: in Redis with `redis_url` (shared by every process), else in this process. */
  rateLimiter(): RateLimiter {
    this.limiter_ ??= this.options.redis_url ? new RedisRateLimiter(this.options.redis_url) : new MemoryRateLimiter()
    return this.limiter_
  }

  /**
   * Forgets every abuse-limit count (tests start each case from zero; an operator can lift a block).
   * In Redis, the counters under `sweetshop:rate:` are deleted for every process.
   */
  async resetRateLimits(): Promise<void> {
    if (!this.options.redis_url) {
      this.limiter_ = new MemoryRateLimiter()
      return
    }
    const redis = new Redis(this.options.redis_url, { maxRetriesPerRequest: 2 })
    try {
      let cursor = "0"
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", "sweetshop:rate:*", "COUNT", 500)
        if (keys.length) await redis.del(...keys)
        cursor = next
      } while (cursor !== "0")
    } finally {
      await redis.quit().catch(() => redis.disconnect())
    }
  }

  /** A signed link that opens the order's tracking page without typing anything; valid `tracking_link_days`. */
  async trackingUrlFor(orderId: string, now = Date.now()): Promise<string> {
    const expires = new Date(now + this.options.tracking_link_days * 24 * 60 * 60 * 1000)
    return `${this.options.storefront_url}/track/${signToken(this.options.secret, "track-order", { o: orderId }, expires)}`
  }
}
