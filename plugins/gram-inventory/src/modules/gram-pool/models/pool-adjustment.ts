import { model } from "@medusajs/framework/utils"

/** One change of a pool's stock by staff: who, when, by how much, and why. */
export const PoolAdjustment = model
  .define("pool_adjustment", {
    id: model.id({ prefix: "padj" }).primaryKey(),
    product_id: model.text(),
    inventory_item_id: model.text(),
    /** Grams or pieces added (positive) or taken away (negative). */
    delta_units: model.number(),
    /** The stocked quantity after the change. */
    stocked_after_units: model.number(),
    reason: model.text(),
    actor_id: model.text().nullable(),
  })
  .indexes([{ on: ["product_id", "created_at"] }])
