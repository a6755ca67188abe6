import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { availableAt, type RefusalCode, unitOf } from "@sweetshop/shop-contracts"
import { heldByCart } from "./hold-records"
import { judgePools, PoolInfo, PoolLine, PoolUnit, PoolVerdict } from "./pool-math"

/**
 * Reads what the pool arithmetic needs from Medusa: which pool each cart line
 * draws on (the variant's inventory-kit link and its required_quantity), and
 * how much each pool has available where the sales channel sells from.
 * A constant number of queries whatever the number of lines.
 */

export type CartLineInput = { key: string; variant_id: string; quantity: number }

export type LineVerdict = {
  key: string
  variant_id: string
  quantity: number
  ok: boolean
  /** Of this line's pool: grams (or pieces) the whole cart needs, and the shortfall. */
  pool_id: string | null
  needed: number
  available: number
  shortfall: number
  message: string | null
}

type VariantRow = {
  id: string
  manage_inventory: boolean
  allow_backorder: boolean
  product?: { title?: string; metadata?: Record<string, unknown> | null } | null
  inventory_items?: { inventory_item_id: string; required_quantity: number }[] | null
}

export type PoolPlan = {
  lines: PoolLine[]
  meta: Map<string, { productTitle: string; unit: PoolUnit }>
  /** Lines that draw on no pool (inventory not managed, or backorders allowed). */
  unmanaged: CartLineInput[]
}

/** Which pool each line draws on, and how much per unit. */
export async function planPools(container: MedusaContainer, input: CartLineInput[]): Promise<PoolPlan> {
  const plan: PoolPlan = { lines: [], meta: new Map(), unmanaged: [] }
  const variantIds = [...new Set(input.map((l) => l.variant_id).filter(Boolean))]
  if (!variantIds.length) return plan

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = (await query.graph({
    entity: "variant",
    fields: [
      "id",
      "manage_inventory",
      "allow_backorder",
      "product.title",
      "product.metadata",
      "inventory_items.inventory_item_id",
      "inventory_items.required_quantity",
    ],
    filters: { id: variantIds },
  })) as { data: VariantRow[] }
  const byId = new Map(variants.map((v) => [v.id, v]))

  for (const line of input) {
    const variant = byId.get(line.variant_id)
    if (!variant) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `This item is no longer sold (variant ${line.variant_id}).`)
    }
    addToPlan(plan, line, variant, { productTitle: variant.product?.title ?? "This item", unit: unitOf(variant.product?.metadata) })
  }
  return plan
}

/** Adds a line to the plan: one pool line per inventory-kit link, or unmanaged. Returns the links used. */
function addToPlan(
  plan: PoolPlan,
  line: CartLineInput,
  variant: Pick<VariantRow, "manage_inventory" | "allow_backorder" | "inventory_items"> | null | undefined,
  meta: { productTitle: string; unit: PoolUnit }
) {
  const links = (variant?.inventory_items ?? []).filter(Boolean)
  if (!variant?.manage_inventory || variant.allow_backorder || !links.length) {
    plan.unmanaged.push(line)
    return []
  }
  for (const link of links) {
    plan.lines.push({
      key: line.key,
      poolId: link.inventory_item_id,
      unitsPerVariant: Number(link.required_quantity),
      quantity: Number(line.quantity),
    })
    plan.meta.set(link.inventory_item_id, meta)
  }
  return links
}

/** The stock locations a sales channel sells from, in Medusa's order. */
export async function locationsOfSalesChannel(
  container: MedusaContainer,
  salesChannelId: string | null | undefined
): Promise<string[] | undefined> {
  if (!salesChannelId) return undefined
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "sales_channel",
    fields: ["stock_locations.id"],
    filters: { id: salesChannelId },
  })
  return (data[0]?.stock_locations ?? []).map((l: { id: string }) => l.id)
}

export type PoolLevel = { available: number; location_id: string | null }

/**
 * Per pool: the level Medusa reserves from (the first location of the sales
 * channel that stocks it) and what is available there: stocked minus reserved.
 */
