/**
 * The catalogue route's answer (`GET /store/catalogue/products[/:handle]`,
 * plugins/catalogue), as the storefront reads it. Money in paise (integers),
 * weights in grams, pieces in pieces.
 */
import type { PieceName, Unit } from "./units.js"

export type CatalogueVariant = {
  id: string
  title: string
  /** Grams (or pieces) of the product's pool one unit of this variant takes. */
  units: number
  price_paise: number | null
  /** How many of this variant the pool can still give; null when stock is not tracked. */
  buyable_now: number | null
}

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
  /** Vegetarian (true: the green mark), not (false: the red mark), or not said (null); product metadata `veg`. */
  veg: boolean | null
  /** How to keep it at home, in the shop's words; product metadata `storage`. */
  storage: string | null
  /** What one "piece" is called when it is something else (gift boxes: "box"); product metadata `piece_name`. */
  piece_name: PieceName | null
  price_from_paise: number | null
  /** Only for sweets sold by weight: the cheapest price per kilogram across sizes. */
  price_per_kg_paise: number | null
  /** What the pool holds for shoppers now (stocked − reserved, never below 0); null when stock is not tracked. */
  available_units: number | null
  sold_out: boolean
  variants: CatalogueVariant[]
}

/** `GET /store/catalogue/products/:handle/stock`: the pool read at that moment. */
export type CatalogueStock = {
  product_id: string
  sold_by: Unit
  available_units: number | null
  sold_out: boolean
  variants: { id: string; buyable_now: number | null }[]
}
