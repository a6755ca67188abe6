import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
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
  const actorIds = [...new Set(adjustments.map((a) => a.actor_id).filter((id): id is string => !!id))]
  const users = actorIds.length ? await req.scope.resolve(Modules.USER).listUsers({ id: actorIds }) : []
  const emailOf = new Map(users.map((u) => [u.id, u.email]))
  res.json({
    product_pool: {
      ...pool,
      adjustments: adjustments.map((a) => ({ ...a, actor_email: a.actor_id ? emailOf.get(a.actor_id) ?? null : null })),
    },
  })
}
