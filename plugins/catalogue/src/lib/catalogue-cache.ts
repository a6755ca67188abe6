import crypto from "crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { availableAt, type StockLevelShape } from "@sweetshop/shop-contracts"
import { type CatalogueProduct, type StoredProduct, storeProduct, withStock } from "./catalogue-view"

/**
 * The catalogue of one sales channel and region, kept in this process's memory.
 *
 * At most once a second (REFRESH_MS) a request triggers a refresh (see
 * catalogueFor for who waits for it): one small query asks whether
 * products, variants, prices, images, categories or kits changed (then the
 * products are read again through Medusa's Query, prices computed by its
 * pricing module), and one reads the pools' stock. Shoppers therefore see a
 * change of stock, price or product within about a second, in every server
 * process, with no message passing between them.
 *
 * Answers are kept as JSON text per request until the catalogue or the stock
 * changes, so a repeated listing costs a map lookup.
 */

export const REFRESH_MS = 1000
/** Nothing older than this is served without asking the database first. */
export const SERVE_STALE_MS = 2000
const MAX_BODIES = 500

type Held = {
  fingerprint: string
  /** The stock locations the sales channels sell from, in order: where "available" is read. */
  locationIds: string[]
  products: StoredProduct[]
  stockKey: string
  withStock: CatalogueProduct[]
  byHandle: Map<string, CatalogueProduct>
  bodies: Map<string, { body: string; etag: string }>
  checkedAt: number
  refreshing: Promise<Held> | null
}

const held = new Map<string, Held>()

export type Scope = { salesChannelIds: string[]; regionId?: string }

async function pg(container: MedusaContainer) {
  return container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
}

/** Changes when anything a catalogue shows changes (not stock: that is read each refresh). */
async function fingerprint(container: MedusaContainer, salesChannelIds: string[]): Promise<string> {
  const knex = await pg(container)
  const changed = (table: string) =>
    `(select coalesce(max(greatest(updated_at, coalesce(deleted_at, updated_at)))::text, '') || ':' || count(*) from "${table}")`
  const { rows } = await knex.raw(
    `select concat_ws('|', ${["product", "product_variant", "price", "price_set", "image", "product_category", "product_variant_inventory_item", "product_sales_channel", "region"]
      .map(changed)
      .join(", ")},
      (select md5(coalesce(string_agg(product_id || '>' || product_category_id, ',' order by product_id, product_category_id), '')) from product_category_product),
      ?::text) as fingerprint`,
    [salesChannelIds.join(",")]
  )
  return rows[0].fingerprint as string
}

async function readProducts(container: MedusaContainer, scope: Scope): Promise<StoredProduct[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters: { sales_channel_id: scope.salesChannelIds },
  })
  const productIds = [...new Set(links.map((l: any) => l.product_id))]
  if (!productIds.length) return []
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code"],
    filters: scope.regionId ? { id: scope.regionId } : {},
  })
  const region = (regions as any[]).find((r) => r.currency_code === "inr") ?? regions[0]
  const { data: products } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "handle",
      "title",
      "subtitle",
      "description",
      "thumbnail",
      "metadata",
      "images.url",
      "images.rank",
      "categories.handle",
      "categories.name",
      "variants.id",
      "variants.title",
      "variants.variant_rank",
      "variants.manage_inventory",
      "variants.calculated_price.calculated_amount",
      "variants.inventory_items.inventory_item_id",
      "variants.inventory_items.required_quantity",
    ],
    filters: { id: productIds, status: ProductStatus.PUBLISHED },
    context: region ? { variants: { calculated_price: QueryContext({ region_id: region.id, currency_code: region.currency_code }) } } : {},
  })
  return (products as any[]).map(storeProduct)
}

/** The stock locations the sales channels sell from, in the order gram-inventory's pool guard reads them. */
async function sellingLocations(container: MedusaContainer, salesChannelIds: string[]): Promise<string[]> {
  if (!salesChannelIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: salesChannelIds } })
  return [...new Set((data as any[]).flatMap((c) => (c?.stock_locations ?? []).map((l: { id: string }) => l.id)))]
}

/**
 * Available units per inventory item, by the one definition (shop-contracts' availableAt): stocked −
 * reserved at the first selling location that holds a level of it (every location the item has, in
 * their order, when the channels name none), never a sum over locations.
 */
