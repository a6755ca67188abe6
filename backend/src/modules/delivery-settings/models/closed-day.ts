import { model } from "@medusajs/framework/utils"

/** A day the shop neither delivers nor hands over pickups (a holiday), "2026-12-25". */
export const ClosedDay = model.define("delivery_closed_day", {
  id: model.id({ prefix: "dclosed" }).primaryKey(),
  day: model.text().unique(),
  reason: model.text().nullable(),
})
