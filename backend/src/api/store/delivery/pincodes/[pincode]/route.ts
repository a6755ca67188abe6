import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refusal } from "@sweetshop/shop-contracts"
import { checkPincode, normalizePincode, pincodeSchema } from "../../../../../lib/rules/delivery-area"
import { servedRanges } from "../../../../../lib/flows/delivery-settings"

/**
 * GET /store/delivery/pincodes/:pincode
 * 200 { pincode, serviceable: true, area, city, state } (the checkout fills city and state from it)
 * or { pincode, serviceable: false, message };
 * 400 { type, code: "invalid_pincode", message, field: "pincode" } for anything but a 6-digit Indian PIN code.
 * "110 024" as people write it is read as 110024: spaces go, digits are never cut.
 * The areas are the delivery settings staff edit in the admin; a change holds at
 * once here, so the answer is not kept by browsers or CDNs.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = pincodeSchema.safeParse(normalizePincode(String(req.params.pincode ?? "")))
  if (!parsed.success) {
    res.status(400).json(refusal("invalid_pincode", parsed.error.issues[0].message))
    return
  }
  res.setHeader("Cache-Control", "no-store")
  res.json(checkPincode(parsed.data, await servedRanges(req.scope)))
}
