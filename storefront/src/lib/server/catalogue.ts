import type { HttpTypes } from "@medusajs/types"
import type { PoolStock } from "../stock"
import type { Unit } from "../format"
import { toSweet, type CatalogueProduct, type Sweet } from "../sweets"
import { ShopRefusal, store, type Freshness } from "./medusa"

/**
 * The catalogue, cached by Next.js under the tag "catalogue" and revalidated
 * when the backend reports a change (see app/api/revalidate). Products come from
 * the backend's catalogue route (plugins/catalogue), prices in paise. Stock in a
 * cached read is never shown: the product page asks for its pool from the browser
 * (`getLivePool`, uncached), the cart and checkout ask the cart's stock check.
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

type LiveStockAnswer = {
  product_id: string
  sold_by: Unit
  available_units: number | null
  sold_out: boolean
  variants: { id: string; buyable_now: number | null }[]
}

/**
 * The product's pool as the database holds it now, for the product page (asked
 * by the browser through app/api/stock): the backend's
 * `GET /store/catalogue/products/:handle/stock`, never cached, which reads the
 * pool with one small query and takes the rest from the catalogue it holds in
 * memory. Add to cart and checkout check the pool again on the server.
 * Null for an unknown product or one without a pool.
 */
export async function getLivePool(handle: string): Promise<Pool | null> {
  if (!HANDLE.test(handle)) return null
  let stock: LiveStockAnswer
  try {
    stock = await store<LiveStockAnswer>(`/store/catalogue/products/${handle}/stock`, { freshness: { cache: "live" } })
  } catch (error) {
    if (error instanceof ShopRefusal && error.status === 404) return null
    throw error
  }
  if (stock.available_units === null) return null
  return {
    productId: stock.product_id,
    unit: stock.sold_by,
    available: stock.available_units,
    soldOut: stock.sold_out,
    buyableByVariant: Object.fromEntries(stock.variants.map((v) => [v.id, v.buyable_now ?? 0])),
  }
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
