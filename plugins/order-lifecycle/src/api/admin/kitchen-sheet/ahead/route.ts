import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checked, kitchenAheadSchema } from "../../../../lib/inputs"
import { kitchenAhead } from "../../../../lib/kitchen-sheet"
import { indiaDate } from "../../../../lib/shop-orders"

/**
 * GET /admin/kitchen-sheet/ahead?from=YYYY-MM-DD&days=7[&festival=<handle>] — what to make per day
 * ahead: { kitchen_ahead: { from, festival, statuses, days: [{ date, label, order_count,
 * products: [{ product_id, title, unit, total_units, order_count }] }] } }, counted as the kitchen
 * sheet counts (confirmed and preparing orders). from: today in India when not given; days 1–14, 7
 * when not given. 400 invalid_data for bad input.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { from, days, festival } = checked(kitchenAheadSchema, req.query)
  res.json({ kitchen_ahead: await kitchenAhead(req.scope, from ?? indiaDate(new Date()), days, festival) })
}
