import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checked, lookupSchema } from "../../../../lib/inputs"
import { enforceLimits, lookUpOrder, NOT_FOUND } from "../../../../lib/shopper-tracking"
import { clientOf, withinLimits } from "../limits"

/**
 * POST /store/order-tracking/lookup { order_number, phone }
 * order_number as the shopper copied it: 13, "13", "#13" (as printed), "SS-13", "Order #13"
 * (shop-contracts' parseOrderNumber); the phone in any Indian format ("+91 98765-43210", "098765 43210").
 * One order by its number and the phone it was placed with. A wrong pair and
 * an unknown order get the same 404 and the same sentence. Limits are per client
 * and per phone and client, so nobody can lock a shopper out of their own lookups.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const input = checked(lookupSchema, req.body)
  await withinLimits(res, async () => {
    const client = clientOf(req)
    await enforceLimits(req.scope, [
      ["lookupPerClient", client],
      ["lookupPerPhoneAndClient", `${input.phone}:${client}`],
    ])
    const order = await lookUpOrder(req.scope, input.order_number, input.phone)
    if (!order) {
      res.status(404).json({ type: "not_found", message: NOT_FOUND })
      return
    }
    res.json({ order })
  })
}
