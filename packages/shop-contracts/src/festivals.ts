/**
 * Festival pre-orders (issue 19). A cart pre-ordering for a festival carries the festival's
 * handle in its metadata under this key ("diwali-2026"); Medusa copies cart metadata onto the
 * order, so the order names its festival too (the kitchen sheet and the Shop orders list filter
 * by it). The checkout refuses a pre-order with festival_not_found, festival_closed,
 * not_festival_day, not_in_festival or festival_full (./refusals.ts).
 */
export const FESTIVAL_KEY = "festival"

/** A festival as GET /store/festivals and /store/festivals/:handle answer it (nothing personal). */
export type StoreFestival = {
  handle: string
  name: string
  description: string | null
  /** "2026-11-01": the first shop day (India time) pre-orders are taken. */
  opens_on: string
  /** The last shop day pre-orders are taken. */
  closes_on: string
  /** Today (India time) lies between opens_on and closes_on, both included. */
  open: boolean
  /** Why pre-orders are not taken now, or null when open. */
  message: string | null
  product_ids: string[]
  days: { date: string; label: string; capacity: number; places_left: number }[]
}
