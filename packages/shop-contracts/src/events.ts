/**
 * Events one package emits and another reacts to, with what they carry.
 * Emitters and subscribers both name them from here; a payload type is the
 * whole of what a subscriber may read.
 */
import type { ShopStatus } from "./statuses.js"
import type { Unit } from "./units.js"

export const SHOP_EVENTS = {
  /** A pool's available grams or pieces are at or below its low-stock threshold (gram-inventory). */
  poolLowStock: "gram_pool.low_stock",
  /** An order moved from one shop status to another (order-lifecycle). */
  orderStatusChanged: "shop_order.status_changed",
  /** Money went back to the shopper when an order was cancelled (order-lifecycle). */
  orderPaymentRefunded: "shop_order.payment_refunded",
  /** A shopper asked for a one-time code to see their orders (order-lifecycle). */
  trackingCodeRequested: "order_tracking.code_requested",
  /** A Razorpay payment was taken but made no order, and was refunded, or the refund failed (payment-razorpay). */
  paymentRefundedWithoutOrder: "razorpay.payment_refunded_without_order",
  /** A Razorpay payment failed at the bank; no money was taken (payment-razorpay). */
  paymentFailed: "razorpay.payment_failed",
  /** Staff sent a draft order's Razorpay payment link to its customer (payment-razorpay): the customer gets it by SMS and WhatsApp. */
  paymentLinkSent: "razorpay.payment_link_sent",
  /** A draft order's unpaid payment link expired or was cancelled at Razorpay; its hold was let go (payment-razorpay): the backend frees its delivery place. */
  paymentLinkClosed: "razorpay.payment_link_closed",
  /** The nightly backup did not complete (backend). */
  backupFailed: "shop.backup_failed",
} as const

export type ShopEventName = (typeof SHOP_EVENTS)[keyof typeof SHOP_EVENTS]

export type PoolLowStockData = {
  product_id: string
  product_title: string
  inventory_item_id: string
  unit: Unit
  available_units: number
  low_stock_threshold_units: number
}

export type OrderStatusChangedData = { id: string; display_id: number; from: ShopStatus; to: ShopStatus }

export type OrderPaymentRefundedData = { id: string; display_id: number; amount_paise: number }

export type TrackingCodeRequestedData = { phone: string }

export type PaymentRefundedWithoutOrderData = {
  id: string
  razorpay_payment_id: string
  amount_paise: number
  reason: string
  outcome: "refunded" | "refund_failed" | string
  /** The one sentence the shopper is told. */
  text: string
  phone?: string | null
  cart_id?: string | null
}

export type PaymentFailedData = { razorpay_payment_id: string; amount_paise: number; phone: string; cart_id: string | null; text: string }

export type PaymentLinkSentData = {
  draft_order_id: string
  razorpay_payment_link_id: string
  /** Razorpay's short URL the customer pays at. */
  url: string
  amount_paise: number
  /** ISO time the link stops taking payments. */
  expires_at: string
  /** The customer's phone, E.164. */
  phone: string
  /** The one sentence the customer is sent (with the link). */
  text: string
}

export type PaymentLinkClosedData = { draft_order_id: string; razorpay_payment_link_id: string; status: "expired" | "cancelled" }

export type BackupFailedData = { message: string; at: string }

/** Each event's payload, for typed emitters and subscribers. */
export type ShopEventData = {
  "gram_pool.low_stock": PoolLowStockData
  "shop_order.status_changed": OrderStatusChangedData
  "shop_order.payment_refunded": OrderPaymentRefundedData
  "order_tracking.code_requested": TrackingCodeRequestedData
  "razorpay.payment_refunded_without_order": PaymentRefundedWithoutOrderData
  "razorpay.payment_failed": PaymentFailedData
  "razorpay.payment_link_sent": PaymentLinkSentData
  "razorpay.payment_link_closed": PaymentLinkClosedData
  "shop.backup_failed": BackupFailedData
}
