import { model } from "@medusajs/framework/utils"

/**
 * One cart's place in a slot on a day: seat 1..capacity, unique per (day, slot_code, seat),
 * so two checkouts can never take one place. A place whose cart is not ordered yet is a hold
 * until held_until (a shopper paying online); once its cart is ordered it stays until the
 * order is cancelled. Written by the service's takePlace (raw SQL under an advisory lock).
 */
export const DeliveryBooking = model
  .define("delivery_booking", {
    id: model.id({ prefix: "dbook" }).primaryKey(),
    day: model.text(),
    slot_code: model.text(),
    seat: model.number(),
    cart_id: model.text().unique(),
    held_until: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["day", "slot_code", "seat"], unique: true, where: "deleted_at IS NULL" },
  ])
