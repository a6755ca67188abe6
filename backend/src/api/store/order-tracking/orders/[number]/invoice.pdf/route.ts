import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * GET /store/order-tracking/orders/:number/invoice.pdf (header x-order-session): the GST tax
 * invoice of one of the orders "My orders" lists, for the shopper who proved their phone with a
 * code (order-lifecycle's session). The invoice names the buyer and the delivery address, so a
 * forwarded tracking link never opens it; anyone without the session of the order's phone gets the
 * 404 an unknown order gets. The app wires the two plugins together here, so neither imports the other.
 */

// Both plugins ship JavaScript without declarations; their signatures, as used here.
type ShopperTracking = { orderIdForSession: (container: MedusaContainer, token: unknown, orderNumber: unknown) => Promise<string | null> }
type InvoiceDocuments = { invoicePdf: (container: MedusaContainer, orderId: string) => Promise<{ filename: string; pdf: Buffer } | null> }

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tracking = require("@sweetshop/order-lifecycle/lib/shopper-tracking") as ShopperTracking
// eslint-disable-next-line @typescript-eslint/no-require-imports
const documents = require("@sweetshop/invoices/lib/documents") as InvoiceDocuments

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const number = String(req.params.number).slice(0, 32)
  const orderId = await tracking.orderIdForSession(req.scope, req.headers["x-order-session"], number)
  const file = orderId ? await documents.invoicePdf(req.scope, orderId) : null
  if (!file) {
    res.status(404).json({
      type: "not_found",
      code: "order_not_found",
      message: `No invoice for order ${number} with this code: ask for a new code if it is more than 30 minutes old.`,
    })
    return
  }
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="${file.filename}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(file.pdf)
}
