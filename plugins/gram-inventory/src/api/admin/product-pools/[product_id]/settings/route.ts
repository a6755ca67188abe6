import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GRAM_POOL_MODULE } from "../../../../../modules/gram-pool"
import type GramPoolModuleService from "../../../../../modules/gram-pool/service"
import { parseOrRefuse, settingsSchema } from "../../../../../lib/admin-input"
import { readPool } from "../../../../../lib/pool-read"

/** POST /admin/product-pools/:product_id/settings { low_stock_threshold_units } */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOrRefuse(settingsSchema, req.body)
  const pool = await readPool(req.scope, req.params.product_id)
  const poolModule: GramPoolModuleService = req.scope.resolve(GRAM_POOL_MODULE)
  const [existing] = await poolModule.listPoolSettings({ product_id: pool.product_id })
  if (existing) {
    await poolModule.updatePoolSettings({ id: existing.id, low_stock_threshold_units: body.low_stock_threshold_units })
  } else {
    await poolModule.createPoolSettings({ product_id: pool.product_id, low_stock_threshold_units: body.low_stock_threshold_units })
  }
  res.json({ product_pool: await readPool(req.scope, pool.product_id) })
}
