import { model } from "@medusajs/framework/utils"

/**
 * One try at sending one message (a Medusa notification): when, how it ended,
 * the provider's message id, and later what the network reported (delivered,
 * read, failed). The retry job counts these to back off and to stop.
 */
export const NotificationAttempt = model
  .define("notification_attempt", {
    id: model.id({ prefix: "ntatt" }).primaryKey(),
    notification_id: model.text().index(),
    idempotency_key: model.text().nullable(),
    channel: model.text(),
    attempt: model.number(),
    /** "sent" (the provider took it), "failed" (error or time-out), "pending" (claimed and being sent, or still waiting on the provider). */
    outcome: model.enum(["sent", "failed", "pending"]),
    error: model.text().nullable(),
    external_id: model.text().nullable(),
    duration_ms: model.number().nullable(),
    /** From the provider's status webhook: sent, delivered, read or failed. */
    delivery_status: model.text().nullable(),
    delivery_error: model.text().nullable(),
  })
  .indexes([
    { on: ["external_id"] },
    // One row per try of a message: a handler claims the next try by inserting it before sending
    // (lib/deliver.ts), so two handlers at the same moment cannot both send.
    { on: ["idempotency_key", "attempt"], unique: true, where: "idempotency_key IS NOT NULL" },
  ])
