import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adjustPoolStockWorkflow } from "../../../../../workflows/adjust-pool-stock"
import { adjustmentSchema, parseOrRefuse } from "../../../../../lib/admin-input"

/** POST /admin/product-pools/:product_id/adjustments { delta_units | set_to_units, reason } */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOrRefuse(adjustmentSchema, req.body)
  const { result } = await adjustPoolStockWorkflow(req.scope).run({
    input: { product_id: req.params.product_id, ...body, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ product_pool: result.pool, adjustment: result.adjustment })
}
