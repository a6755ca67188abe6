import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RAZORPAY_WEBHOOKS_MODULE } from "../../../../modules/razorpay-webhooks"
import type RazorpayWebhooksModuleService from "../../../../modules/razorpay-webhooks/service"

/**
 * GET /admin/razorpay/payment-actions?limit=50&offset=0
 * Razorpay payments that could not become an order, newest first: why, and
 * what was done (refunded, or refund_failed: staff must refund by hand).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const limit = Math.min(Math.max(Number.parseInt(String(req.query.limit ?? "50"), 10) || 50, 1), 200)
  const offset = Math.max(Number.parseInt(String(req.query.offset ?? "0"), 10) || 0, 0)
  const actions: RazorpayWebhooksModuleService = req.scope.resolve(RAZORPAY_WEBHOOKS_MODULE)
  const [rows, count] = await actions.listAndCountPaymentActions({}, { order: { created_at: "DESC" }, take: limit, skip: offset })
  res.json({ payment_actions: rows, count, limit, offset })
}
