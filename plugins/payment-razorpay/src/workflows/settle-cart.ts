import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { apiOptions, pluginOptions } from "../lib/options"
import { settleCart, SettleOutcome } from "../lib/settle"

export type SettleRazorpayCartInput = { cart_id: string; found_by?: string }
export type SettleRazorpayCartResult = { order_id?: string; refunded: SettleOutcome["refunded"] }

const settleRazorpayCartStep = createStep("razorpay-settle-cart", async (input: SettleRazorpayCartInput, { container }) => {
  if (!apiOptions(pluginOptions(container))) return new StepResponse<SettleRazorpayCartResult>({ refunded: [] })
  const outcomes = await settleCart(container as any, input.cart_id, input.found_by ?? "checkout started again")
  return new StepResponse<SettleRazorpayCartResult>({
    order_id: outcomes.find((o) => o.order_id)?.order_id,
    refunded: outcomes.flatMap((o) => o.refunded),
  })
})

/**
 * Before a cart's Razorpay checkout is replaced (the shopper pressed "Pay"
 * again, a second tab, the back button): any payment Razorpay already holds
 * for it becomes the cart's order, or is refunded (lib/settle.ts). Run by id
 * (`razorpay-settle-cart`) from the backend's one-call checkout.
 */
export const settleRazorpayCartWorkflow = createWorkflow("razorpay-settle-cart", (input: SettleRazorpayCartInput) => {
  return new WorkflowResponse(settleRazorpayCartStep(input))
})
