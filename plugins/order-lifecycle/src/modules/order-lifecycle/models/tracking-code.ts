import { model } from "@medusajs/framework/utils"

/**
 * A one-time code sent to a phone for "all my orders". Only a keyed hash is
 * kept; a code expires, works once, and dies after a few wrong tries.
 */
export const TrackingCode = model
  .define("tracking_code", {
    id: model.id({ prefix: "tcode" }).primaryKey(),
    phone: model.text(),
    code_hash: model.text(),
    expires_at: model.dateTime(),
    failed_attempts: model.number().default(0),
    used_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["phone", "created_at"] }])
