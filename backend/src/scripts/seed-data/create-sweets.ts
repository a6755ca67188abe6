import type { MedusaContainer } from "@medusajs/framework/types"
import { ProductStatus } from "@medusajs/framework/utils"
import { createInventoryItemsWorkflow, createProductsWorkflow, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { boxPriceRupees, formatGrams, formatPieces, type Sweet } from "./catalogue"
import { drawSweetSvg } from "./sweet-art"

/** Where new sweets go: the kitchen (stock location), their shipping profile, the website's sales channel, categories by handle. */
export type SweetPlaces = {
  kitchenId: string
  shippingProfileId: string
  salesChannelId: string
  categoryIdByHandle: Map<string, string>
}

export const poolSku = (sweet: Sweet) => `POOL-${sweet.handle.toUpperCase()}`

/**
 * Creates sweets the shop's way, through Medusa's workflows: one stock pool per
 * product (an inventory item counted in grams or pieces, stocked at the
 * kitchen), a drawn SVG picture, and the product with its sizes, each size
 * drawing its grams or pieces from the pool (an inventory kit), priced in INR.
 * Used by the seed and by the benchmark's top-up (bench/lib/more-sweets.ts).
 */
export async function createSweets(container: MedusaContainer, sweets: Sweet[], places: SweetPlaces) {
  if (!sweets.length) return
  const { result: pools } = await createInventoryItemsWorkflow(container).run({
    input: {
      items: sweets.map((sweet) => ({
        sku: poolSku(sweet),
        title: `${sweet.title} (${sweet.soldBy})`,
        requires_shipping: true,
        location_levels: [{ location_id: places.kitchenId, stocked_quantity: sweet.openingStock }],
      })),
    },
  })
  const poolIdBySku = new Map(pools.map((p) => [p.sku, p.id]))

  const { result: uploads } = await uploadFilesWorkflow(container).run({
    input: {
      files: sweets.map((sweet) => ({
        filename: `${sweet.handle}.svg`,
        mimeType: "image/svg+xml",
        content: Buffer.from(drawSweetSvg(sweet)).toString("base64"),
        access: "public" as const,
      })),
    },
  })

  await createProductsWorkflow(container).run({
    input: {
      products: sweets.map((sweet, index) => {
        const imageUrl = uploads[index].url
        return {
          title: sweet.title,
          handle: sweet.handle,
          description: sweet.description,
          status: ProductStatus.PUBLISHED,
          category_ids: [places.categoryIdByHandle.get(sweet.category)!],
          thumbnail: imageUrl,
          images: [{ url: imageUrl }],
          shipping_profile_id: places.shippingProfileId,
          sales_channels: [{ id: places.salesChannelId }],
          metadata: {
            sold_by: sweet.soldBy,
            shelf_life_days: sweet.shelfLifeDays,
            ingredients: sweet.ingredients,
            bestseller: sweet.bestseller ?? false,
            ...(sweet.storage ? { storage: sweet.storage } : {}),
            ...(sweet.veg === undefined ? {} : { veg: sweet.veg }),
            ...(sweet.pieceName ? { piece_name: sweet.pieceName } : {}),
            // HSN on the GST invoice (plugins/invoices): 1704, sugar confectionery, for the cashew, almond and pistachio sweets; any other is the default 2106.
            ...(sweet.category === "dry-fruit-sweets" ? { hsn: "1704" } : {}),
          },
          ...variantsOf(sweet, poolIdBySku.get(poolSku(sweet))!),
        }
      }),
    },
  })
}

/** The options and variants of a product; each variant draws its grams or pieces from the pool. */
function variantsOf(sweet: Sweet, poolId: string) {
  if (sweet.soldBy === "grams") {
    const title = "Weight"
    return {
      options: [{ title, values: sweet.boxGrams.map(formatGrams) }],
      variants: sweet.boxGrams.map((grams) => ({
        title: formatGrams(grams),
        sku: `${sweet.handle.toUpperCase()}-${grams}G`,
        options: { [title]: formatGrams(grams) },
        manage_inventory: true,
        weight: grams,
        metadata: { grams },
        prices: [{ currency_code: "inr", amount: boxPriceRupees(sweet.rupeesPerKg, grams) }],
        inventory_items: [{ inventory_item_id: poolId, required_quantity: grams }],
      })),
    }
  }
  const title = "Pack"
  const name = sweet.pieceName ?? "piece"
  return {
    options: [{ title, values: sweet.packs.map((p) => formatPieces(p.pieces, name)) }],
    variants: sweet.packs.map((pack) => ({
      title: formatPieces(pack.pieces, name),
      sku: `${sweet.handle.toUpperCase()}-${pack.pieces}PC`,
      options: { [title]: formatPieces(pack.pieces, name) },
      manage_inventory: true,
      metadata: { pieces: pack.pieces },
      prices: [{ currency_code: "inr", amount: pack.rupees }],
      inventory_items: [{ inventory_item_id: poolId, required_quantity: pack.pieces }],
    })),
  }
}
