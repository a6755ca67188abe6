import { MedusaService } from "@medusajs/framework/utils"
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

  /** A signed link that opens the order's tracking page without typing anything; valid `tracking_link_days`. */
  async trackingUrlFor(orderId: string, now = Date.now()): Promise<string> {
    const expires = new Date(now + this.options.tracking_link_days * 24 * 60 * 60 * 1000)
    return `${this.options.storefront_url}/track/${signToken(this.options.secret, "track-order", { o: orderId }, expires)}`
  }
}
