/**
 * Every refusal the shop gives a shopper or staff member carries a stable
 * machine code beside its sentence (HTTP body: `{ type, code, message, field? }`).
 * Clients decide what to do by the code, never by matching the sentence; the
 * field tells a form which input to mark. README "API" lists them.
 */

/** The checkout form's inputs a refusal may concern. */
export type RefusalField = "phone" | "email" | "name" | "address" | "pincode" | "payment" | "delivery_day" | "delivery_slot" | "gift_message" | "cart"

export const REFUSALS = {
  invalid_phone: { field: "phone", status: 400 },
  undeliverable_pincode: { field: "pincode", status: 400 },
  invalid_pincode: { field: "pincode", status: 400 },
  cod_over_cap: { field: "payment", status: 400 },
  online_payment_unavailable: { field: "payment", status: 400 },
  payment_not_verified: { field: "payment", status: 400 },
  pool_shortfall: { field: "cart", status: 409 },
  sold_out: { field: "cart", status: 409 },
  cart_completed: { field: "cart", status: 400 },
  cart_not_found: { field: "cart", status: 404 },
  cart_empty: { field: "cart", status: 400 },
  invalid_delivery_day: { field: "delivery_day", status: 400 },
  day_in_past: { field: "delivery_day", status: 400 },
  day_closed: { field: "delivery_day", status: 400 },
  lead_time: { field: "delivery_day", status: 400 },
  kitchen_full: { field: "delivery_day", status: 409 },
  slot_closed: { field: "delivery_slot", status: 400 },
  slot_full: { field: "delivery_slot", status: 409 },
  gift_message_too_long: { field: "gift_message", status: 400 },
  metadata_not_allowed: { field: null, status: 400 },
  checkout_in_progress: { field: "cart", status: 409 },
  invalid_idempotency_key: { field: null, status: 400 },
  invalid_data: { field: null, status: 400 },
} as const satisfies Record<string, { field: RefusalField | null; status: number }>

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
