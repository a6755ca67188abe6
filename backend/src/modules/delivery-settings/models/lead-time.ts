import { model } from "@medusajs/framework/utils"

/** How many hours before a slot starts a product must be ordered (fresh rasgulla: 24). */
export const ProductLeadTime = model.define("delivery_lead_time", {
  id: model.id({ prefix: "dlead" }).primaryKey(),
  product_id: model.text().unique(),
  lead_hours: model.number(),
})
