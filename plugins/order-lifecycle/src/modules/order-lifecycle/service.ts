import { MedusaService } from "@medusajs/framework/utils"
import { sealToken } from "../../lib/order-tokens"
import { AbuseLimits, LIMITS } from "../../lib/rate-limit"
import { ShopOrder } from "./models/shop-order"
import { StatusChange } from "./models/status-change"
import { TrackingCode } from "./models/tracking-code"

export type OrderLifecycleOptions = {
  /** Keys for tracking links, order tokens, order sessions and code hashes. */
  secret: string
  /** Where shoppers open a tracking link: `${storefront_url}/track/<token>`. */
  storefront_url: string
  tracking_link_days?: number
  /** How long the browser that placed an order may open it in full (the order token), in hours; default 24. */
  order_token_hours?: number
  /** "redis://…" to count abuse limits across processes; memory otherwise. */
  redis_url?: string
  /**
   * How many proxies of the shop's own stand in front of the backend and append to
   * X-Forwarded-For (TRUST_PROXY_HOPS). 0, the default: the header is not read.
   */
  trust_proxy_hops?: number
  /** At most this many one-time codes are sent by SMS in an hour, shop-wide (default 300). */
  sms_codes_per_hour?: number
}

type InjectedDependencies = Record<string, unknown>

/** The shop-floor records of orders (status, history) and the shoppers' one-time codes. */
export default class OrderLifecycleModuleService extends MedusaService({ ShopOrder, StatusChange, TrackingCode }) {
  readonly options: Required<Pick<OrderLifecycleOptions, "secret" | "storefront_url" | "tracking_link_days" | "order_token_hours" | "trust_proxy_hops">> &
    OrderLifecycleOptions

  constructor(container: InjectedDependencies, options: OrderLifecycleOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    if (!options?.secret || options.secret.length < 16) {
      throw new Error("order_lifecycle needs a `secret` of at least 16 characters (TRACKING_SECRET) to sign tracking links.")
    }
    const hops = options.trust_proxy_hops ?? 0
    if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
      throw new Error("order_lifecycle's `trust_proxy_hops` (TRUST_PROXY_HOPS) must be a whole number from 0 to 10.")
    }
    this.options = {
      tracking_link_days: 30,
      order_token_hours: 24,
      ...options,
      trust_proxy_hops: hops,
      storefront_url: (options.storefront_url ?? "").replace(/\/+$/, ""),
    }
  }

  private limits_: AbuseLimits | null = null

  /** The abuse limits' counters: in Redis with `redis_url` (shared by every process), else in this process. */
  rateLimiter(): AbuseLimits {
    this.limits_ ??= new AbuseLimits(
      { ...LIMITS, smsPerHour: { ...LIMITS.smsPerHour, max: this.options.sms_codes_per_hour ?? LIMITS.smsPerHour.max } },
      this.options.redis_url
    )
    return this.limits_
  }

  /**
   * Forgets every abuse-limit count (tests start each case from zero; an operator can lift a block).
   * In Redis, the counters under `sweetshop:rate:` are deleted for every process.
   */
  async resetRateLimits(): Promise<void> {
    await this.rateLimiter().reset()
  }

  /** An encrypted tracking token (the order id cannot be read from it); opens the masked tracking view. */
  async trackingTokenFor(orderId: string, now = Date.now()): Promise<string> {
    return await sealToken(this.options.secret, "track-order", { o: orderId }, new Date(now + this.options.tracking_link_days * 24 * 60 * 60 * 1000))
  }

  /** A link that opens the order's tracking page without typing anything; valid `tracking_link_days`. */
  async trackingUrlFor(orderId: string, now = Date.now()): Promise<string> {
    return `${this.options.storefront_url}/track/${await this.trackingTokenFor(orderId, now)}`
  }

  /** The token of the browser that placed an order: opens Medusa's GET /store/orders/:id in full for `order_token_hours`. */
  async orderTokenFor(orderId: string, now = Date.now()): Promise<{ token: string; expires_at: string }> {
    const expires = new Date(now + this.options.order_token_hours * 60 * 60 * 1000)
    return { token: await sealToken(this.options.secret, "order-owner", { o: orderId }, expires), expires_at: expires.toISOString() }
  }
}
