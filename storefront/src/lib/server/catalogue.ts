import type { HttpTypes } from "@medusajs/types"
import { toSweet, type Sweet } from "../sweets"
import type { Unit } from "../format"
import { store } from "./medusa"

/**
 * The catalogue, cached by Next.js under the tag "catalogue" and revalidated
 * when the backend reports a change (see app/api/revalidate). Stock is not part
 * of it: pools are always read live (`getPools`).
 */
export const CATALOGUE_TAG = "catalogue"
const catalogue = { cache: "catalogue" as const, tags: [CATALOGUE_TAG] }

const PRODUCT_FIELDS = [
  "id",
  "title",
  "handle",
  "description",
  "thumbnail",
  "metadata",
  "images.url",
  // Dotted fields of categories and variants come back empty from the store API: take them whole.
  "*categories",
  "*variants",
  "*variants.calculated_price",
].join(",")

export type Category = { id: string; handle: string; name: string; description: string }

/** The shop's one region (India, INR); its id prices every product. */
export async function getRegion(): Promise<{ id: string; currencyCode: string }> {
  const { regions } = await store<{ regions: HttpTypes.StoreRegion[] }>("/store/regions", {
    query: { fields: "id,currency_code,name" },
    freshness: catalogue,
  })
  const region = regions.find((r) => r.currency_code === "inr") ?? regions[0]
  if (!region) throw new Error("The shop has no region: run the seed.")
  return { id: region.id, currencyCode: region.currency_code }
}

export async function listCategories(): Promise<Category[]> {
  const { product_categories } = await store<{ product_categories: HttpTypes.StoreProductCategory[] }>("/store/product-categories", {
    query: { fields: "id,handle,name,description,rank", limit: 100 },
    freshness: catalogue,
  })
  // The shop's order of categories (their rank in the admin), the same on every page.
  return [...product_categories]
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.name.localeCompare(b.name))
    .map((c) => ({ id: c.id, handle: c.handle, name: c.name, description: c.description ?? "" }))
}

export async function getCategory(handle: string): Promise<Category | null> {
  return (await listCategories()).find((c) => c.handle === handle) ?? null
}

export async function listSweets(filter: { categoryId?: string; q?: string; handle?: string } = {}): Promise<Sweet[]> {
  const region = await getRegion()
  const { products } = await store<{ products: HttpTypes.StoreProduct[] }>("/store/products", {
    query: {
      fields: PRODUCT_FIELDS,
      region_id: region.id,
      limit: 200,
      ...(filter.categoryId ? { category_id: [filter.categoryId] } : {}),
      ...(filter.q ? { q: filter.q } : {}),
      ...(filter.handle ? { handle: filter.handle } : {}),
    },
    freshness: catalogue,
  })
  return products.map(toSweet)
}

export async function getSweet(handle: string): Promise<Sweet | null> {
  if (!/^[a-z0-9-]+$/.test(handle)) return null
  return (await listSweets({ handle }))[0] ?? null
}

export type Pool = {
  productId: string
  unit: Unit
  available: number
  soldOut: boolean
  /** How many of each size can be bought now. */
  buyableByVariant: Record<string, number>
}

type PoolResponse = {
  product_pools: {
    product_id: string
    unit: Unit
    available: number
    sold_out: boolean
    variants: { variant_id: string; buyable_now: number }[]
  }[]
}

/** Live stock of each product's pool (never cached): what the product page and cart show. */
export async function getPools(productIds: string[]): Promise<Map<string, Pool>> {
  if (!productIds.length) return new Map()
  const { product_pools } = await store<PoolResponse>("/store/product-pools", {
    query: { product_id: productIds },
    freshness: { cache: "live" },
  })
  return new Map(
    product_pools.map((p) => [
      p.product_id,
      {
        productId: p.product_id,
        unit: p.unit,
        available: p.available,
        soldOut: p.sold_out,
        buyableByVariant: Object.fromEntries(p.variants.map((v) => [v.variant_id, v.buyable_now])),
      },
    ])
  )
}
