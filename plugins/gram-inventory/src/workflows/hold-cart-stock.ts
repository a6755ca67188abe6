import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { pluginOptions } from "../lib/options"
import { holdCartStock, HoldResult, releaseCartHolds } from "../lib/payment-holds"

export type HoldCartStockInput = {
  cart_id: string
  /** The payment provider the shopper is about to pay with: only those that take money before the order (plugin option payment_hold_providers) hold. */
  provider_id?: string
  minutes?: number
}

const holdCartStockStep = createStep(
  "gram-pool-hold-cart-stock",
  async (input: HoldCartStockInput, { container }) => {
    const options = pluginOptions(container)
    if (input.provider_id && !options.payment_hold_providers.includes(input.provider_id)) {
      return new StepResponse<HoldResult, string | null>({ cart_id: input.cart_id, expires_at: null, pools: [] }, null)
    }
    const held = await holdCartStock(container, input.cart_id, { minutes: input.minutes ?? options.payment_hold_minutes })
    return new StepResponse<HoldResult, string | null>(held, input.cart_id)
  },
  async (cartId: string | null | undefined, { container }) => {
    if (cartId) await releaseCartHolds(container, cartId)
  }
)

/**
 * Holds a cart's grams (or pieces) in their pools while its shopper pays
 * online (see lib/payment-holds.ts). Refuses with the shopper's sentence when
 * a pool cannot cover the cart: the shopper is told before paying.
 *
 * Other packages run it by its id (`gram-pool-hold-cart-stock`) through the
 * workflow engine, so they need not import this plugin.
 */
export const holdCartStockWorkflow = createWorkflow("gram-pool-hold-cart-stock", (input: HoldCartStockInput) => {
  const held = holdCartStockStep(input)
  return new WorkflowResponse<HoldResult>(held)
})

const releaseCartHoldsStep = createStep("gram-pool-release-cart-holds", async (input: { cart_id: string }, { container }) => {
  await releaseCartHolds(container, input.cart_id)
  return new StepResponse(input.cart_id)
})

/**
 * Gives a cart's held grams back at once (a checkout that failed after holding them), rather than
 * when the hold runs out. Run by its id (`gram-pool-release-cart-holds`) from other packages.
 */
export const releaseCartHoldsWorkflow = createWorkflow("gram-pool-release-cart-holds", (input: { cart_id: string }) => {
  return new WorkflowResponse(releaseCartHoldsStep(input))
})
