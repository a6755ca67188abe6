import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { checkPincode, pincodeSchema } from "../../../../../lib/delivery-area"

/**
 * GET /store/delivery/pincodes/:pincode
 * 200 { pincode, serviceable: true, area } or { pincode, serviceable: false, message };
 * 400 { message } for anything but a 6-digit Indian PIN code.
 * The answer changes only when the shop deploys a new delivery area, so
 * browsers and CDNs may keep it for a few minutes.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = pincodeSchema.safeParse(req.params.pincode)
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues[0].message)
  res.setHeader("Cache-Control", "public, max-age=300")
  res.json(checkPincode(parsed.data))
}
