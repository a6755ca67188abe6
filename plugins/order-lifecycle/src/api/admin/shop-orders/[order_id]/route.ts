import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { adminOrderView } from "../../../../lib/order-views"
import { ensureShopOrder } from "../../../../lib/shop-orders"

/** GET /admin/shop-orders/:order_id — status, the moves staff can make next, and the history. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const row = await ensureShopOrder(req.scope, req.params.order_id)
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no order with id ${req.params.order_id}.`)
  res.json({ shop_order: await adminOrderView(req.scope, row as any) })
}
