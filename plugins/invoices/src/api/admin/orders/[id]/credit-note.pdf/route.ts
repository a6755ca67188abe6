import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { creditNotePdf } from "../../../../../lib/documents"

/** GET /admin/orders/:id/credit-note.pdf[?document=invdoc_…]: the order's (latest, or named) credit note (staff). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const documentId = typeof req.query.document === "string" ? req.query.document : undefined
  const file = await creditNotePdf(req.scope, String(req.params.id), documentId)
  if (!file) {
    res.status(404).json({ type: "not_found", code: "credit_note_not_found", message: "This order has no credit note: it has not been refunded." })
    return
  }
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="${file.filename}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(file.pdf)
}
