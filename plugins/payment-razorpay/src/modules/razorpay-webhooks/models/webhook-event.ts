import { model } from "@medusajs/framework/utils"

/** A Razorpay webhook delivery already taken in, by Razorpay's event id: the same event never acts twice. */
export const WebhookEvent = model.define("razorpay_webhook_event", {
  id: model.id({ prefix: "rzpevt" }).primaryKey(),
  event_id: model.text().unique(),
  event: model.text(),
})