export async function levelsByPool(
  container: MedusaContainer,
  poolIds: string[],
  salesChannelId: string | null | undefined,
  knownLocationIds?: string[]
): Promise<Map<string, PoolLevel>> {
  const levelsOut = new Map<string, PoolLevel>(poolIds.map((id) => [id, { available: 0, location_id: null }]))
  if (!poolIds.length) return levelsOut

  const locationIds = knownLocationIds ?? (await locationsOfSalesChannel(container, salesChannelId))
  const inventory = container.resolve(Modules.INVENTORY)
  const levels = await inventory.listInventoryLevels(
    { inventory_item_id: poolIds, ...(locationIds ? { location_id: locationIds } : {}) },
    { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] }
  )
  // Available = stocked − reserved at the first of the channel's locations holding a level (shop-contracts' one definition).
  const byPool = new Map<string, typeof levels>()
  for (const level of levels) byPool.set(level.inventory_item_id, [...(byPool.get(level.inventory_item_id) ?? []), level])
  for (const [poolId, poolLevels] of byPool) {
    const at = availableAt(poolLevels, locationIds ?? poolLevels.map((l) => l.location_id))
    if (at) levelsOut.set(poolId, at)
  }
  return levelsOut
}

/**
 * Available grams (or pieces) per pool: stocked minus reserved, at the first
 * location of the sales channel that stocks it (where Medusa reserves).
 * Payment holds are reservations, so they count as taken.
 */
export async function availableByPool(
  container: MedusaContainer,
  poolIds: string[],
  salesChannelId: string | null | undefined,
  knownLocationIds?: string[]
): Promise<Map<string, number>> {
  const levels = await levelsByPool(container, poolIds, salesChannelId, knownLocationIds)
  return new Map([...levels].map(([poolId, level]) => [poolId, level.available]))
}

export function judgePlan(plan: PoolPlan, available: Map<string, number>): PoolVerdict[] {
  const pools = new Map<string, PoolInfo>()
  for (const [poolId, meta] of plan.meta) {
    pools.set(poolId, { poolId, ...meta, available: available.get(poolId) ?? 0 })
  }
  return judgePools(plan.lines, pools)
}

/**
 * The plan of a cart as completeCartWorkflow already loaded it (items with
 * their variants' inventory kits and stock locations): no query needed.
 * Units are filled in only if a refusal needs them (see withUnits).
 */
export function planFromLoadedCart(cart: any): { plan: PoolPlan; locationIds: string[] } {
  const plan: PoolPlan = { lines: [], meta: new Map(), unmanaged: [] }
  const locationIds = new Set<string>()
  for (const item of cart?.items ?? []) {
    if (!item?.variant_id) continue
    const line = { key: item.id, variant_id: item.variant_id, quantity: Number(item.quantity) }
    const links = addToPlan(plan, line, item.variant, { productTitle: item.product_title ?? "This item", unit: "pieces" })
    for (const link of links as any[]) {
      for (const level of link.inventory?.location_levels ?? []) {
        const sells = (level?.stock_locations ?? []).some((location: any) =>
          (location?.sales_channels ?? []).some((channel: any) => channel?.id === cart.sales_channel_id)
        )
        if (sells) locationIds.add(level.location_id)
      }
    }
  }
  return { plan, locationIds: [...locationIds] }
}

/** Reads each pool's unit (grams or pieces) from its product, for the shopper's message. */
export async function withUnits(container: MedusaContainer, plan: PoolPlan, variantIds: string[]): Promise<PoolPlan> {
  const full = await planPools(
    container,
    variantIds.map((variant_id, i) => ({ key: String(i), variant_id, quantity: 1 }))
  )
  for (const [poolId, meta] of full.meta) {
    if (plan.meta.has(poolId)) plan.meta.set(poolId, meta)
  }
  return plan
}

