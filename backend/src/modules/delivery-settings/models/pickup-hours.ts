import { model } from "@medusajs/framework/utils"

/**
 * When the shop's counter hands over pickup orders on one weekday (0 Sunday … 6 Saturday),
 * in the shop's time (Asia/Kolkata): from opens_at to closes_at ("10:00", "21:00"). One row
 * per weekday; a weekday without an active row has no pickup.
 */
export const PickupHours = model
  .define("pickup_hours", {
    id: model.id({ prefix: "dpick" }).primaryKey(),
    weekday: model.number(),
    opens_at: model.text(),
    closes_at: model.text(),
    active: model.boolean().default(true),
  })
  .indexes([{ on: ["weekday"], unique: true, where: "deleted_at IS NULL" }])
