import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refusal } from "@sweetshop/shop-contracts"
import {
  cartLeadHours,
  cartProducts,
  daySettings,
  festivalPlacesTaken,
  findFestival,
  kitchenRefusal,
  placesTaken,
  servedRanges,
} from "../../../../lib/flows/delivery-settings"
import { checkPincode, normalizePincode, pincodeSchema } from "../../../../lib/rules/delivery-area"
import { addDays, dayLabel, dayRefusal, LISTED_DAYS, shopToday, slotRefusal, slotsOf } from "../../../../lib/rules/delivery-days"
import { festivalFullMessage, festivalRefusal, storeFestival } from "../../../../lib/rules/festivals"

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
  const now = new Date()
  const [settings, leadHours] = await Promise.all([daySettings(req.scope), cartLeadHours(req.scope, cartId)])
  const today = shopToday(now)
  const dates = festival ? festival.delivery_days : Array.from({ length: LISTED_DAYS }, (_, i) => addDays(today, i))
  const options = { beyond_horizon: !!festival }
  const [taken, festivalTaken, products] = await Promise.all([
    placesTaken(req.scope, dates),
    festival ? festivalPlacesTaken(req.scope, dates) : new Map<string, number>(),
    festival && cartId ? cartProducts(req.scope, cartId) : [],
  ])
  const festivalLeft = (date: string) => (festival ? festival.capacity_per_day - (festivalTaken.get(`${date}/${festival.id}`) ?? 0) : 1)
  // With a cart: a day its sweets would take past the kitchen's capacity is closed to it (kitchen_full).
  const kitchen = cartId ? await Promise.all(dates.map((date) => kitchenRefusal(req.scope, cartId, date))) : dates.map(() => null)
  const days = dates.map((date, i) => {
    const prefix = date === today ? "Today, " : date === addDays(today, 1) ? "Tomorrow, " : ""
    const preOrder = festival
      ? (festivalRefusal(now, festival, date, products) ??
        (festivalLeft(date) > 0 ? null : { code: "festival_full", message: festivalFullMessage(festival, date) }))
      : null
    const closed = preOrder ?? dayRefusal(now, date, settings, options) ?? kitchen[i]
    const slots = closed
      ? []
      : slotsOf(settings, date).map((slot) => {
          const placesLeft = Math.max(0, slot.capacity - (taken.get(`${date}/${slot.code}`) ?? 0))
          const refused =
            slotRefusal(now, date, slot.code, settings, leadHours, options) ??
            (placesLeft > 0 ? null : { code: "slot_full", message: `The ${slot.label} slot on ${dayLabel(date)} is full.` })
          return {
            code: slot.code,
            label: slot.label,
            starts_at: slot.starts_at,
            ends_at: slot.ends_at,
            capacity: slot.capacity,
            places_left: placesLeft,
            open: !refused,
            reason: refused?.code ?? null,
            message: refused?.message ?? null,
          }
        })
    return {
      date,
      label: `${prefix}${dayLabel(date)}`,
      open: slots.some((s) => s.open),
      reason: closed?.code ?? null,
      message: closed?.message ?? null,
      slots,
    }
  })
  res.setHeader("Cache-Control", "no-store")
  const festivalView = festival ? { festival: storeFestival(now, festival, (day) => festivalTaken.get(`${day}/${festival.id}`) ?? 0) } : {}
  res.json({ pincode, lead_hours: leadHours, days, ...festivalView })
}
