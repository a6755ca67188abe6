import { MedusaService } from "@medusajs/framework/utils"
import { sealToken } from "../../lib/order-tokens"
import { AbuseLimits, LIMITS } from "../../lib/rate-limit"
import { linkCodeHash, newLinkCode } from "../../lib/short-links"
import { ShopOrder } from "./models/shop-order"
import { StatusChange } from "./models/status-change"
import { TrackingCode } from "./models/tracking-code"
import { TrackingLink } from "./models/tracking-link"

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
export default class OrderLifecycleModuleService extends MedusaService({ ShopOrder, StatusChange, TrackingCode, TrackingLink }) {
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

  /**
   * The link in an order's messages: opens the order's tracking page without typing anything,
   * valid `tracking_link_days`. Short (`/track/<10 letters and digits>`, lib/short-links.ts):
   * a random code kept as a keyed hash, resolving to the same masked view as the encrypted token.
   */
  async trackingUrlFor(orderId: string, now = Date.now()): Promise<string> {
    const code = newLinkCode()
    await this.createTrackingLinks({
      code_hash: linkCodeHash(this.options.secret, code),
      order_id: orderId,
      expires_at: new Date(now + this.options.tracking_link_days * 24 * 60 * 60 * 1000),
    })
    return `${this.options.storefront_url}/track/${code}`
  }

  /** The order a short link's code opens; null for an unknown or expired code. */
  async orderIdOfLinkCode(code: string, now = Date.now()): Promise<string | null> {
    const [link] = await this.listTrackingLinks({ code_hash: linkCodeHash(this.options.secret, code) }, { take: 1 })
    if (!link || new Date(link.expires_at).getTime() <= now) return null
    return link.order_id
  }

  /** The token of the browser that placed an order: opens Medusa's GET /store/orders/:id in full for `order_token_hours`. */
  async orderTokenFor(orderId: string, now = Date.now()): Promise<{ token: string; expires_at: string }> {
    const expires = new Date(now + this.options.order_token_hours * 60 * 60 * 1000)
    return { token: await sealToken(this.options.secret, "order-owner", { o: orderId }, expires), expires_at: expires.toISOString() }
  }
}
