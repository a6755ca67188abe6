import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refusal } from "@sweetshop/shop-contracts"
import { deliveryLoad, parseLoadDays } from "../../../../lib/flows/delivery-load"

/**
 * GET /admin/delivery-settings/load?days=14 (staff; Medusa authenticates every /admin route):
 * the next `days` days (1–31, default 14, today first, India time), as the admin's Delivery load page shows them:
 * 200 { from, to, days: [{ date, label, closed, closed_reason,
 *                          slots: [{ code, label, capacity, taken, places_left, full }],
 *                          products: [{ product_id, title, unit, ordered, capacity, full }] }] }
 * Places taken are counted as the checkout counts them (delivery_booking); a product's units (grams
 * when sold by weight, pieces otherwise) as kitchen_full counts them, cancelled orders left out.
 * Products listed: every one with a kitchen capacity, and any other ordered that day. Read-only.
 * 400 invalid_data with the sentence for a bad `days`.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const asked = parseLoadDays(req.query.days)
  if ("problem" in asked) {
    res.status(400).json(refusal("invalid_data", asked.problem))
    return
  }
  res.setHeader("Cache-Control", "no-store")
  res.json(await deliveryLoad(req.scope, asked.days))
}
