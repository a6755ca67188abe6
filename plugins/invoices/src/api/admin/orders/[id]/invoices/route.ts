import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicesService } from "../../../../../lib/documents"

/** GET /admin/orders/:id/invoices: the order's numbered documents (invoice, credit notes), for the order page's widget. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const documents = await invoicesService(req.scope).documentsOf(String(req.params.id))
  res.json({ documents: documents.map(({ id, kind, number, amount_paise, created_at }) => ({ id, kind, number, amount_paise, created_at })) })
}
