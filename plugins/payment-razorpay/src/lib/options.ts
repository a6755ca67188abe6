import type { MedusaContainer } from "@medusajs/framework/types"
import { RAZORPAY_WEBHOOKS_MODULE } from "../modules/razorpay-webhooks"
import { RAZORPAY_PROVIDER_ID, SHOP_EVENTS } from "@sweetshop/shop-contracts"
import type { RazorpayApiOptions } from "./razorpay-api"

export const PLUGIN_NAME = "@sweetshop/payment-razorpay"
/** The payment session provider id Medusa gives the provider registered with id "razorpay" (shop-contracts). */
export { RAZORPAY_PROVIDER_ID }
/** Emitted when a payment that could not become an order was refunded: the notifications plugin tells the shopper and the staff. */
export const PAYMENT_REFUNDED_WITHOUT_ORDER_EVENT = SHOP_EVENTS.paymentRefundedWithoutOrder
/** Emitted when Razorpay reports a failed payment: the notifications plugin tells the shopper their cart is kept. */
export const PAYMENT_FAILED_EVENT = SHOP_EVENTS.paymentFailed

/** The plugin's options (medusa-config.ts, from the environment): the same keys as the provider's. */
export type RazorpayPluginOptions = Partial<RazorpayApiOptions> & {
  webhook_secret?: string
  /** Minutes a cart's stock is held while its shopper pays (PAYMENT_HOLD_MINUTES); later payments are refunded. */
  payment_hold_minutes?: number
  /** Seconds a checkout is left to the shopper's browser before the reconciliation job settles it (default 120). */
  reconcile_after_seconds?: number
  /** Minutes a phone order's payment link stays payable and its grams held (PAYMENT_LINK_MINUTES, default 60). */
  payment_link_minutes?: number
}

/** The plugin's options, as medusa-config.ts gives them to its razorpay-webhooks module. */
export function pluginOptions(container: Pick<MedusaContainer, "resolve">): RazorpayPluginOptions {
  return (container.resolve(RAZORPAY_WEBHOOKS_MODULE) as { options?: RazorpayPluginOptions }).options ?? {}
}

/** The API options when Razorpay is configured (keys set), else undefined. */
export function apiOptions(options: RazorpayPluginOptions): RazorpayApiOptions | undefined {
  if (!options.key_id || !options.key_secret) return undefined
  return { key_id: options.key_id, key_secret: options.key_secret, api_base_url: options.api_base_url, timeout_ms: options.timeout_ms }
}
