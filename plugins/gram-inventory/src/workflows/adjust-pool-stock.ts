import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { adjustPoolStockStep, AdjustPoolStockInput } from "./steps/adjust-pool-stock"
import { LOW_STOCK_EVENT, lowStockPayload } from "../lib/low-stock"

/** Staff set or adjust a pool's stock with a reason; a pool at or under its threshold emits gram_pool.low_stock. */
export const adjustPoolStockWorkflow = createWorkflow("adjust-pool-stock", (input: AdjustPoolStockInput) => {
  const result = adjustPoolStockStep(input)
  const lowStock = transform({ result }, ({ result }) => (result.pool.is_low ? lowStockPayload(result.pool) : null))
  when({ lowStock }, ({ lowStock }) => !!lowStock).then(() => {
    emitEventStep({ eventName: LOW_STOCK_EVENT, data: lowStock })
  })
  return new WorkflowResponse(result)
})
