import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checked, codeRedeemSchema } from "../../../../lib/inputs"
import { enforceLimits, redeemCode, SESSION_MINUTES } from "../../../../lib/shopper-tracking"
import { clientOf, withinLimits } from "../limits"

/**
 * POST /store/order-tracking/sessions { phone, code }
 * Trades a code for a short-lived orders session (SESSION_MINUTES), sent back
 * as `x-order-session` on GET /store/order-tracking/orders.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const input = checked(codeRedeemSchema, req.body)
  await withinLimits(res, async () => {
    const client = clientOf(req)
    await enforceLimits(req.scope, [["sessionPerClient", client]])
    const outcome = await redeemCode(req.scope, input.phone, input.code, client)
    if (!outcome.ok) {
      res.status(400).json({ type: "invalid_data", message: outcome.message })
      return
    }
    res.json({ session_token: outcome.token, expires_at: outcome.expires_at, minutes: SESSION_MINUTES })
  })
}
