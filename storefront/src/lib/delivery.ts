import { pincodeDigits } from "@sweetshop/shop-contracts"

/**
 * When the shop delivers (slots and cut-offs, India time). Where it delivers is
 * the backend's to say: the checkout asks `GET /store/delivery/pincodes/:pincode`
 * (src/lib/server/delivery.ts) as the pincode is typed, and the backend refuses
 * home delivery to a pincode outside its area when the order is placed.
 */

/** The form of a pincode only (six digits, not starting with 0; "110 024" with a space is one): null when well-formed, else the sentence. */
export function pincodeFormatError(input: string): string | null {
  return pincodeDigits(input) ? null : "Please enter a 6-digit pincode, for example 110024."
}

/**
 * What the backend said of a pincode: it delivers there (its area, and the city and state its
 * addresses are written with, which the form fills in), or why not. Unknown when it could not be asked.
 */
export type PincodeCheck = { pincode: string; status: "serviceable"; area: string; city: string | null; state: string | null } | { pincode: string; status: "unserviceable" | "invalid"; message: string } | { pincode: string; status: "unknown"; message: string }

/**
 * The picker's days and slots come from the backend (`GET /store/delivery/slots`, see
 * server/delivery.ts: the shop's delivery settings, places left, lead times), which also
 * judges the choice at checkout. These constants are only the picker's fallback when the
 * backend cannot be asked for them (the order is then judged by the backend all the same).
 * Delivery (and pickup) slots, in India Standard Time. A slot closes at its cut-off on the day itself.
 */
export const SLOTS = [
  { id: "morning", label: "Morning, 10:00–13:00", cutoffHour: 7, cutoffLabel: "7 am" },
  { id: "evening", label: "Evening, 16:00–20:00", cutoffHour: 13, cutoffLabel: "1 pm" },
] as const
export type SlotId = (typeof SLOTS)[number]["id"]

/** How many days ahead a shopper can choose, today included. */
export const DAYS_AHEAD = 3

const IST_OFFSET_MINUTES = 330

/** The calendar date and hour in India for an instant. */
function indiaClock(now: Date): { date: string; hour: number; minute: number } {
  const shifted = new Date(now.getTime() + IST_OFFSET_MINUTES * 60_000)
  return { date: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes() }
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

const dayName = new Intl.DateTimeFormat("en-IN", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })

export type DeliveryDay = {
  /** 2026-11-25 */
  date: string
  /** "Today, Wednesday 25 November" */
  label: string
  /** A slot's id is the backend's slot code ("morning"). */
  slots: { id: SlotId | string; label: string; open: boolean; note: string | null }[]
  /** The pickup counter that day, as the backend says (absent when it could not be asked). */
  pickup?: PickupDay
}

/** The counter's hours on a day ("10:00", "21:00"; null when it has none), and whether it takes this order, else why not. */
export type PickupDay = { open: boolean; opensAt: string | null; closesAt: string | null; message: string | null }

/** What the checkout says of pickup on the chosen day. */
export function pickupHoursNote(day: DeliveryDay | undefined): string | null {
  const pickup = day?.pickup
  if (!pickup) return null
  if (pickup.open && pickup.opensAt && pickup.closesAt) return `Pickup ${day.label}: the counter is open ${pickup.opensAt}–${pickup.closesAt}.`
  return pickup.message
}

/** Home delivery's days: those with a slot to choose. */
export function deliveryChoiceDays(days: DeliveryDay[]): DeliveryDay[] {
  return days.filter((d) => d.slots.length > 0)
}

/**
 * Pickup's days: those the counter takes pickup on, whatever the slots (the backend judges a pickup
 * by the pickup hours, and no slot is asked). Without the backend's pickup list (the fallback days),
 * the delivery days.
 */
export function pickupChoiceDays(days: DeliveryDay[]): DeliveryDay[] {
  if (!days.some((d) => d.pickup)) return deliveryChoiceDays(days)
  return days.filter((d) => d.pickup?.open)
}

/** A day's line in the picker: for pickup with the counter's hours ("…, counter open 10:00–21:00"). */
export function dayOptionLabel(day: DeliveryDay, fulfilment: "delivery" | "pickup"): string {
  const p = day.pickup
  return fulfilment === "pickup" && p?.open && p.opensAt && p.closesAt ? `${day.label}, counter open ${p.opensAt}–${p.closesAt}` : day.label
}

/** The days and slots a shopper may choose now; a slot past its cut-off today is shown closed with the reason. */
export function deliveryDays(now: Date): DeliveryDay[] {
  const clock = indiaClock(now)
  const minutesNow = clock.hour * 60 + clock.minute
  return Array.from({ length: DAYS_AHEAD }, (_, i) => {
    const date = addDays(clock.date, i)
    const prefix = i === 0 ? "Today, " : i === 1 ? "Tomorrow, " : ""
    return {
      date,
      label: `${prefix}${dayName.format(new Date(`${date}T00:00:00Z`))}`,
      slots: SLOTS.map((slot) => {
        const open = i > 0 || minutesNow < slot.cutoffHour * 60
        return { id: slot.id, label: slot.label, open, note: open ? null : `Closed: order by ${slot.cutoffLabel} for this slot today` }
      }),
    }
  }).filter((day) => day.slots.some((s) => s.open))
}

/** Null when the slot can still be chosen at `now`, else the sentence to show. */
export function slotRefusal(now: Date, date: string, slotId: string): string | null {
  const day = deliveryDays(now).find((d) => d.date === date)
  const slot = day?.slots.find((s) => s.id === slotId)
  if (!day || !slot) return "Please choose a delivery day and slot."
  if (!slot.open) return `${slot.label} on ${day.label} has closed (${slot.note?.replace("Closed: ", "")}). Please choose another slot.`
  return null
}

/**
 * What the form itself checks of the day and slot: that both are chosen (the day only for
 * pickup, which takes no slot: slotId null) and the day is not past. Cut-offs, closed days, lead times and places left are the backend's to judge (it
 * refuses with a code the form shows by the slot).
 */
export function slotChoiceError(now: Date, date: string, slotId: string | null): string | null {
  if (slotId === null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return "Please choose a pickup day."
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || slotId === "") return "Please choose a delivery day and slot."
  if (date < indiaClock(now).date) return "That day has passed. Please choose another day."
  return null
}

export function slotLabel(slotId: string): string {
  return SLOTS.find((s) => s.id === slotId)?.label ?? slotId
}

