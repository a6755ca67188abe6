import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type Unit, unitOf } from "@sweetshop/shop-contracts"
import { addDays, dayLabel, dayRefusal, shopToday, slotsOf } from "../rules/delivery-days"
import { daySettings, deliverySettings, kitchenOrdered, placesTaken } from "./delivery-settings"

/** How many days the admin's load view shows by default, and at most. */
export const LOAD_DAYS = 14
export const MAX_LOAD_DAYS = 31

export type SlotLoad = {
  code: string
  /** "10:00–13:00"; the code when the slot is no longer in the settings (places taken before it was removed). */
  label: string
  /** Home deliveries the slot takes that day; null when the slot is no longer in the settings. */
  capacity: number | null
  /** Places taken, counted as the checkout counts them (delivery_booking). */
  taken: number
  places_left: number | null
  full: boolean
}

export type ProductLoad = {
  product_id: string
  title: string
  unit: Unit
  /** Grams (sold by weight) or pieces ordered for the day, cancelled orders left out, as kitchen_full counts them. */
  ordered: number
  /** What the kitchen makes a day (the product's kitchen capacity), or null when it has none. */
  capacity: number | null
  full: boolean
}

export type DayLoad = {
  date: string
  label: string
  /** Closed: a closed day, or a weekday without slots; its places taken before it closed are still shown. */
  closed: boolean
  closed_reason: string | null
  slots: SlotLoad[]
  products: ProductLoad[]
}

/** The number of days asked for (?days=), or the sentence why not. */
export function parseLoadDays(raw: unknown): { days: number } | { problem: string } {
  if (raw === undefined || raw === "") return { days: LOAD_DAYS }
  const text = typeof raw === "string" ? raw.trim() : ""
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN
  if (!Number.isInteger(n) || n < 1 || n > MAX_LOAD_DAYS) {
    return { problem: `days must be a whole number from 1 to ${MAX_LOAD_DAYS}.` }
  }
  return { days: n }
}

/**
 * The load on the next `count` days (today first, India time): each slot's places taken
 * against its capacity, and each product's units ordered against the kitchen's capacity
 * (every product with a capacity, and any other product ordered that day). Counted with
 * the checkout's own functions (placesTaken, kitchenOrdered): what the checkout would
 * count at this moment, cancelled orders left out. Read-only.
 */
export async function deliveryLoad(container: MedusaContainer, count: number, now = new Date()): Promise<{ from: string; to: string; days: DayLoad[] }> {
  const today = shopToday(now)
  const dates = Array.from({ length: count }, (_, i) => addDays(today, i))
  const [settings, taken, ordered, leads] = await Promise.all([
    daySettings(container),
    placesTaken(container, dates),
    kitchenOrdered(container, dates),
    deliverySettings(container).listProductLeadTimes({}),
  ])
  const capacities = new Map<string, number>()
  for (const l of leads as any[]) if (l.kitchen_capacity_units != null) capacities.set(l.product_id, Number(l.kitchen_capacity_units))
  const productIds = [...new Set([...capacities.keys(), ...ordered.map((o) => o.product_id)])]
  const products = new Map<string, { title: string; unit: Unit }>()
  if (productIds.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id", "title", "metadata"], filters: { id: productIds } })
    for (const p of data as any[]) products.set(p.id, { title: p.title, unit: unitOf(p.metadata) })
  }

  const days = dates.map((date): DayLoad => {
    const refused = dayRefusal(now, date, settings)
    const closed = refused?.code === "day_closed"
    const slots: SlotLoad[] = slotsOf(settings, date).map((slot) => {
      const n = taken.get(`${date}/${slot.code}`) ?? 0
      return { code: slot.code, label: slot.label, capacity: slot.capacity, taken: n, places_left: Math.max(0, slot.capacity - n), full: n >= slot.capacity }
    })
    // Places taken in a slot the settings no longer have that day (removed, or the weekday's slots changed).
    for (const [key, n] of taken) {
      const [day, code] = [key.slice(0, 10), key.slice(11)]
      if (day === date && !slots.some((s) => s.code === code)) slots.push({ code, label: code, capacity: null, taken: n, places_left: null, full: false })
    }
    const ids = new Set([...capacities.keys(), ...ordered.filter((o) => o.day === date).map((o) => o.product_id)])
    const productLoads: ProductLoad[] = [...ids]
      .map((id) => {
        const units = ordered.find((o) => o.day === date && o.product_id === id)?.units ?? 0
        const capacity = capacities.get(id) ?? null
        const product = products.get(id)
        return { product_id: id, title: product?.title ?? id, unit: product?.unit ?? "pieces", ordered: units, capacity, full: capacity != null && units >= capacity }
      })
      .sort((a, b) => a.title.localeCompare(b.title))
    return {
      date,
      label: `${date === today ? "Today, " : date === addDays(today, 1) ? "Tomorrow, " : ""}${dayLabel(date)}`,
      closed,
      closed_reason: closed ? (settings.closed_days.find((c) => c.day === date)?.reason ?? null) : null,
      slots,
      products: productLoads,
    }
  })
  return { from: dates[0], to: dates[dates.length - 1], days }
}
