import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "zod"
import { pluginOptions, RAZORPAY_PROVIDER_ID } from "../../../../lib/options"
import { RazorpaySettlement, SettleOutcome } from "../../../../lib/settle"
import { RAZORPAY_WEBHOOKS_MODULE } from "../../../../modules/razorpay-webhooks"
import type RazorpayWebhooksModuleService from "../../../../modules/razorpay-webhooks/service"
import { checkoutSignatureValid } from "../../../../lib/signatures"

// Razorpay ids are short ("order_" / "pay_" and 14 characters); signatures are 64 hex digits.
const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,40}$`))
const bodySchema = z
  .object({
    cart_id: z.string().min(1).max(100),
    razorpay_order_id: id("order"),
    razorpay_payment_id: id("pay"),
    razorpay_signature: z.string().regex(/^[0-9a-fA-F]{64}$/),
  })
  .strict()

/**
 * POST /store/razorpay/checkout-response
 * What Razorpay's checkout.js gave the page's handler. The signature is
 * checked against the order id the server stored before anything is kept; a
 * verified response is never overwritten (a stale tab cannot undo a payment).
 * Then the payment is settled at once, as the webhooks do (lib/settle.ts):
 * it becomes the cart's order, or it is refunded in full with the reason.
 *
 * Answers { order_id } when the order exists, or 409 with the refund sentence.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const parsed = bodySchema.safeParse(req.body)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Send cart_id, razorpay_order_id, razorpay_payment_id and razorpay_signature as Razorpay's checkout gave them.")
  }
  const body = parsed.data
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "payment_collection.payment_sessions.*"],
    filters: { id: body.cart_id },
  })
  const keySecret = pluginOptions(req.scope).key_secret
  if (!keySecret) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Razorpay is not configured in this shop.")
  const sessions = (data[0]?.payment_collection?.payment_sessions ?? []) as any[]
  const session = sessions.find((s) => s?.provider_id === RAZORPAY_PROVIDER_ID && s.data?.razorpay_order_id === body.razorpay_order_id)
  // The order id is the server's own when the session names it; otherwise only the signature (made with the shop's secret) vouches for it.
  const orderId = session?.data?.razorpay_order_id ?? body.razorpay_order_id
  if (!checkoutSignatureValid(keySecret, orderId, body.razorpay_payment_id, body.razorpay_signature)) {
    if (!session) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This payment does not belong to this cart's current Razorpay checkout.")
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "This payment response could not be verified. If money was taken, your order is made or refunded automatically within minutes."
    )
  }
  if (!session) {
    // A genuine payment for a checkout this cart has since replaced (an old tab): settled like any other, so it is refunded.
    const outcome = await new RazorpaySettlement(req.scope).settle(orderId, "checkout (replaced)")
    // Settled all the same (money never waits), but another cart's payment is not this cart's business.
    if (outcome.cart_id && outcome.cart_id !== body.cart_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "This payment does not belong to this cart's current Razorpay checkout.")
    }
    return answer(res, outcome, body.razorpay_payment_id, req)
  }
  const stored = session.data as Record<string, any>
  const alreadyVerified =
    !!stored.razorpay_payment_id && checkoutSignatureValid(keySecret, stored.razorpay_order_id, stored.razorpay_payment_id, stored.razorpay_signature)
  if (!alreadyVerified) {
    await req.scope.resolve(Modules.PAYMENT).updatePaymentSession({
      id: session.id,
      amount: session.amount,
      currency_code: session.currency_code,
      data: { ...stored, razorpay_payment_id: body.razorpay_payment_id, razorpay_signature: body.razorpay_signature },
    })
  }

  return answer(res, await new RazorpaySettlement(req.scope).settle(orderId, "checkout"), body.razorpay_payment_id, req)
}

async function answer(res: MedusaResponse, outcome: SettleOutcome, paymentId: string, req: MedusaRequest) {
  const refund = outcome.refunded.find((r) => r.razorpay_payment_id === paymentId)
  if (refund) {
    res.status(409).json({ type: "payment_refunded", code: `payment_refunded_${refund.reason}`, message: refund.message })
    return
  }
  // Refunded on an earlier try (this answer is asked again): the same sentence.
  const actions: RazorpayWebhooksModuleService = req.scope.resolve(RAZORPAY_WEBHOOKS_MODULE)
  const [earlier] = await actions.listPaymentActions({ razorpay_payment_id: paymentId })
  if (earlier) {
    res.status(409).json({ type: "payment_refunded", code: `payment_refunded_${earlier.reason}`, message: earlier.detail })
    return
  }
  if (outcome.order_id) {
    res.json({ ok: true, order_id: outcome.order_id })
    return
  }
  // Razorpay does not show the payment as taken (yet): completing the cart asks again.
  res.json({ ok: true })
}