/** Per line: whether the pool it draws on covers the whole cart. */
export function lineVerdicts(input: CartLineInput[], plan: PoolPlan, verdicts: PoolVerdict[]): LineVerdict[] {
  const byPool = new Map(verdicts.map((v) => [v.poolId, v]))
  return input.map((line) => {
    const drawn = plan.lines.filter((l) => l.key === line.key)
    const worst = drawn.map((l) => byPool.get(l.poolId)!).sort((a, b) => b.shortfall - a.shortfall)[0]
    return {
      key: line.key,
      variant_id: line.variant_id,
      quantity: line.quantity,
      ok: worst ? worst.ok : true,
      pool_id: worst?.poolId ?? null,
      needed: worst?.needed ?? 0,
      available: worst?.available ?? 0,
      shortfall: worst?.shortfall ?? 0,
      message: worst?.message ?? null,
    }
  })
}

/** Plans, reads availability and judges in one go (no lock: for checks that only inform). */
export async function checkLines(container: MedusaContainer, input: CartLineInput[], salesChannelId?: string | null, cartId?: string) {
  const plan = await planPools(container, input)
  const available = await availableByPool(container, [...plan.meta.keys()], salesChannelId)
  // What this cart itself holds while its shopper pays is its own to use.
  if (cartId) for (const [poolId, held] of await heldByCart(container, cartId)) available.set(poolId, (available.get(poolId) ?? 0) + held)
  const pools = judgePlan(plan, available)
  return { pools, lines: lineVerdicts(input, plan, pools) }
}

/** Throws the shopper's sentence(s) when any pool cannot cover the lines. */
export function refuseShortfalls(pools: PoolVerdict[]) {
  const short = pools.filter((p) => !p.ok)
  if (short.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, short.map((p) => p.message).join(" "), "pool_shortfall" satisfies RefusalCode)
  }
}

export type ProductAvailability = {
  product_id: string
  unit: PoolUnit
  /** Grams (or pieces) in the product's pool that can be sold now. */
  available: number
  sold_out: boolean
  variants: { variant_id: string; title: string; units_per_variant: number | null; buyable_now: number | null }[]
}

/** Per product: the pool's available grams or pieces; per variant: how many can be bought now. */
export async function productAvailability(
  container: MedusaContainer,
  productIds: string[],
  salesChannelId?: string | null
): Promise<ProductAvailability[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "metadata",
      "variants.id",
      "variants.title",
      "variants.manage_inventory",
      "variants.allow_backorder",
      "variants.inventory_items.inventory_item_id",
      "variants.inventory_items.required_quantity",
    ],
    filters: { id: productIds },
  })
  const poolIds = new Set<string>()
  for (const product of products) {
    for (const variant of product.variants ?? []) {
      for (const link of variant?.inventory_items ?? []) if (link) poolIds.add(link.inventory_item_id)
    }
  }
  const available = await availableByPool(container, [...poolIds], salesChannelId)

  return products.map((product: any) => {
    const variants = (product.variants ?? []).filter(Boolean).map((variant: any) => {
      const link = variant.inventory_items?.[0]
      if (!variant.manage_inventory || variant.allow_backorder || !link) {
        return { variant_id: variant.id, title: variant.title, units_per_variant: null, buyable_now: null }
      }
      const units = Number(link.required_quantity)
      const free = Math.max(0, available.get(link.inventory_item_id) ?? 0)
      return { variant_id: variant.id, title: variant.title, units_per_variant: units, buyable_now: Math.floor(free / units) }
    })
    const poolOfProduct = (product.variants ?? []).flatMap((v: any) => v?.inventory_items ?? [])[0]?.inventory_item_id
    const free = poolOfProduct ? Math.max(0, available.get(poolOfProduct) ?? 0) : 0
    const managed = variants.filter((v: { buyable_now: number | null }) => v.buyable_now !== null)
    return {
      product_id: product.id,
      unit: unitOf(product.metadata),
      available: free,
      sold_out: managed.length > 0 && managed.every((v: { buyable_now: number | null }) => v.buyable_now === 0),
      variants,
    }
  })
}
