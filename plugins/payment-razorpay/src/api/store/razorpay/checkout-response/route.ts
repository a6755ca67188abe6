import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "zod"

const bodySchema = z
  .object({
    cart_id: z.string().min(1),
    razorpay_order_id: z.string().min(1),
    razorpay_payment_id: z.string().min(1),
    razorpay_signature: z.string().min(1),
  })
  .strict()

/**
 * POST /store/razorpay/checkout-response
 * The storefront hands over what Razorpay's checkout.js gave its handler.
 * It is only stored on the cart's Razorpay session here; completing the cart
 * verifies the signature against the server's own order id and asks Razorpay
 * about the payment before any order is made.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const parsed = bodySchema.safeParse(req.body)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Send cart_id, razorpay_order_id, razorpay_payment_id and razorpay_signature.")
  }
  const body = parsed.data
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "payment_collection.payment_sessions.*"],
    filters: { id: body.cart_id },
  })
  const sessions = (data[0]?.payment_collection?.payment_sessions ?? []) as any[]
  const session = sessions.find((s) => s?.provider_id === "pp_razorpay_razorpay" && s.data?.razorpay_order_id === body.razorpay_order_id)
  if (!session) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "This payment does not belong to this cart's current Razorpay checkout.")
  }
  await req.scope.resolve(Modules.PAYMENT).updatePaymentSession({
    id: session.id,
    amount: session.amount,
    currency_code: session.currency_code,
    data: { ...session.data, razorpay_payment_id: body.razorpay_payment_id, razorpay_signature: body.razorpay_signature },
  })
  res.json({ ok: true })
}
