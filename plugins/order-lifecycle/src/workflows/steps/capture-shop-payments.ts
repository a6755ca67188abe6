import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Captures the payments a move takes (cash on delivery marked paid on delivery,
 * an online payment when the order is confirmed), through Medusa's own capture
 * workflow. Money taken cannot be given back by a compensation, so this is the
 * last step of a move that writes: nothing after it can fail and leave a
 * capture behind a move that did not happen.
 */
export const captureShopPaymentsStep = createStep(
  "capture-shop-payments",
  async (input: { payment_ids: string[]; captured_by?: string }, { container }) => {
    for (const paymentId of input.payment_ids) {
      await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId, captured_by: input.captured_by } })
    }
    return new StepResponse(input.payment_ids)
  }
)
