import { model } from "@medusajs/framework/utils"

/** One change of an order's shop status: from what, to what, who made it and when (created_at). */
export const StatusChange = model
  .define("shop_order_status_change", {
    id: model.id({ prefix: "shsc" }).primaryKey(),
    order_id: model.text(),
    from_status: model.text().nullable(),
    to_status: model.text(),
    /** "user" (an admin), "system" (the shop itself) */
    actor_type: model.text(),
    actor_id: model.text().nullable(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["order_id", "created_at"] }])
