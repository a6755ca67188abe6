/**
 * The storefront's view of a product: what a listing, a product page and
 * structured data need, nothing else. Money in paise (integers), weights in
 * grams, pieces in pieces. The answer's types are the shop's contracts
 * (@sweetshop/shop-contracts), which the storefront reads them by.
 */
import {
  pieceNameOf,
  toPaise as contractsToPaise,
  unitOf,
  type CatalogueProduct,
  type CatalogueVariant,
  type RupeeAmount,
  type Unit,
  shelfLifeDaysOf,
} from "@sweetshop/shop-contracts"

export type { CatalogueProduct, CatalogueVariant, Unit } from "@sweetshop/shop-contracts"

/** A product as the catalogue holds it between stock refreshes: pool item ids instead of numbers. */
export type StoredProduct = Omit<CatalogueProduct, "available_units" | "sold_out" | "variants"> & {
  pool_item_id: string | null
  variants: (Omit<CatalogueVariant, "buyable_now"> & { inventory_item_id: string | null })[]
}

/** Medusa's calculated amount (rupees) → whole paise, through its digits (the contracts' rule). */
export const toPaise = (rupees: RupeeAmount | null | undefined): number | null => contractsToPaise(rupees)

/** From Medusa's product (query.graph with prices and inventory kits) to the stored view. */
export function storeProduct(product: any): StoredProduct {
  const soldBy: Unit = unitOf(product.metadata)
  // Sizes in the order staff ranked them, else smallest first.
  const variants = [...(product.variants ?? [])]
    .filter(Boolean)
    .map((v: any) => {
      const link = v.manage_inventory === false ? null : (v.inventory_items ?? []).find((l: any) => l?.inventory_item_id)
      return {
        id: v.id as string,
        title: v.title as string,
        units: link ? Number(link.required_quantity) : 1,
        price_paise: toPaise(v.calculated_price?.calculated_amount),
        inventory_item_id: (link?.inventory_item_id as string) ?? null,
        rank: Number(v.variant_rank ?? 0),
      }
    })
    .sort((a, b) => a.rank - b.rank || a.units - b.units)
    .map(({ rank: _rank, ...v }) => v)
  const prices = variants.map((v) => v.price_paise).filter((p): p is number => p !== null)
  const perKg = soldBy === "grams" ? variants.filter((v) => v.price_paise !== null && v.units > 0).map((v) => Math.round((v.price_paise! * 1000) / v.units)) : []
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    subtitle: product.subtitle ?? null,
    description: product.description ?? null,
    thumbnail: product.thumbnail ?? null,
    images: [...(product.images ?? [])]
      .filter(Boolean)
      .sort((a: any, b: any) => (a.rank ?? 0) - (b.rank ?? 0))
      .map((i: any) => i.url),
    categories: (product.categories ?? []).filter(Boolean).map((c: any) => ({ handle: c.handle, name: c.name })),
    sold_by: soldBy,
    shelf_life_days: shelfLifeDaysOf(product.metadata),
    ingredients: typeof product.metadata?.ingredients === "string" ? product.metadata.ingredients : null,
    bestseller: product.metadata?.bestseller === true || product.metadata?.bestseller === "true",
    veg: product.metadata?.veg === true || product.metadata?.veg === "true" ? true : product.metadata?.veg === false || product.metadata?.veg === "false" ? false : null,
    storage: typeof product.metadata?.storage === "string" && product.metadata.storage.trim() ? product.metadata.storage.trim() : null,
    piece_name: soldBy === "pieces" ? pieceNameOf(product.metadata) : null,
    price_from_paise: prices.length ? Math.min(...prices) : null,
    price_per_kg_paise: perKg.length ? Math.min(...perKg) : null,
    pool_item_id: variants.find((v) => v.inventory_item_id)?.inventory_item_id ?? null,
    variants,
  }
}

/** The stored view with the pool's current stock: units available, and how many of each size. */
export function withStock(product: StoredProduct, availableByItem: Map<string, number>): CatalogueProduct {
  const { pool_item_id, variants, ...rest } = product
  const available = pool_item_id ? Math.max(0, availableByItem.get(pool_item_id) ?? 0) : null
  const withBuyable = variants.map(({ inventory_item_id, ...v }) => {
    if (!inventory_item_id) return { ...v, buyable_now: null }
    const left = Math.max(0, availableByItem.get(inventory_item_id) ?? 0)
    return { ...v, buyable_now: v.units > 0 ? Math.floor(left / v.units) : 0 }
  })
  return {
    ...rest,
    available_units: available,
    sold_out: withBuyable.length > 0 && withBuyable.every((v) => v.buyable_now === 0),
    variants: withBuyable,
  }
}

export const SORTS = ["featured", "price-asc", "price-desc", "name"] as const
export type Sort = (typeof SORTS)[number]

export type Selection = { category?: string; q?: string; sort?: Sort; in_stock?: boolean; limit: number; offset: number }

const byTitle = (a: CatalogueProduct, b: CatalogueProduct) => a.title.localeCompare(b.title, "en-IN")
const priceOf = (p: CatalogueProduct, missing: number) => p.price_from_paise ?? missing

/** Filters, sorts and pages the catalogue, the way a listing page asks. */
export function select(products: CatalogueProduct[], selection: Selection) {
  const words = (selection.q ?? "").toLowerCase().split(/\s+/).filter(Boolean)
  const matching = products.filter((p) => {
    if (selection.category && !p.categories.some((c) => c.handle === selection.category)) return false
    if (selection.in_stock && p.sold_out) return false
    if (!words.length) return true
    const text = [p.title, p.subtitle, p.ingredients, ...p.categories.map((c) => c.name)].join(" ").toLowerCase()
    return words.every((w) => text.includes(w))
  })
  const sorted = [...matching].sort((a, b) => {
    switch (selection.sort ?? "featured") {
      case "price-asc":
        return priceOf(a, Infinity) - priceOf(b, Infinity) || byTitle(a, b)
      case "price-desc":
        return priceOf(b, -Infinity) - priceOf(a, -Infinity) || byTitle(a, b)
      case "name":
        return byTitle(a, b)
      default:
        return Number(a.sold_out) - Number(b.sold_out) || Number(b.bestseller) - Number(a.bestseller) || byTitle(a, b)
    }
  })
  return { products: sorted.slice(selection.offset, selection.offset + selection.limit), count: sorted.length }
}
