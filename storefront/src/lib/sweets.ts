import { formatQuantityOf, type Unit } from "./format"

/**
 * A product as the shop's pages show it: sold by weight (grams) or by the piece,
 * each size with its price in paise. Built by `toSweet` from the backend's
 * catalogue route (plugins/catalogue: `GET /store/catalogue/products[/:handle]`).
 */
export type SweetSize = {
  variantId: string
  /** "250 g", "6 pieces" */
  label: string
  /** Grams or pieces in one of this size. */
  units: number
  /** Integer paise, tax included; null when the size has no price in the region. */
  pricePaise: number | null
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

/** One product of the catalogue route, as it answers (money in paise, stock of the product's pool). */
export type CatalogueProduct = {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string | null
  thumbnail: string | null
  images: string[]
  categories: { handle: string; name: string }[]
  sold_by: Unit
  shelf_life_days: number | null
  ingredients: string | null
  bestseller: boolean
  price_from_paise: number | null
  price_per_kg_paise: number | null
  available_units: number | null
  sold_out: boolean
  variants: { id: string; title: string; units: number; price_paise: number | null; buyable_now: number | null }[]
}

export function toSweet(product: CatalogueProduct): Sweet {
  const unit: Unit = product.sold_by === "pieces" ? "pieces" : "grams"
  const sizes: SweetSize[] = product.variants
    .filter((v) => v.units > 0)
    .map((v) => ({ variantId: v.id, label: formatQuantityOf(unit, v.units), units: v.units, pricePaise: v.price_paise }))
    .sort((a, b) => a.units - b.units)
  const imageUrls = product.images.filter(Boolean)
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    description: product.description ?? "",
    imageUrl: product.thumbnail ?? imageUrls[0] ?? null,
    imageUrls: imageUrls.length ? imageUrls : product.thumbnail ? [product.thumbnail] : [],
    categories: product.categories,
    unit,
    ingredients: product.ingredients,
    shelfLifeDays: product.shelf_life_days,
    bestseller: product.bestseller,
    sizes,
  }
}

/** The lowest price of the sweet in paise ("from ₹180"), or null when no size has a price. */
export function fromPrice(sweet: Sweet): number | null {
  const prices = sweet.sizes.map((s) => s.pricePaise).filter((p): p is number => p !== null)
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

/** Filters and sorts a listing. Prices compare the smallest size ("from" price, in paise). */
export function filterAndSort(sweets: Sweet[], filters: ListingFilters, sort: SortKey): Sweet[] {
  const priced = (s: Sweet) => fromPrice(s) ?? Number.POSITIVE_INFINITY
  const kept = sweets.filter(
    (s) =>
      (!filters.soldBy || s.unit === filters.soldBy) &&
      (filters.maxPriceRupees === undefined || priced(s) <= filters.maxPriceRupees * 100) &&
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
