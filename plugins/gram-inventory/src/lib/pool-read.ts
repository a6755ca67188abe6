import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { GRAM_POOL_MODULE } from "../modules/gram-pool"
import type GramPoolModuleService from "../modules/gram-pool/service"
import { buyableNow, PoolUnit } from "./pool-math"
import { unitOf } from "@sweetshop/shop-contracts"

export type PoolView = {
  product_id: string
  product_title: string
  unit: PoolUnit
  inventory_item_id: string
  location_id: string
  stocked_units: number
  reserved_units: number
  available_units: number
  low_stock_threshold_units: number | null
  is_low: boolean
  variants: { variant_id: string; title: string; units_per_variant: number; buyable_now: number }[]
}

/** A pooled product's pool as staff see it. Throws 404 for an unknown product, 400 for one without a pool. */
export async function readPool(container: MedusaContainer, productId: string): Promise<PoolView> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "title",
      "metadata",
      "variants.id",
      "variants.title",
      "variants.inventory_items.inventory_item_id",
      "variants.inventory_items.required_quantity",
      "variants.inventory_items.inventory.sku",
    ],
    filters: { id: productId },
  })
  const product = data[0]
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no product with the id ${productId}.`)
  }
  const links = (product.variants ?? []).flatMap((v: any) =>
    (v?.inventory_items ?? []).filter(Boolean).map((l: any) => ({ variant: v, link: l }))
  )
  const pooled = links.filter(({ link }: any) => link.inventory?.sku?.startsWith("POOL-"))
  if (!pooled.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${product.title} has no stock pool: it is not sold by grams or pieces.`
    )
  }
  const inventoryItemId: string = pooled[0].link.inventory_item_id
  const [level] = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({ inventory_item_id: inventoryItemId }, { take: 1, order: { created_at: "ASC" } })
  if (!level) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${product.title}'s pool is not stocked at any location yet.`)
  }
  const stocked = Number(level.stocked_quantity)
  const reserved = Number(level.reserved_quantity)
  const available = stocked - reserved
  const poolModule: GramPoolModuleService = container.resolve(GRAM_POOL_MODULE)
  const [setting] = await poolModule.listPoolSettings({ product_id: productId })
  const threshold = setting?.low_stock_threshold_units ?? null

  return {
    product_id: product.id,
    product_title: product.title,
    unit: unitOf(product.metadata),
    inventory_item_id: inventoryItemId,
    location_id: level.location_id,
    stocked_units: stocked,
    reserved_units: reserved,
    available_units: available,
    low_stock_threshold_units: threshold,
    is_low: threshold !== null && available <= threshold,
    // Smallest size first, whatever order the database hands the variants in (it differs after a restore).
    variants: pooled
      .map(({ variant, link }: any) => ({
        variant_id: variant.id as string,
        title: variant.title as string,
        units_per_variant: Number(link.required_quantity),
        buyable_now: buyableNow(available, Number(link.required_quantity)),
      }))
      .sort((a: { units_per_variant: number; variant_id: string }, b: { units_per_variant: number; variant_id: string }) =>
        a.units_per_variant - b.units_per_variant || a.variant_id.localeCompare(b.variant_id)
      ),
  }
}
