import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checked, codeRequestSchema } from "../../../../lib/inputs"
import { CODE_SENT, enforceLimits, requestOrdersCode } from "../../../../lib/shopper-tracking"
import { clientOf, withinLimits } from "../limits"

/**
 * POST /store/order-tracking/codes { phone }
 * Asks for a one-time code by SMS. The SMS is sent in the background, and only if the
 * phone has orders; this answer is the same, reached the same way, for every phone, so
 * it tells nobody whether a phone number shops here. Limits are per client and per phone
 * and client: a stranger cannot use up a shopper's requests.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const input = checked(codeRequestSchema, req.body)
  await withinLimits(res, async () => {
    const client = clientOf(req)
    await enforceLimits(req.scope, [
      ["codePerClient", client],
      ["codePerPhoneAndClient", `${input.phone}:${client}`],
      ["codePerPhoneAndClientDaily", `${input.phone}:${client}`],
    ])
    await requestOrdersCode(req.scope, input.phone)
    res.status(202).json({ message: CODE_SENT })
  })
}
