import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checked, kitchenSchema } from "../../../lib/inputs"
import { kitchenSheet } from "../../../lib/kitchen-sheet"

/**
 * GET /admin/kitchen-sheet?date=YYYY-MM-DD[&festival=<handle>] — what to make that day, per product
 * in grams or pieces, and the orders; with festival, that festival's pre-orders only.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { date, festival } = checked(kitchenSchema, req.query)
  res.json({ kitchen_sheet: await kitchenSheet(req.scope, date, festival) })
}
