import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { currentLink } from "../../../../../lib/payment-link-rules"
import { loadDraft, PaymentLinkRefusal, sendPaymentLink } from "../../../../../lib/payment-links"

const DRAFT_ID = /^order_[A-Za-z0-9]{1,60}$/

function refuse(res: MedusaResponse, status: number, code: string, message: string) {
  res.status(status).json({ type: status === 404 ? "not_found" : status >= 500 ? "unexpected_state" : "not_allowed", code, message })
}

/**
 * POST /admin/draft-orders/:id/payment-link (no body)
 * Sends the draft order's customer a Razorpay payment link for its total, by SMS and WhatsApp;
 * the draft's grams are held while the link is payable. Sending again replaces the link.
 * 200 { payment_link }; 4xx { type, code, message }: draft_order_not_found (404),
 * draft_order_converted, payment_link_paid, pool_shortfall, razorpay_not_configured (409),
 * draft_order_empty, invalid_phone, currency_not_inr, amount_too_small, razorpay_refused (400);
 * 503 razorpay_unavailable when Razorpay does not answer (nothing sent, nothing held).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const id = String(req.params.id ?? "")
  if (!DRAFT_ID.test(id)) return refuse(res, 404, "draft_order_not_found", `There is no draft order ${id.slice(0, 80)}.`)
  try {
    const link = await sendPaymentLink(req.scope, id)
    res.json({ payment_link: link })
  } catch (error: any) {
    if (error instanceof PaymentLinkRefusal) return refuse(res, error.status, error.code, error.message)
    throw error
  }
}

/** GET /admin/draft-orders/:id/payment-link → { payment_link } (null when none was sent). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const id = String(req.params.id ?? "")
  const draft = DRAFT_ID.test(id) ? await loadDraft(req.scope, id) : undefined
  if (!draft) return refuse(res, 404, "draft_order_not_found", `There is no draft order ${id.slice(0, 80)}.`)
  res.json({ payment_link: currentLink(draft.metadata) ?? null })
}
