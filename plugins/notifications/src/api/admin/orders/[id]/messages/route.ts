import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { messagesForOrder } from "../../../../../lib/admin-messages"

/** GET /admin/orders/:id/messages: every message sent about the order, its state and its tries. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ messages: await messagesForOrder(req.scope, req.params.id) })
}
