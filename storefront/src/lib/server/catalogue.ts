import type { HttpTypes } from "@medusajs/types"
import type { PoolStock } from "../stock"
import type { Unit } from "../format"
import { toSweet, type CatalogueProduct, type Sweet } from "../sweets"
import { ShopRefusal, store, type Freshness } from "./medusa"

/**
 * The catalogue, cached by Next.js under the tag "catalogue" and revalidated
 * when the backend reports a change (see app/api/revalidate). Products come from
 * the backend's catalogue route (plugins/catalogue), prices in paise. Stock in a
 * cached read is never shown: the product page reads its pool live (`getPools`),
 * the cart and checkout ask the cart's stock check.
 */
export const CATALOGUE_TAG = "catalogue"
const catalogue = { cache: "catalogue" as const, tags: [CATALOGUE_TAG] }

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

type CatalogueList = { products: CatalogueProduct[]; count: number; limit: number; offset: number }

/** The catalogue route answers at most this many products a page. */
const PAGE = 100

/**
 * Products from the backend's catalogue route (plugins/catalogue), cached under
 * the tag "catalogue": lean products with prices in paise, all of a category or
 * a search (names, ingredients, categories), in as many pages as it takes.
 * Filters and sort are applied by the page (`filterAndSort`) on this one cached read.
 */
export async function listSweets(filter: { category?: string; q?: string } = {}): Promise<Sweet[]> {
  const products: CatalogueProduct[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await store<CatalogueList>("/store/catalogue/products", {
      query: { limit: PAGE, offset, ...(filter.category ? { category: filter.category } : {}), ...(filter.q ? { q: filter.q } : {}) },
      freshness: catalogue,
    })
    products.push(...page.products)
    if (!page.products.length || products.length >= page.count) break
  }
  return products.map(toSweet)
}

const HANDLE = /^[a-z0-9-]{1,200}$/

async function readProduct(handle: string, freshness: Freshness): Promise<CatalogueProduct | null> {
  if (!HANDLE.test(handle)) return null
  try {
    return (await store<{ product: CatalogueProduct }>(`/store/catalogue/products/${handle}`, { freshness })).product
  } catch (error) {
    if (error instanceof ShopRefusal && error.status === 404) return null
    throw error
  }
}

/** One sweet from the cached catalogue. */
export async function getSweet(handle: string): Promise<Sweet | null> {
  const product = await readProduct(handle, catalogue)
  return product ? toSweet(product) : null
}

export type Pool = PoolStock & {
  productId: string
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

/**
 * Live stock of each product's pool (never cached), from the gram-inventory plugin:
 * what the product page shows. Not the catalogue route's stock: that one is
 * refreshed in the background of a request, so the first visit after a quiet
 * spell can see stock from before a change.
 */
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

/** How often the backend's catalogue route refreshes what it holds (plugins/catalogue, REFRESH_MS), with a margin. */
const CATALOGUE_REFRESH_MS = 1100

/**
 * Waits until the backend's catalogue route shows a change just made. A read
 * starts its background refresh when the last one is a second old; the first
 * read may come too soon after another refresh, so a second read after the
 * interval is sure to start one, and a third finds it done.
 * A backend that does not answer is not waited for.
 */
export async function settleCatalogue(): Promise<void> {
  const touch = () => store("/store/catalogue/products", { query: { limit: 1 }, freshness: { cache: "live" } })
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  try {
    await touch()
    await pause(CATALOGUE_REFRESH_MS)
    await touch()
    await pause(300)
    await touch()
  } catch {}
}
