import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { enforceLimits, LINK_INVALID, orderFromLink } from "../../../../../lib/shopper-tracking"
import { clientOf, withinLimits } from "../../limits"

/** GET /store/order-tracking/links/:token — the order an encrypted tracking link (from our messages, or the confirmation page) points at. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  await withinLimits(res, async () => {
    await enforceLimits(req.scope, [["linkPerClient", clientOf(req)]])
    const order = await orderFromLink(req.scope, req.params.token)
    if (!order) {
      res.status(404).json({ type: "not_found", message: LINK_INVALID })
      return
    }
    res.json({ order })
  })
}
