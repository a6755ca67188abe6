import type { HttpTypes } from "@medusajs/types"
import { formatQuantityOf, type Unit } from "./format"

/**
 * A product as the shop's pages show it: sold by weight (grams) or by the piece,
 * each size with its price. Built from the store API's product by `toSweet`.
 */
export type SweetSize = {
  variantId: string
  /** "250 g", "6 pieces" */
  label: string
  /** Grams or pieces in one of this size. */
  units: number
  priceRupees: number | null
}

export type Sweet = {
  id: string
  handle: string
  title: string
  description: string
  imageUrl: string | null
  imageUrls: string[]
  categories: { handle: string; name: string }[]
  unit: Unit
  ingredients: string | null
  shelfLifeDays: number | null
  bestseller: boolean
  sizes: SweetSize[]
}

function numberOr(value: unknown, fallback: number | null): number | null {
  const n = typeof value === "string" ? Number(value) : value
  return typeof n === "number" && Number.isFinite(n) ? n : fallback
}

/** Grams or pieces of a variant, as the gram-inventory plugin reads them: metadata, then weight, then the title. */
export function unitsOfVariant(unit: Unit, variant: { title?: string | null; weight?: number | null; metadata?: Record<string, unknown> | null }): number | null {
  const fromMetadata = numberOr(variant.metadata?.[unit], null)
  if (fromMetadata && fromMetadata > 0) return fromMetadata
  if (unit === "grams" && variant.weight && variant.weight > 0) return variant.weight
  const title = variant.title ?? ""
  const kg = /^(\d+(?:\.\d+)?)\s*kg$/i.exec(title)
  if (unit === "grams" && kg) return Math.round(Number(kg[1]) * 1000)
  const g = /^(\d+)\s*g$/i.exec(title)
  if (unit === "grams" && g) return Number(g[1])
  const pcs = /^(\d+)\s*(pieces?|pcs?)$/i.exec(title)
  if (unit === "pieces" && pcs) return Number(pcs[1])
  return null
}

export function toSweet(product: HttpTypes.StoreProduct): Sweet {
  const metadata = (product.metadata ?? {}) as Record<string, unknown>
  const unit: Unit = metadata.sold_by === "pieces" ? "pieces" : "grams"
  const sizes: SweetSize[] = []
  for (const variant of product.variants ?? []) {
    const units = unitsOfVariant(unit, variant as { title?: string | null; weight?: number | null; metadata?: Record<string, unknown> | null })
    if (!units) continue
    sizes.push({
      variantId: variant.id,
      label: formatQuantityOf(unit, units),
      units,
      priceRupees: numberOr(variant.calculated_price?.calculated_amount, null),
    })
  }
  sizes.sort((a, b) => a.units - b.units)
  const imageUrls = (product.images ?? []).map((image) => image.url).filter(Boolean)
  return {
    id: product.id,
    handle: product.handle ?? product.id,
    title: product.title ?? "",
    description: product.description ?? "",
    imageUrl: product.thumbnail ?? imageUrls[0] ?? null,
    imageUrls: imageUrls.length ? imageUrls : product.thumbnail ? [product.thumbnail] : [],
    categories: (product.categories ?? []).map((c) => ({ handle: c.handle, name: c.name })),
    unit,
    ingredients: typeof metadata.ingredients === "string" ? metadata.ingredients : null,
    shelfLifeDays: numberOr(metadata.shelf_life_days, null),
    bestseller: metadata.bestseller === true || metadata.bestseller === "true",
    sizes,
  }
}

/** The lowest price of the sweet ("from ₹180"), or null when no size has a price. */
export function fromPrice(sweet: Sweet): number | null {
  const prices = sweet.sizes.map((s) => s.priceRupees).filter((p): p is number => p !== null)
  return prices.length ? Math.min(...prices) : null
}

export type SortKey = "featured" | "price-asc" | "price-desc" | "name"
export const SORTS: { key: SortKey; label: string }[] = [
  { key: "featured", label: "Bestsellers first" },
  { key: "price-asc", label: "Price: low to high" },
  { key: "price-desc", label: "Price: high to low" },
  { key: "name", label: "Name: A to Z" },
]

export type ListingFilters = { soldBy?: Unit; maxPriceRupees?: number; bestsellersOnly?: boolean }

/** Filters and sorts a listing. Prices compare the smallest size ("from" price). */
export function filterAndSort(sweets: Sweet[], filters: ListingFilters, sort: SortKey): Sweet[] {
  const priced = (s: Sweet) => fromPrice(s) ?? Number.POSITIVE_INFINITY
  const kept = sweets.filter(
    (s) =>
      (!filters.soldBy || s.unit === filters.soldBy) &&
      (filters.maxPriceRupees === undefined || priced(s) <= filters.maxPriceRupees) &&
      (!filters.bestsellersOnly || s.bestseller)
  )
  const byName = (a: Sweet, b: Sweet) => a.title.localeCompare(b.title, "en-IN")
  const comparators: Record<SortKey, (a: Sweet, b: Sweet) => number> = {
    featured: (a, b) => Number(b.bestseller) - Number(a.bestseller) || byName(a, b),
    "price-asc": (a, b) => priced(a) - priced(b) || byName(a, b),
    "price-desc": (a, b) => priced(b) - priced(a) || byName(a, b),
    name: byName,
  }
  return [...kept].sort(comparators[sort])
}

/** Reads the listing's query string leniently: anything unknown is ignored. */
export function parseListingQuery(query: Record<string, string | string[] | undefined>): { filters: ListingFilters; sort: SortKey } {
  const one = (key: string) => {
    const v = query[key]
    return Array.isArray(v) ? v[0] : v
  }
  const sort = SORTS.some((s) => s.key === one("sort")) ? (one("sort") as SortKey) : "featured"
  const soldBy = one("sold_by") === "grams" || one("sold_by") === "pieces" ? (one("sold_by") as Unit) : undefined
  const max = Number(one("max_price"))
  return {
    sort,
    filters: {
      soldBy,
      maxPriceRupees: Number.isFinite(max) && max > 0 ? max : undefined,
      bestsellersOnly: one("bestsellers") === "1",
    },
  }
}
