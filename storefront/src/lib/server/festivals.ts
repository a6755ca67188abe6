import type { StoreFestival } from "@sweetshop/shop-contracts"
import { CATALOGUE_TAG } from "./catalogue"
import { ShopRefusal, store, type Freshness } from "./medusa"

/**
 * Festival pre-orders (issue 19) as the backend tells them: `GET /store/festivals` (active
 * festivals not yet over) and `GET /store/festivals/:handle`. Cached briefly under the tags
 * "festivals" and "catalogue" (dropped with the catalogue's): whether pre-orders are open moves
 * with the clock, and the places left per day with orders. One festival (its page, with the
 * places left) for a minute; the list (the home page's links, the badges on every card and
 * product page) for five, so the catalogue's pages are not rendered again every minute for it.
 * The checkout judges the day and the places again in any case.
 */
export const FESTIVALS_TAG = "festivals"
const oneFestival: Freshness = { cache: "catalogue", tags: [FESTIVALS_TAG, CATALOGUE_TAG], revalidateSeconds: 60 }
const festivalList: Freshness = { cache: "catalogue", tags: [FESTIVALS_TAG, CATALOGUE_TAG], revalidateSeconds: 300 }

export type FestivalDay = { date: string; label: string; capacity: number; placesLeft: number }

export type Festival = {
  handle: string
  name: string
  description: string | null
  opensOn: string
  closesOn: string
  /** Pre-orders are taken today (India time). */
  open: boolean
  /** Why pre-orders are not taken now, in the shop's words; null when open. */
  message: string | null
  productIds: string[]
  days: FestivalDay[]
}

/** What a product card or product page links to: the open festival offering it. */
export type FestivalBadge = Pick<Festival, "handle" | "name">

type FestivalAnswer = StoreFestival

function toFestival(f: FestivalAnswer): Festival {
  return {
    handle: f.handle,
    name: f.name,
    description: f.description,
    opensOn: f.opens_on,
    closesOn: f.closes_on,
    open: f.open,
    message: f.message,
    productIds: f.product_ids,
    days: f.days.map((d) => ({ date: d.date, label: d.label, capacity: d.capacity, placesLeft: d.places_left })),
  }
}

const HANDLE = /^[a-z0-9-]{1,100}$/

/** Festivals still to come or under way; empty when the backend has none (or cannot be asked: the shop sells as usual). */
export async function listFestivals(): Promise<Festival[]> {
  try {
    const { festivals } = await store<{ festivals: FestivalAnswer[] }>("/store/festivals", { freshness: festivalList })
    return festivals.map(toFestival)
  } catch {
    return []
  }
}

/** One festival by its handle; null for one the shop does not have. */
export async function getFestival(handle: string): Promise<Festival | null> {
  if (!HANDLE.test(handle)) return null
  try {
    return toFestival((await store<{ festival: FestivalAnswer }>(`/store/festivals/${handle}`, { freshness: oneFestival })).festival)
  } catch (error) {
    if (error instanceof ShopRefusal && error.status === 404) return null
    throw error
  }
}

/** Each product offered by a festival taking pre-orders now, with that festival (the first, when two offer it). */
export async function openFestivalBadges(): Promise<Map<string, FestivalBadge>> {
  const badges = new Map<string, FestivalBadge>()
  for (const f of await listFestivals()) {
    if (!f.open) continue
    for (const id of f.productIds) if (!badges.has(id)) badges.set(id, { handle: f.handle, name: f.name })
  }
  return badges
}
