import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GRAM_POOL_MODULE } from "../../../../modules/gram-pool"
import type GramPoolModuleService from "../../../../modules/gram-pool/service"
import { readPool } from "../../../../lib/pool-read"

/** GET /admin/product-pools/:product_id: the pool, its variants and the latest adjustments. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const pool = await readPool(req.scope, req.params.product_id)
  const poolModule: GramPoolModuleService = req.scope.resolve(GRAM_POOL_MODULE)
  const adjustments = await poolModule.listPoolAdjustments(
    { product_id: pool.product_id },
    { order: { created_at: "DESC" }, take: 50 }
  )
  res.json({ product_pool: { ...pool, adjustments } })
}
