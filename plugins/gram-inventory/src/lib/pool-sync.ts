import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { PoolUnit } from "./pool-math"
import { inferUnit, MeasureError, measureOf, VariantMeasureInput } from "./variant-measure"

/**
 * Keeps each pooled product's variants linked to its one pool with the right
 * required_quantity: run whenever products or variants are created or changed.
 *
 * A product is pooled when its metadata says sold_by "grams" or "pieces", or
 * when all its variants' names say so ("250 g", "6 pieces"). Other products
 * keep Medusa's own per-variant inventory.
 */

export const poolSkuOf = (handle: string) => `POOL-${handle.toUpperCase()}`

type ProductRow = {
  id: string
  title: string
  handle: string
  metadata: Record<string, unknown> | null
  variants: {
    id: string
    title: string | null
    weight: number | null
    metadata: Record<string, unknown> | null
    manage_inventory: boolean
    options?: { value: string }[] | null
    inventory_items?: { inventory_item_id: string; required_quantity: number; inventory?: { sku?: string | null } | null }[] | null
  }[]
}

export async function syncPools(container: MedusaContainer, productIds: string[]) {
  const ids = [...new Set(productIds.filter(Boolean))]
  if (!ids.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = (await query.graph({
    entity: "product",
    fields: [
      "id",
      "title",
      "handle",
      "metadata",
      "variants.id",
      "variants.title",
      "variants.weight",
      "variants.metadata",
      "variants.manage_inventory",
      "variants.options.value",
      "variants.inventory_items.inventory_item_id",
      "variants.inventory_items.required_quantity",
      "variants.inventory_items.inventory.sku",
    ],
    filters: { id: ids },
  })) as { data: ProductRow[] }

  for (const product of products) {
    await syncProduct(container, product)
  }
}

function declaredUnit(product: ProductRow): PoolUnit | null {
  const soldBy = product.metadata?.sold_by
  if (soldBy === undefined || soldBy === null || soldBy === "") return null
  if (soldBy === "grams" || soldBy === "pieces") return soldBy
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `${product.title}: sold_by must be "grams" or "pieces", not "${String(soldBy)}".`
  )
}

async function syncProduct(container: MedusaContainer, product: ProductRow) {
  const variants = (product.variants ?? []).filter((v) => v && v.manage_inventory)
  const inputs: VariantMeasureInput[] = variants.map((v) => ({
    title: v.title,
    weight: v.weight,
    metadata: v.metadata,
    optionValues: (v.options ?? []).map((o) => o.value),
  }))
  const declared = declaredUnit(product)
  const unit = declared ?? inferUnit(inputs)
  if (!unit || !variants.length) return

  let measures: number[]
  try {
    measures = inputs.map((input) => measureOf(input, unit, product.title))
  } catch (error) {
    if (error instanceof MeasureError) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    throw error
  }

  const inventory = container.resolve(Modules.INVENTORY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  if (!declared) {
    await container.resolve(Modules.PRODUCT).updateProducts(product.id, { metadata: { ...(product.metadata ?? {}), sold_by: unit } })
  }

  // The pool: an item the variants already share, or the product's pool SKU, or a new one.
  const sku = poolSkuOf(product.handle)
  const linkedPool = variants
    .flatMap((v) => v.inventory_items ?? [])
    .find((l) => l?.inventory?.sku?.startsWith("POOL-"))?.inventory_item_id
  let poolId = linkedPool ?? (await inventory.listInventoryItems({ sku }, { take: 1 }))[0]?.id
  if (!poolId) {
    const [store] = await container.resolve(Modules.STORE).listStores({}, { take: 1 })
    const created = await inventory.createInventoryItems({
      sku,
      title: `${product.title} (${unit})`,
      requires_shipping: true,
    })
    poolId = created.id
    if (store?.default_location_id) {
      await inventory.createInventoryLevels({ inventory_item_id: poolId, location_id: store.default_location_id, stocked_quantity: 0 })
    }
  }

  const orphans: string[] = []
  for (const [index, variant] of variants.entries()) {
    const required = measures[index]
    const links = (variant.inventory_items ?? []).filter(Boolean)
    const current = links.find((l) => l.inventory_item_id === poolId)
    for (const other of links.filter((l) => l.inventory_item_id !== poolId)) {
      await link.dismiss({
        [Modules.PRODUCT]: { variant_id: variant.id },
        [Modules.INVENTORY]: { inventory_item_id: other.inventory_item_id },
      })
      orphans.push(other.inventory_item_id)
    }
    if (current && Number(current.required_quantity) === required) continue
    if (current) {
      await link.dismiss({
        [Modules.PRODUCT]: { variant_id: variant.id },
        [Modules.INVENTORY]: { inventory_item_id: poolId },
      })
    }
    await link.create({
      [Modules.PRODUCT]: { variant_id: variant.id },
      [Modules.INVENTORY]: { inventory_item_id: poolId },
      data: { required_quantity: required },
    })
  }

  // Medusa makes one inventory item per new variant; once the variant draws on
  // the pool, that item is unused. Remove it unless something still refers to it.
  for (const orphan of [...new Set(orphans)]) {
    const reservations = await inventory.listReservationItems({ inventory_item_id: orphan }, { take: 1 })
    const { data: stillLinked } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "inventory_item",
      fields: ["id", "variants.id"],
      filters: { id: orphan },
    })
    if (!reservations.length && !(stillLinked[0]?.variants ?? []).filter(Boolean).length) {
      await inventory.deleteInventoryItems([orphan])
    }
  }
}
