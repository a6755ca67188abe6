import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { checked, moveSchema } from "../../../../../lib/inputs"
import { adminOrderView } from "../../../../../lib/order-views"
import { ensureShopOrder, MoveRefused, moveShopOrder } from "../../../../../lib/shop-orders"

/**
 * POST /admin/shop-orders/:order_id/status { status, note? }
 * Moves the order one step (or cancels it). A move that is not allowed — or
 * already made by someone else a moment ago — is a 400 that changes nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = checked(moveSchema, req.body)
  try {
    await moveShopOrder(req.scope, {
      orderId: req.params.order_id,
      to: body.status,
      note: body.note,
      actor: { type: "user", id: req.auth_context?.actor_id ?? null },
    })
  } catch (error) {
    if (error instanceof MoveRefused) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, error.message)
    throw error
  }
  const row = await ensureShopOrder(req.scope, req.params.order_id)
  res.json({ shop_order: await adminOrderView(req.scope, row as any) })
}
