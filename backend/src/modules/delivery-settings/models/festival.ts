import { model } from "@medusajs/framework/utils"

/**
 * A festival staff sell pre-orders for (issue 19): its delivery days ("2026-11-08", sorted,
 * 1–14 of them), the products offered, the shop days pre-orders are taken (opens_on..closes_on,
 * India time) and how many pre-orders each delivery day takes (capacity_per_day). A cart
 * pre-orders by carrying the handle in metadata.festival (FESTIVAL_KEY in shop-contracts).
 * The rules are in backend/src/lib/rules/festivals.ts.
 */
export const Festival = model.define("festival", {
  id: model.id({ prefix: "fest" }).primaryKey(),
  handle: model.text().unique(),
  name: model.text(),
  description: model.text().nullable(),
  delivery_days: model.json(),
  product_ids: model.json(),
  opens_on: model.text(),
  closes_on: model.text(),
  capacity_per_day: model.number(),
  active: model.boolean().default(true),
})

/**
 * One pre-order's place on a festival delivery day: seat 1..capacity_per_day, unique per
 * (festival_id, day, seat), one per cart; held until held_until while its cart is not ordered,
 * kept while its order is not cancelled. Written like the slots' places (delivery_booking), by
 * the same code (backend/src/lib/flows/delivery-settings.ts, takeSeat).
 */
export const FestivalBooking = model
  .define("festival_booking", {
    id: model.id({ prefix: "fbook" }).primaryKey(),
    festival_id: model.text(),
    day: model.text(),
    seat: model.number(),
    cart_id: model.text().unique(),
    held_until: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["festival_id", "day", "seat"], unique: true, where: "deleted_at IS NULL" },
  ])
