import { dayLabel, type RefusalCode } from "@sweetshop/shop-contracts"

/**
 * When the shop delivers, judged by the backend: a day and slot are refused with a code
 * and a sentence when the day is past, closed, the slot after its cut-off, or inside a
 * product's lead time; a pickup day when the counter has no hours that day, has closed
 * (today), or closes before the cart's sweets are ready. Capacity (slot_full) is counted where places are taken
 * (../flows/delivery-booking.ts). Every time is the shop's, India Standard Time
 * (Asia/Kolkata, UTC+05:30, no daylight saving).
 */

export type SlotSetting = {
  weekday: number
  code: string
  label: string
  starts_at: string
  ends_at: string
  cutoff_minutes: number
  capacity: number
  active?: boolean
}

/** The pickup counter's hours on one weekday ("10:00" to "21:00", shop time). */
export type PickupHoursSetting = {
  weekday: number
  opens_at: string
  closes_at: string
  active?: boolean
}

export type DaySettings = {
  slots: SlotSetting[]
  /** One row per weekday at most; a weekday without an active row has no pickup. */
  pickup_hours: PickupHoursSetting[]
  /** "2026-12-25" */
  closed_days: { day: string; reason?: string | null }[]
}

export type DayRefusal = { code: RefusalCode; message: string }

/** How far ahead a day may be booked. */
export const BOOKING_HORIZON_DAYS = 60
/** How many days GET /store/delivery/slots lists, today included. */
export const LISTED_DAYS = 7

const IST_OFFSET_MS = 330 * 60_000

