import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * GET /store/orders/:id/invoice.pdf: the shopper's GST tax invoice, behind the same proof as
 * Medusa's GET /store/orders/:id (order-lifecycle's `mayOpenOrder`: the order token in
 * `x-order-token`, or the logged-in customer who owns the order). Anyone else gets the 404
 * an unknown id gets. The app wires the two plugins together here, so neither imports the other.
 */

// Both plugins ship JavaScript without declarations; their signatures, as used here.
type OrderPrivacy = {
  ORDER_TOKEN_HEADER: string
  mayOpenOrder: (container: MedusaContainer, orderId: string, caller: { customerId?: string | null; orderToken?: unknown }) => Promise<boolean>
}
type InvoiceDocuments = { invoicePdf: (container: MedusaContainer, orderId: string) => Promise<{ filename: string; pdf: Buffer } | null> }

// eslint-disable-next-line @typescript-eslint/no-require-imports
const privacy = require("@sweetshop/order-lifecycle/lib/order-privacy") as OrderPrivacy
// eslint-disable-next-line @typescript-eslint/no-require-imports
const documents = require("@sweetshop/invoices/lib/documents") as InvoiceDocuments

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const orderId = String(req.params.id)
  const auth = (req as MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }).auth_context
  const customerId = auth?.actor_type === "customer" ? (auth.actor_id ?? null) : null
  const allowed = await privacy.mayOpenOrder(req.scope, orderId, { customerId, orderToken: req.headers[privacy.ORDER_TOKEN_HEADER] })
  const file = allowed ? await documents.invoicePdf(req.scope, orderId) : null
  if (!file) {
    res.status(404).json({ type: "not_found", code: "order_not_found", message: `Order id not found: ${orderId.slice(0, 64)}` })
    return
  }
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="${file.filename}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(file.pdf)
}
