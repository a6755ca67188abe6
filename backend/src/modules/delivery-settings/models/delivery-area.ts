import { model } from "@medusajs/framework/utils"

/**
 * Where the riders deliver: a range of pincodes (pincode_from..pincode_to) and/or a
 * list of single pincodes, named, with the city and state its addresses are written with.
 * delivery_charge_rupees and free_above_rupees (whole rupees) are the area's home-delivery price:
 * written as the home-delivery shipping option's prices with rules whenever an area is saved
 * (src/lib/flows/home-delivery.ts, syncHomeDeliveryPrices).
 */
export const DeliveryArea = model.define("delivery_area", {
  id: model.id({ prefix: "darea" }).primaryKey(),
  name: model.text(),
  city: model.text(),
  state: model.text(),
  pincode_from: model.number().nullable(),
  pincode_to: model.number().nullable(),
  /** Single pincodes, six digits each. */
  pincodes: model.json().nullable(),
  delivery_charge_rupees: model.number().default(60),
  free_above_rupees: model.number().nullable(),
  active: model.boolean().default(true),
})