/** The shop's calendar date ("2026-11-30") at an instant. */
export function shopToday(now: Date): string {
  return new Date(now.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10)
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(day: unknown): day is string {
  if (typeof day !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  const d = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay()
}

/** "10:00" of a shop day as an instant. */
export function shopInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+05:30`)
}

/** "10:00" or "9:30", 00:00–23:59. */
export function isClockTime(value: unknown): value is string {
  return typeof value === "string" && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
}

/** "Thursday 3 December" (shop-contracts, as the kitchen sheet writes it too). */
export { dayLabel }

function clockLabel(date: Date): string {
  const shifted = new Date(date.getTime() + IST_OFFSET_MS)
  const h = shifted.getUTCHours()
  const m = shifted.getUTCMinutes()
  const hour = h % 12 === 0 ? 12 : h % 12
  return `${hour}${m ? `:${String(m).padStart(2, "0")}` : ""} ${h < 12 ? "am" : "pm"}`
}

/** The day's active slots, earliest first. */
export function slotsOf(settings: DaySettings, day: string): SlotSetting[] {
  const weekday = weekdayOf(day)
  return settings.slots.filter((s) => s.weekday === weekday && s.active !== false).sort((a, b) => a.starts_at.localeCompare(b.starts_at))
}

/** A slot of the day by its code ("morning") or its label ("10:00–13:00"), as clients send either. */
export function findSlot(settings: DaySettings, day: string, slot: string): SlotSetting | undefined {
  return slotsOf(settings, day).find((s) => s.code === slot || s.label === slot)
}

/** A festival's delivery day may lie beyond the booking horizon (./festivals.ts); otherwise it is judged as any day. */
export type DayOptions = { beyond_horizon?: boolean }

/** Why the day cannot be chosen for delivery or pickup alike (not a date, past, beyond the horizon, a closed day), or null. */
function calendarRefusal(now: Date, day: unknown, settings: DaySettings, options: DayOptions): DayRefusal | null {
  if (!isCalendarDate(day)) return { code: "invalid_delivery_day", message: "Please choose a delivery day, written like 2026-12-03." }
  const today = shopToday(now)
  if (day < today) return { code: "day_in_past", message: `${dayLabel(day)} has passed. Please choose another day.` }
  if (!options.beyond_horizon && day > addDays(today, BOOKING_HORIZON_DAYS)) {
    return { code: "invalid_delivery_day", message: `We take orders up to ${BOOKING_HORIZON_DAYS} days ahead. Please choose an earlier day.` }
  }
  const closed = settings.closed_days.find((c) => c.day === day)
  if (closed) return shopClosed(day, closed.reason)
  return null
}

const shopClosed = (day: string, reason?: string | null): DayRefusal => ({
  code: "day_closed",
  message: `The shop is closed on ${dayLabel(day)}${reason ? ` (${reason})` : ""}. Please choose another day.`,
})

/** Why the day itself cannot be chosen for home delivery (a day without slots is closed), or null. */
export function dayRefusal(now: Date, day: unknown, settings: DaySettings, options: DayOptions = {}): DayRefusal | null {
  const refused = calendarRefusal(now, day, settings, options)
  if (refused) return refused
  return slotsOf(settings, day as string).length ? null : shopClosed(day as string)
}

/** 0 Sunday … 6 Saturday, as the admin writes them. */
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

/** The counter's active hours on the day's weekday, or undefined (no pickup that weekday). */
export function pickupHoursOf(settings: DaySettings, day: string): PickupHoursSetting | undefined {
  const weekday = weekdayOf(day)
  return settings.pickup_hours.find((h) => h.weekday === weekday && h.active !== false)
}

/**
 * Why a pickup on this day cannot be ordered now for these lead times (the longest of the
 * cart's products, in hours), or null: the day as any day (past, closed …), then the counter's
 * hours: none that weekday (day_closed), closed already today (pickup_closed), or closing before
 * the sweets are ready, now plus the lead time (lead_time). The delivery slots play no part.
 */
export function pickupRefusal(now: Date, day: unknown, settings: DaySettings, leadHours = 0, options: DayOptions = {}): DayRefusal | null {
  const refused = calendarRefusal(now, day, settings, options)
  if (refused) return refused
  const d = day as string
  const hours = pickupHoursOf(settings, d)
  if (!hours) {
    return { code: "day_closed", message: `The pickup counter is closed on ${WEEKDAY_NAMES[weekdayOf(d)]}s. Please choose another day, or home delivery.` }
  }
  const closes = shopInstant(d, hours.closes_at)
  if (now.getTime() >= closes.getTime()) {
    return { code: "pickup_closed", message: `The pickup counter closed at ${clockLabel(closes)} on ${dayLabel(d)}. Please choose another day.` }
  }
  if (leadHours > 0 && now.getTime() + leadHours * 3_600_000 > closes.getTime()) {
    return {
      code: "lead_time",
      message: `Some sweets in your cart are made fresh to order and need ${leadHours} hours: they would not be ready before the counter closes at ${clockLabel(closes)} on ${dayLabel(d)}. Please choose a later day.`,
    }
  }
  return null
}

/** A day's pickup as the storefront shows it: the counter's hours, and whether it takes the order (refused: why not, from pickupRefusal and the like). */
export type PickupDay = { opens_at: string | null; closes_at: string | null; open: boolean; reason: RefusalCode | null; message: string | null }

export function pickupDay(settings: DaySettings, day: string, refused: DayRefusal | null): PickupDay {
  const hours = pickupHoursOf(settings, day)
  return { opens_at: hours?.opens_at ?? null, closes_at: hours?.closes_at ?? null, open: !refused, reason: refused?.code ?? null, message: refused?.message ?? null }
}

/**
 * Why this day and slot cannot be chosen now for these lead times (the longest of the
 * cart's products, in hours), or null. Capacity is not judged here.
 */
export function slotRefusal(now: Date, day: unknown, slot: unknown, settings: DaySettings, leadHours = 0, options: DayOptions = {}): DayRefusal | null {
  const refused = dayRefusal(now, day, settings, options)
  if (refused) return refused
  const d = day as string
  const found = typeof slot === "string" ? findSlot(settings, d, slot) : undefined
  if (!found) {
    const names = slotsOf(settings, d).map((s) => s.label).join(", ")
    return { code: "slot_closed", message: `Please choose one of ${dayLabel(d)}'s slots: ${names}.` }
  }
  const starts = shopInstant(d, found.starts_at)
  const cutoff = new Date(starts.getTime() - found.cutoff_minutes * 60_000)
  if (now.getTime() >= cutoff.getTime()) {
    return { code: "slot_closed", message: `The ${found.label} slot on ${dayLabel(d)} closed at ${clockLabel(cutoff)}. Please choose a later slot.` }
  }
  if (leadHours > 0 && now.getTime() + leadHours * 3_600_000 > starts.getTime()) {
    return {
      code: "lead_time",
      message: `Some sweets in your cart are made fresh to order and need ${leadHours} hours: the ${found.label} slot on ${dayLabel(d)} is too soon. Please choose a later day or slot.`,
    }
  }
  return null
}

/** The first day (from today) with a slot still open for these lead times: what a test or a default picker uses. */
export function firstOpenDay(now: Date, settings: DaySettings, leadHours = 0): { day: string; slot: SlotSetting } | null {
  const today = shopToday(now)
  for (let i = 0; i <= BOOKING_HORIZON_DAYS; i++) {
    const day = addDays(today, i)
    for (const slot of slotsOf(settings, day)) if (!slotRefusal(now, day, slot.code, settings, leadHours)) return { day, slot }
  }
  return null
}
