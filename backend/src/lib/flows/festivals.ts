import type { MedusaContainer } from "@medusajs/framework/types"
import type { StoreFestival } from "@sweetshop/shop-contracts"
import { type FestivalSetting, isListedFestival, storeFestival } from "../rules/festivals"
import { asFestival, deliverySettings, festivalPlacesTaken, findFestival } from "./delivery-settings"

/** Festivals as the store shows them, with the places left on each delivery day (read afresh: a place taken is gone from the next answer). */
export async function storeFestivals(container: MedusaContainer, festivals: FestivalSetting[], now = new Date()): Promise<StoreFestival[]> {
  const taken = await festivalPlacesTaken(container, [...new Set(festivals.flatMap((f) => f.delivery_days))])
  return festivals.map((f) => storeFestival(now, f, (day) => taken.get(`${day}/${f.id}`) ?? 0))
}

/** The active festivals whose last delivery day is today or later, soonest first. */
export async function listedFestivals(container: MedusaContainer, now = new Date()): Promise<FestivalSetting[]> {
  const rows = await deliverySettings(container).listFestivals({ active: true })
  return rows
    .map(asFestival)
    .filter((f) => isListedFestival(now, f))
    .sort((a, b) => (a.delivery_days[0] ?? "").localeCompare(b.delivery_days[0] ?? "") || a.handle.localeCompare(b.handle))
}

export { findFestival }
