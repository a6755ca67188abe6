import type { StoreFestival } from "@sweetshop/shop-contracts"
import { dayLabel, type DayRefusal, shopToday } from "./delivery-days"

/**
 * Festival pre-orders (issue 19), judged by the backend: a cart carrying a festival's handle
 * (metadata.festival) is a pre-order, taken only while the festival's pre-orders are open
 * (opens_on..closes_on, shop days in India time, both included), for one of its delivery days,
 * of the products it offers. Its per-day capacity is counted where places are taken
 * (../flows/delivery-settings.ts); festival_not_found is decided where festivals are read.
 * Otherwise a festival day is judged as any day (closed days, cut-off, lead times, kitchen),
 * except that it may lie beyond the booking horizon.
 */

export type FestivalSetting = {
  id: string
  handle: string
  name: string
  description?: string | null
  delivery_days: string[]
  product_ids: string[]
  opens_on: string
  closes_on: string
  capacity_per_day: number
  active?: boolean
}

/** "Thursday 10 December and Friday 11 December", "A, B and C". */
function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`
}

/** Why the festival takes no pre-orders today (festival_closed), or null while it does. */
export function festivalWindowRefusal(now: Date, festival: FestivalSetting): DayRefusal | null {
  const today = shopToday(now)
  if (today < festival.opens_on) {
    return { code: "festival_closed", message: `Pre-orders for ${festival.name} open on ${dayLabel(festival.opens_on)}.` }
  }
  if (today > festival.closes_on) {
    return { code: "festival_closed", message: `Pre-orders for ${festival.name} closed on ${dayLabel(festival.closes_on)}.` }
  }
  return null
}

/**
 * Why this pre-order cannot be taken now, or null: festival_closed, not_festival_day (the day is
 * not one of the festival's, or none is named), not_in_festival (a product the festival does not
 * offer, named by its title). Capacity (festival_full) is not judged here.
 */
export function festivalRefusal(now: Date, festival: FestivalSetting, day: unknown, products: { id: string; title?: string | null }[]): DayRefusal | null {
  const closed = festivalWindowRefusal(now, festival)
  if (closed) return closed
  if (typeof day !== "string" || !festival.delivery_days.includes(day)) {
    return {
      code: "not_festival_day",
      message: `${festival.name} pre-orders are delivered on ${listOf(festival.delivery_days.map(dayLabel))}. Please choose one of these days.`,
    }
  }
  const other = products.find((p) => !festival.product_ids.includes(p.id))
  if (other) {
    return {
      code: "not_in_festival",
      message: `${other.title || "A product in your cart"} is not part of ${festival.name}'s pre-orders. Please remove it from your cart, or order it separately.`,
    }
  }
  return null
}

/** The sentence when a festival day has no pre-order place left. */
export function festivalFullMessage(festival: FestivalSetting, day: string): string {
  return `${festival.name} pre-orders for ${dayLabel(day)} are full. Please choose another of its days.`
}

/** Shown in the shop: active, with a delivery day today or later. */
export function isListedFestival(now: Date, festival: FestivalSetting): boolean {
  return festival.active !== false && (festival.delivery_days.at(-1) ?? "") >= shopToday(now)
}

/** A festival as the store API answers it, with the places taken per delivery day; nothing personal. */
export function storeFestival(now: Date, festival: FestivalSetting, taken: (day: string) => number): StoreFestival {
  const closed = festivalWindowRefusal(now, festival)
  return {
    handle: festival.handle,
    name: festival.name,
    description: festival.description ?? null,
    opens_on: festival.opens_on,
    closes_on: festival.closes_on,
    open: !closed,
    message: closed?.message ?? null,
    product_ids: [...festival.product_ids],
    days: festival.delivery_days.map((date) => ({
      date,
      label: dayLabel(date),
      capacity: festival.capacity_per_day,
      places_left: Math.max(0, festival.capacity_per_day - taken(date)),
    })),
  }
}
