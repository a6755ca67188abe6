import { pincodeDigits } from "@sweetshop/shop-contracts"
import type { DeliveryDay, PincodeCheck } from "../delivery"
import { BackendUnavailableError, ShopRefusal, store } from "./medusa"

type PincodeAnswer = { pincode: string; serviceable: true; area: string; city?: string; state?: string } | { pincode: string; serviceable: false; message: string }

const UNCHECKED = "We could not check this pincode just now; we check it again when you place the order."

/**
 * Whether the shop delivers to a pincode, asked of the backend
 * (`GET /store/delivery/pincodes/:pincode`, always live): the one list of
 * delivery areas is the backend's, which also refuses home delivery outside
 * them at checkout. A malformed pincode is the backend's 400 sentence. When the
 * backend cannot answer (down, or a backend without the route) the check is
 * "unknown": the shopper may go on, and the checkout call is the check.
 */
export async function checkPincode(input: string): Promise<PincodeCheck> {
  const pincode = pincodeDigits(input) ?? input.replace(/\s/g, "")
  if (!/^\d{1,10}$/.test(pincode)) return { pincode, status: "invalid", message: "Please enter a 6-digit pincode, for example 110024." }
  try {
    const answer = await store<PincodeAnswer>(`/store/delivery/pincodes/${pincode}`, { freshness: { cache: "live" } })
    return answer.serviceable
      ? { pincode: answer.pincode, status: "serviceable", area: answer.area, city: answer.city || null, state: answer.state || null }
      : { pincode: answer.pincode, status: "unserviceable", message: answer.message }
  } catch (error) {
    if (error instanceof ShopRefusal && error.status === 400) return { pincode, status: "invalid", message: error.message }
    if (error instanceof ShopRefusal || error instanceof BackendUnavailableError) return { pincode, status: "unknown", message: UNCHECKED }
    throw error
  }
}

type SlotsAnswer = {
  days: {
    date: string
    label: string
    open: boolean
    slots: { code: string; label: string; places_left: number; open: boolean; reason: string | null }[]
  }[]
  /** The same days for pickup: the counter's hours (an older backend sends none). */
  pickup?: { date: string; open: boolean; opens_at: string | null; closes_at: string | null; message: string | null }[]
}

/** "morning" + "10:00–13:00" → "Morning, 10:00–13:00" (the label the picker and the order show). */
export function slotTitle(code: string, label: string): string {
  return `${code.charAt(0).toUpperCase()}${code.slice(1)}, ${label}`
}

/**
 * The days and slots the checkout's picker offers, as the backend decides them
 * (`GET /store/delivery/slots?cart_id=`, always live): its delivery settings, the
 * places left in each slot and the lead times of this cart's sweets. Only open slots
 * with places left are offered. The backend judges the choice
 * again when the order is placed (a slot taken meanwhile is refused with slot_full).
 * Each day carries the pickup counter's hours that day: a day is listed when it has an open
 * slot or the counter takes pickup that day (deliveryChoiceDays / pickupChoiceDays pick per way).
 * For a festival's pre-order (`festival`, its handle) the days are the festival's, each also
 * judged by the festival's places left that day.
 */
export async function deliverySlotDays(cartId: string | null, festival: string | null = null): Promise<DeliveryDay[]> {
  const query = { ...(cartId ? { cart_id: cartId } : {}), ...(festival ? { festival } : {}) }
  const answer = await store<SlotsAnswer>("/store/delivery/slots", { query, freshness: { cache: "live" } })
  const pickup = new Map((answer.pickup ?? []).map((p) => [p.date, { open: p.open, opensAt: p.opens_at, closesAt: p.closes_at, message: p.message }]))
  return answer.days
    .map((day) => ({
      date: day.date,
      label: day.label,
      slots: day.slots.filter((s) => s.open && s.places_left > 0).map((s) => ({ id: s.code, label: slotTitle(s.code, s.label), open: true, note: null })),
      ...(pickup.has(day.date) ? { pickup: pickup.get(day.date) } : {}),
    }))
    .filter((day) => day.slots.length > 0 || day.pickup?.open)
}
