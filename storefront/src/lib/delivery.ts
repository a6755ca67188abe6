/**
 * Where and when the shop delivers. The shop's serviceable pincodes live here,
 * in the storefront's configuration, because the backend has no route for them
 * yet: the kitchen is in Chandni Chowk and its riders cover Delhi and the
 * nearest NCR towns. To serve a new area, add its range and redeploy the storefront.
 * (The backend does not check the pincode: an order placed around the storefront
 * is not refused. A backend rule is part of the order-lifecycle work.)
 */
export const SERVICEABLE_PINCODES: { from: number; to: number; area: string }[] = [
  { from: 110001, to: 110097, area: "Delhi" },
  { from: 122001, to: 122018, area: "Gurugram" },
  { from: 201301, to: 201310, area: "Noida" },
  { from: 201001, to: 201017, area: "Ghaziabad" },
  { from: 121001, to: 121010, area: "Faridabad" },
]

export type PincodeCheck = { ok: true; area: string } | { ok: false; message: string }

export function checkPincode(input: string): PincodeCheck {
  const pincode = input.replace(/\s/g, "")
  if (!/^[1-9]\d{5}$/.test(pincode)) return { ok: false, message: "Please enter a 6-digit pincode, for example 110024." }
  const n = Number(pincode)
  const range = SERVICEABLE_PINCODES.find((r) => n >= r.from && n <= r.to)
  if (!range) {
    return { ok: false, message: `Sorry, we do not deliver to ${pincode} yet. We deliver in Delhi, Gurugram, Noida, Ghaziabad and Faridabad; you can also pick up your order from the shop.` }
  }
  return { ok: true, area: range.area }
}

/** Delivery (and pickup) slots, in India Standard Time. A slot closes at its cut-off on the day itself. */
export const SLOTS = [
  { id: "morning", label: "Morning, 9 am – 1 pm", cutoffHour: 7, cutoffLabel: "7 am" },
  { id: "evening", label: "Evening, 4 pm – 8 pm", cutoffHour: 13, cutoffLabel: "1 pm" },
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
  slots: { id: SlotId; label: string; open: boolean; note: string | null }[]
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

export function slotLabel(slotId: string): string {
  return SLOTS.find((s) => s.id === slotId)?.label ?? slotId
}

/** Home delivery's charge and the order value from which it is free (the seeded shipping option's price rule). */
export const DELIVERY_CHARGE_RUPEES = 60
export const FREE_DELIVERY_FROM_RUPEES = 999
