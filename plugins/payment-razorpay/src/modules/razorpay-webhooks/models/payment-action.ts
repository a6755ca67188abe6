import { model } from "@medusajs/framework/utils"

/**
 * A Razorpay payment that needed action because it could not become an order
 * (sold out, paid late, its checkout replaced, a second payment for one
 * order…): why, what was done, and whether the shopper and staff were told.
 * One row per Razorpay payment, so the same payment is never refunded twice.
 */
export const PaymentAction = model.define("razorpay_payment_action", {
  id: model.id({ prefix: "rzpact" }).primaryKey(),
  razorpay_payment_id: model.text().unique(),
  razorpay_order_id: model.text().nullable(),
  /** Whole paise. */
  amount_paise: model.number(),
  /** A stable code: sold_out, late_payment, checkout_replaced, duplicate_payment, amount_mismatch, could_not_complete, dashboard_refund_failed. */
  reason: model.text(),
  /** The sentence the shopper and staff read. */
  detail: model.text(),
  /** refunding → refunded, or refund_failed (staff must act). */
  outcome: model.text(),
  refund_id: model.text().nullable(),
  cart_id: model.text().nullable(),
  phone: model.text().nullable(),
  /** What found it: checkout, webhook:<event>, reconciliation, ledger. */
  found_by: model.text(),
})
