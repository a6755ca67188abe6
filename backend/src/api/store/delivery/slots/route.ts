import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refusal } from "@sweetshop/shop-contracts"
import { findFestival, listDeliveryDays, servedRanges } from "../../../../lib/flows/delivery-settings"
import { checkPincode, normalizePincode, pincodeSchema } from "../../../../lib/rules/delivery-area"

/**
 * GET /store/delivery/slots?pincode=&cart_id=
 * The next 7 days (today first) and each day's slots, as the checkout's picker shows them:
 * 200 { pincode: <as GET /store/delivery/pincodes/:pincode> | null, lead_hours,
 *       days: [{ date, label, open, reason, message, slots: [{ code, label, starts_at, ends_at, capacity, places_left, open, reason, message }] }] }
 * `open` is false with `reason` (a refusal code: day_closed, kitchen_full, slot_closed, lead_time,
 * slot_full) and its sentence when the checkout would refuse it now; lead times and the kitchen's
 * capacity are judged for the cart's products.
 * Read afresh each time (no cache): a place taken is gone from the next answer.
 * With festival=<handle> (a pre-order): the days are the festival's delivery days (beyond the
 * booking horizon too), the answer adds `festival` (as GET /store/festivals/:handle), and a day
 * is also closed when the checkout would refuse the pre-order: festival_closed (outside its
 * opens_on..closes_on), not_in_festival (with a cart holding a product it does not offer),
 * festival_full (no pre-order place left that day).
 * 400 invalid_pincode for a malformed pincode; 404 cart_not_found for an unknown cart,
 * festival_not_found for an unknown or inactive festival.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const rawPincode = typeof req.query.pincode === "string" ? req.query.pincode : undefined
  const cartId = typeof req.query.cart_id === "string" && req.query.cart_id ? req.query.cart_id : undefined
  let pincode: ReturnType<typeof checkPincode> | null = null
  if (rawPincode !== undefined && rawPincode !== "") {
    const parsed = pincodeSchema.safeParse(normalizePincode(rawPincode))
    if (!parsed.success) {
      res.status(400).json(refusal("invalid_pincode", parsed.error.issues[0].message))
      return
    }
    pincode = checkPincode(parsed.data, await servedRanges(req.scope))
  }
  if (cartId) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["id"], filters: { id: cartId } })
    if (!data.length) {
      res.status(404).json(refusal("cart_not_found", "This cart no longer exists. Please add the sweets to a new cart.", "not_found"))
      return
    }
  }
  const handle = typeof req.query.festival === "string" && req.query.festival ? req.query.festival : undefined
  const festival = handle ? await findFestival(req.scope, handle) : null
  if (handle && !festival) {
    res.status(404).json(refusal("festival_not_found", "There is no such festival taking pre-orders.", "not_found"))
    return
  }
  const listed = await listDeliveryDays(req.scope, cartId, { festival })
  res.setHeader("Cache-Control", "no-store")
  res.json({ pincode, ...listed })
}
