import { formatQuantity, unitOf, type CatalogueProduct, type PieceName, type Unit } from "@sweetshop/shop-contracts"

export type { CatalogueProduct } from "@sweetshop/shop-contracts"

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
  /** true: the green vegetarian mark; false: the red mark; null: the product does not say. */
  veg: boolean | null
  /** How to keep it, in the shop's words; null when the product does not say. */
  storage: string | null
  /** "box" for gift boxes sold as boxes; null for plain pieces and weights. */
  pieceName: PieceName | null
  sizes: SweetSize[]
}

export function toSweet(product: CatalogueProduct): Sweet {
  // The shop's one sold_by rule (shop-contracts): pieces unless the product says grams, as the backend reads it.
  const unit: Unit = unitOf({ sold_by: product.sold_by })
  const pieceName = unit === "pieces" ? (product.piece_name ?? null) : null
  const sizes: SweetSize[] = product.variants
    .filter((v) => v.units > 0)
    .map((v) => ({ variantId: v.id, label: formatQuantity(unit, v.units, pieceName), units: v.units, pricePaise: v.price_paise }))
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
    veg: typeof product.veg === "boolean" ? product.veg : null,
    storage: product.storage ?? null,
    pieceName,
    sizes,
  }
}

/** Every picture of the sweet for its page, the thumbnail first, each once. */
export function galleryOf(sweet: Pick<Sweet, "imageUrl" | "imageUrls">): string[] {
  return [...new Set([sweet.imageUrl, ...sweet.imageUrls].filter((u): u is string => Boolean(u)))]
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
