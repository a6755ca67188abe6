import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicePdf } from "../../../../../lib/documents"

/** GET /admin/orders/:id/invoice.pdf: the order's GST tax invoice (staff). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const file = await invoicePdf(req.scope, String(req.params.id))
  if (!file) {
    res.status(404).json({ type: "not_found", code: "order_not_found", message: `There is no order ${String(req.params.id).slice(0, 64)}.` })
    return
  }
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="${file.filename}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(file.pdf)
}
