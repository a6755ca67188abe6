import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listedFestivals, storeFestivals } from "../../../lib/flows/festivals"

/**
 * GET /store/festivals: the festivals taking (or about to take) pre-orders, for the storefront.
 * 200 { festivals: [{ handle, name, description, opens_on, closes_on, open, message, product_ids,
 * days: [{ date, label, capacity, places_left }] }] }: active festivals whose last delivery day is
 * today or later (India time), soonest first. `open` is false with `message` (when pre-orders open
 * or closed) outside opens_on..closes_on. Nothing personal; read afresh each time.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const now = new Date()
  const festivals = await storeFestivals(req.scope, await listedFestivals(req.scope, now), now)
  res.setHeader("Cache-Control", "no-store")
  res.json({ festivals })
}
