import { model } from "@medusajs/framework/utils"

/** The last number given in one series ("invoice:2026-27", "credit_note:2026-27"); one row per series. */
export const InvoiceCounter = model.define("invoice_counter", {
  id: model.text().primaryKey(),
  last_number: model.number(),
})
