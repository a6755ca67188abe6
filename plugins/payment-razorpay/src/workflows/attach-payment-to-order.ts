import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findStoppedCompletion, linkStoppedCompletion } from "@sweetshop/shop-contracts"
import { acquireLockStep, addOrderTransactionStep, authorizePaymentSessionStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"

/**
 * When the completion stopped even before linking the order to its cart and
 * payment collection, those links (and the cart's completed_at) are written
 * first, as Medusa's completion would have.
 */
export const linkStoppedCompletionStep = createStep("razorpay-link-stopped-completion", async (input: { cart_id: string; order_id: string }, { container }) => {
  const stopped = await findStoppedCompletion(container.resolve(ContainerRegistrationKeys.QUERY), input.cart_id)
  if (stopped?.order_id !== input.order_id) return new StepResponse(false)
  await linkStoppedCompletion(
    {
      query: container.resolve(ContainerRegistrationKeys.QUERY),
      link: container.resolve(ContainerRegistrationKeys.LINK),
      carts: container.resolve(Modules.CART),
      inventory: container.resolve(Modules.INVENTORY),
    },
    stopped
  )
  return new StepResponse(true)
})

export type AttachPaymentToOrderInput = { cart_id: string; order_id: string; payment_session_id: string }

/**
 * The last steps of Medusa's completeCartWorkflow, for an order whose
 * completion stopped after the order was made and before its payment was
 * authorised (the process was killed): authorise the cart's payment session
 * (the provider asks Razorpay again) and record its captures on the order.
 * Medusa's own completion cannot be run again for this: it returns the
 * existing order without authorising. Under the cart's lock, as completion is.
 * A completion that stopped before linking the order gets its links first.
 */
export const attachPaymentToOrderWorkflow = createWorkflow("razorpay-attach-payment-to-order", (input: AttachPaymentToOrderInput) => {
  acquireLockStep({ key: input.cart_id, timeout: 30, ttl: 120 })
  linkStoppedCompletionStep(transform({ input }, ({ input }) => ({ cart_id: input.cart_id, order_id: input.order_id })))
  const payment = authorizePaymentSessionStep({ id: input.payment_session_id })
  recordCaptures(input, transform({ payment }, ({ payment }) => payment?.id ?? "none"))
  releaseLockStep({ key: input.cart_id })
  return new WorkflowResponse(payment)
})

/**
 * A transaction on the order per capture of the payment, as Medusa's completeCartWorkflow and
 * capturePaymentWorkflow add them: the order's summary (paid total, the admin's "Outstanding
 * amount") counts a payment by these. addOrderTransactionStep skips a capture already recorded.
 */
function recordCaptures(input: { order_id: string }, paymentId: string) {
  const { data: payments } = useQueryGraphStep({
    entity: "payment",
    fields: ["id", "currency_code", "captures.id", "captures.amount", "captures.raw_amount"],
    filters: { id: paymentId },
  })
  const transactions = transform({ payments, input }, ({ payments, input }) =>
    (payments as any[]).flatMap((p) =>
      (p.captures ?? []).map((capture: any) => ({
        order_id: input.order_id,
        amount: capture.raw_amount ?? capture.amount,
        currency_code: p.currency_code,
        reference: "capture",
        reference_id: capture.id,
      }))
    )
  )
  addOrderTransactionStep(transactions)
}

/**
 * Records on the order the captures of a payment authorised (and captured) outside a workflow that
 * would have: a phone order's payment link, whose payment is recorded after the draft became the
 * order (lib/payment-links.ts, recordLinkPayment). Run again, it adds nothing.
 */
export const recordPaymentCapturesWorkflow = createWorkflow("razorpay-record-payment-captures", (input: { order_id: string; payment_id: string }) => {
  recordCaptures(input, input.payment_id)
  return new WorkflowResponse(input.payment_id)
})
