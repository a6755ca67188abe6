import { model } from "@medusajs/framework/utils"

/**
 * A short tracking link sent in an order's messages (`/track/<code>`, 10 letters and
 * digits). Only a keyed hash of the code is kept (lib/short-links.ts): the table alone
 * opens nothing. The code opens the order's masked tracking view, as the long encrypted
 * link does, until it expires.
 */
export const TrackingLink = model
  .define("tracking_link", {
    id: model.id({ prefix: "tlink" }).primaryKey(),
    code_hash: model.text().unique(),
    order_id: model.text(),
    expires_at: model.dateTime(),
  })
  .indexes([{ on: ["order_id"] }])
