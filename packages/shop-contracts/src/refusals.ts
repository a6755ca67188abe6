/**
 * Every refusal the shop gives a shopper or staff member carries a stable
 * machine code beside its sentence (HTTP body: `{ type, code, message, field }`,
 * 400 unless said otherwise; the backend's error handler adds `field` from here).
 * Clients decide what to do by the code, never by matching the sentence; the
 * field tells a form which input to mark. README "API" lists them.
 */

/** The checkout form's inputs a refusal may concern. */
export type RefusalField = "phone" | "email" | "name" | "address" | "pincode" | "payment" | "delivery_day" | "delivery_slot" | "gift_message" | "cart"

export const REFUSALS = {
  invalid_phone: { field: "phone" },
  undeliverable_pincode: { field: "pincode" },
  invalid_pincode: { field: "pincode" },
  cod_over_cap: { field: "payment" },
  online_payment_unavailable: { field: "payment" },
  payment_not_verified: { field: "payment" },
  pool_shortfall: { field: "cart" },
  sold_out: { field: "cart" },
  cart_completed: { field: "cart" },
  cart_not_found: { field: "cart" },
  cart_empty: { field: "cart" },
  invalid_delivery_day: { field: "delivery_day" },
  day_in_past: { field: "delivery_day" },
  day_closed: { field: "delivery_day" },
  lead_time: { field: "delivery_day" },
  kitchen_full: { field: "delivery_day" },
  pickup_closed: { field: "delivery_day" },
  slot_closed: { field: "delivery_slot" },
  slot_full: { field: "delivery_slot" },
  festival_not_found: { field: "cart" },
  festival_closed: { field: "delivery_day" },
  not_festival_day: { field: "delivery_day" },
  not_in_festival: { field: "cart" },
  festival_full: { field: "delivery_day" },
  gift_message_too_long: { field: "gift_message" },
  metadata_not_allowed: { field: null },
  checkout_in_progress: { field: "cart" },
  busy: { field: null },
  invalid_idempotency_key: { field: null },
  invalid_data: { field: null },
  draft_order_not_found: { field: null },
} as const satisfies Record<string, { field: RefusalField | null }>

export type RefusalCode = keyof typeof REFUSALS

/** The body of a refusal, as the backend answers it. */
export type Refusal = { type: string; code: RefusalCode | string; message: string; field?: RefusalField | null }

export function isRefusalCode(code: unknown): code is RefusalCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(REFUSALS, code)
}

/** The form field a refusal concerns, by its code; null when it concerns no one field (or the code is unknown). */
export function refusalField(code: unknown): RefusalField | null {
  return isRefusalCode(code) ? REFUSALS[code].field : null
}

/** A refusal body for a code and its sentence (the field from the code). */
export function refusal(code: RefusalCode, message: string, type = "invalid_data"): Refusal {
  return { type, code, message, field: REFUSALS[code].field }
}
