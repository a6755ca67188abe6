import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { checkLines } from "../../../../../lib/pool-check"

/**
 * GET /store/carts/:id/stock-check
 * Whether each line of the cart can be fulfilled now, counting every line
 * that draws on the same pool, with the shortfall in grams or pieces.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "items.id", "items.variant_id", "items.quantity"],
    filters: { id: req.params.id },
  })
  const cart = data[0]
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${req.params.id} was not found.`)
  }
  const lines = (cart.items ?? [])
    .filter((item: any) => item?.variant_id)
    .map((item: any) => ({ key: item.id, variant_id: item.variant_id, quantity: Number(item.quantity) }))
  const result = await checkLines(req.scope, lines, cart.sales_channel_id, cart.id)
  res.json({
    ok: result.lines.every((line) => line.ok),
    lines: result.lines.map(({ key, ...line }) => ({ line_item_id: key, ...line })),
    pools: result.pools.map((pool) => ({
      pool_id: pool.poolId,
      product_title: pool.productTitle,
      unit: pool.unit,
      available: pool.available,
      needed: pool.needed,
      shortfall: pool.shortfall,
      message: pool.message,
    })),
  })
}
