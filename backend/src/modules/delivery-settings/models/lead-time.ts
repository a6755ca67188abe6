import { model } from "@medusajs/framework/utils"

/**
 * Per product: how many hours before a slot starts it must be ordered (fresh rasgulla: 24),
 * and optionally how much of it the kitchen makes a day (grams or pieces, the product's pool
 * unit), across the day's orders for delivery and pickup.
 */
export const ProductLeadTime = model.define("delivery_lead_time", {
  id: model.id({ prefix: "dlead" }).primaryKey(),
  product_id: model.text().unique(),
  lead_hours: model.number(),
  kitchen_capacity_units: model.number().nullable(),
})
