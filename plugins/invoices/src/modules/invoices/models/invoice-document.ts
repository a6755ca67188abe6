import { model } from "@medusajs/framework/utils"

/**
 * A numbered GST document of an order: its tax invoice (one per order) or a credit note
 * (one per refund). The number is given once, in a gap-free series per financial year
 * (service.ts), and never changes; the PDF is drawn from the order each time it is asked for.
 */
export const InvoiceDocument = model
  .define("invoice_document", {
    id: model.id({ prefix: "invdoc" }).primaryKey(),
    kind: model.enum(["invoice", "credit_note"]),
    /** SS/2026-27/000123 or SS/CN/2026-27/000001. */
    number: model.text().unique(),
    fiscal_year: model.text(),
    sequence: model.number(),
    order_id: model.text().index(),
    /** A credit note's refund (its id, or the event that told of it): one credit note per refund. */
    refund_key: model.text().nullable(),
    /** What the document is for, in paise: the order total, or the refunded amount. */
    amount_paise: model.number(),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "kind = 'invoice' AND deleted_at IS NULL" },
    { on: ["refund_key"], unique: true, where: "kind = 'credit_note' AND deleted_at IS NULL" },
  ])