async function readStock(container: MedusaContainer, itemIds: string[], locationIds: string[]): Promise<Map<string, number>> {
  if (!itemIds.length) return new Map()
  const knex = await pg(container)
  const { rows } = await knex.raw(
    `select inventory_item_id, location_id, stocked_quantity::float8 as stocked_quantity, reserved_quantity::float8 as reserved_quantity
       from inventory_level where deleted_at is null and inventory_item_id = any(?) order by created_at`,
    [itemIds]
  )
  const byItem = new Map<string, StockLevelShape[]>()
  for (const row of rows as (StockLevelShape & { inventory_item_id: string })[]) byItem.set(row.inventory_item_id, [...(byItem.get(row.inventory_item_id) ?? []), row])
  const available = new Map<string, number>()
  for (const [itemId, levels] of byItem) {
    const at = availableAt(levels, locationIds.length ? locationIds : levels.map((l) => l.location_id))
    if (at) available.set(itemId, at.available)
  }
  return available
}

async function refresh(container: MedusaContainer, key: string, scope: Scope, current: Held | undefined): Promise<Held> {
  const print = await fingerprint(container, scope.salesChannelIds)
  const products = current && current.fingerprint === print ? current.products : await readProducts(container, scope)
  const itemIds = [...new Set(products.flatMap((p) => p.variants.map((v) => v.inventory_item_id).filter((id): id is string => !!id)))]
  const locationIds = await sellingLocations(container, scope.salesChannelIds)
  const stock = await readStock(container, itemIds, locationIds)
  const stockKey = [...stock.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, n]) => `${id}=${n}`).join(",")
  if (current && current.fingerprint === print && current.stockKey === stockKey) {
    current.checkedAt = Date.now()
    current.locationIds = locationIds
    return current
  }
  const full = products.map((p) => withStock(p, stock))
  const next: Held = {
    fingerprint: print,
    locationIds,
    products,
    stockKey,
    withStock: full,
    byHandle: new Map(full.map((p) => [p.handle, p])),
    bodies: new Map(),
    checkedAt: Date.now(),
    refreshing: null,
  }
  held.set(key, next)
  return next
}

/**
 * The catalogue for a scope. Held for under REFRESH_MS: served as is. Older,
 * but under SERVE_STALE_MS: served while one refresh runs in the background
 * (under steady traffic nobody waits). Older still (the first request after
 * a quiet spell): the request waits for the refresh, so nothing served is
 * ever more than SERVE_STALE_MS behind the database.
 */
export async function catalogueFor(container: MedusaContainer, scope: Scope): Promise<Held> {
  const key = `${[...scope.salesChannelIds].sort().join(",")}|${scope.regionId ?? ""}`
  const current = held.get(key)
  if (!current) {
    // First request: everyone waits for the one build.
    const pending = building.get(key) ?? refresh(container, key, scope, undefined).finally(() => building.delete(key))
    building.set(key, pending)
    return await pending
  }
  const age = Date.now() - current.checkedAt
  if (age < REFRESH_MS) return current
  if (!current.refreshing) {
    current.refreshing = refresh(container, key, scope, current)
      .catch((error) => {
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Catalogue refresh failed; serving the last one: ${error?.message ?? error}`)
        return current
      })
      .finally(() => {
        current.refreshing = null
      })
  }
  return age < SERVE_STALE_MS ? current : await current.refreshing
}

const building = new Map<string, Promise<Held>>()

/** The JSON text and ETag of an answer, made once per catalogue and stock state. */
export function answer(catalogue: Held, requestKey: string, make: () => unknown): { body: string; etag: string } {
  const cached = catalogue.bodies.get(requestKey)
  if (cached) return cached
  const body = JSON.stringify(make())
  const made = { body, etag: `W/"${crypto.createHash("sha1").update(body).digest("base64url")}"` }
  if (catalogue.bodies.size >= MAX_BODIES) catalogue.bodies.clear()
  catalogue.bodies.set(requestKey, made)
  return made
}

/**
 * One product with its pool read from the database now (one small query),
 * the rest from the held catalogue: what a product page shows beside cached
 * HTML. Null for a handle the catalogue does not hold.
 */
export async function withLiveStock(container: MedusaContainer, catalogue: Held, handle: string): Promise<CatalogueProduct | null> {
  const stored = catalogue.products.find((p) => p.handle === handle)
  if (!stored) return null
  const itemIds = [...new Set(stored.variants.map((v) => v.inventory_item_id).filter((id): id is string => !!id))]
  return withStock(stored, await readStock(container, itemIds, catalogue.locationIds))
}

/** Forgets every catalogue (tests, and after a bulk import). */
export function forgetCatalogues() {
  held.clear()
}
