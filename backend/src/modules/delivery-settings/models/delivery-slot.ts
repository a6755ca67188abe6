import { model } from "@medusajs/framework/utils"

/**
 * A home-delivery slot on one weekday (0 Sunday … 6 Saturday), in the shop's
 * time (Asia/Kolkata): from starts_at to ends_at ("10:00", "13:00"), ordered at the
 * latest cutoff_minutes before it starts, at most `capacity` home deliveries a day.
 */
export const DeliverySlot = model
  .define("delivery_slot", {
    id: model.id({ prefix: "dslot" }).primaryKey(),
    weekday: model.number(),
    code: model.text(),
    label: model.text(),
    starts_at: model.text(),
    ends_at: model.text(),
    cutoff_minutes: model.number().default(180),
    capacity: model.number(),
    active: model.boolean().default(true),
  })
  .indexes([{ on: ["weekday", "code"], unique: true, where: "deleted_at IS NULL" }])
