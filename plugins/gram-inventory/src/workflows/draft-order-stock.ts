import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { convertHeldDraftOrder, holdDraftOrderStock } from "../lib/draft-order-stock"
import type { HoldResult } from "../lib/payment-holds"
import { releaseCartHolds } from "../lib/payment-holds"

export type HoldDraftOrderStockInput = { draft_order_id: string; minutes: number }

const holdDraftOrderStockStep = createStep(
  "gram-pool-hold-draft-order-stock",
  async (input: HoldDraftOrderStockInput, { container }) => {
    const held = await holdDraftOrderStock(container, input.draft_order_id, { minutes: input.minutes })
    return new StepResponse<HoldResult, string>(held, input.draft_order_id)
  },
  async (draftOrderId: string | undefined, { container }) => {
    if (draftOrderId) await releaseCartHolds(container, draftOrderId)
  }
)

/**
 * Holds a draft order's grams (or pieces) in their pools while its payment link is out
 * (lib/draft-order-stock.ts); refuses with the shortfall's sentence (code pool_shortfall) when a
 * pool cannot cover the draft. Run by its id (`gram-pool-hold-draft-order-stock`) from other packages.
 * Let go with `gram-pool-release-cart-holds` ({ cart_id: <draft order id> }), or when the time is up.
 */
export const holdDraftOrderStockWorkflow = createWorkflow("gram-pool-hold-draft-order-stock", (input: HoldDraftOrderStockInput) => {
  return new WorkflowResponse<HoldResult>(holdDraftOrderStockStep(input))
})

const convertHeldDraftOrderStep = createStep("gram-pool-convert-draft-order", async (input: { draft_order_id: string }, { container }) => {
  return new StepResponse(await convertHeldDraftOrder(container, input.draft_order_id))
})

/**
 * The draft becomes an order (Medusa's convertDraftOrderWorkflow) with its hold turned into the
 * order's reservations, the sum per pool checked inside the pools' locks. Run by its id
 * (`gram-pool-convert-draft-order`) from other packages.
 */
export const convertHeldDraftOrderWorkflow = createWorkflow("gram-pool-convert-draft-order", (input: { draft_order_id: string }) => {
  return new WorkflowResponse(convertHeldDraftOrderStep(input))
})
