import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checked, codeRequestSchema } from "../../../../lib/inputs"
import { CODE_SENT, enforceLimits, LIMITS, sendOrdersCode } from "../../../../lib/shopper-tracking"
import { clientOf, withinLimits } from "../limits"

/**
 * POST /store/order-tracking/codes { phone }
 * Sends a one-time code to the phone, if it has orders. The answer is the same
 * either way, so it tells nobody whether a phone number shops here.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const input = checked(codeRequestSchema, req.body)
  await withinLimits(res, async () => {
    await enforceLimits(req.scope, [
      [`code:${clientOf(req)}`, LIMITS.codePerClient],
      [`code:phone:${input.phone}`, LIMITS.codePerPhone],
    ])
    await sendOrdersCode(req.scope, input.phone)
    res.status(202).json({ message: CODE_SENT })
  })
}
