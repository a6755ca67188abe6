import { model } from "@medusajs/framework/utils"

/** Per product: below how many grams (or pieces) available staff want a low-stock alert. */
export const PoolSetting = model.define("pool_setting", {
  id: model.id({ prefix: "pset" }).primaryKey(),
  product_id: model.text().unique(),
  low_stock_threshold_units: model.number().nullable(),
})
