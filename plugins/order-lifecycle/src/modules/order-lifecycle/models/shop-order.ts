import { model } from "@medusajs/framework/utils"
import { SHOP_STATUSES } from "../../../lib/shop-status"

/**
 * The shop's view of one Medusa order: where it is on the shop floor, how it
 * reaches the shopper and how it is paid, with the phone and delivery day
 * staff filter by. Medusa's order, fulfillment and payment records stay the
 * truth for money and stock; this row follows them.
 */
export const ShopOrder = model
  .define("shop_order", {
    id: model.id({ prefix: "shord" }).primaryKey(),
    order_id: model.text().unique(),
    display_id: model.number(),
    status: model.enum([...SHOP_STATUSES]).default("placed"),
    fulfillment_kind: model.enum(["delivery", "pickup"]),
    payment_mode: model.enum(["cod", "online"]),
    /** E.164, as checkout stored it (+919876543210). */
    phone: model.text().nullable(),
    /** The day the shopper chose (YYYY-MM-DD, India time), or the day the order was placed. */
    delivery_date: model.text(),
    delivery_slot: model.text().nullable(),
    /** The festival a pre-order is for (its handle, the order's metadata.festival), or null. */
    festival: model.text().nullable(),
  })
  .indexes([{ on: ["display_id"] }, { on: ["phone"] }, { on: ["delivery_date", "status"] }, { on: ["status"] }, { on: ["festival", "delivery_date"] }])
