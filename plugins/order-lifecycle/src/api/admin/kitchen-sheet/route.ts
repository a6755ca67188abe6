import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checked, kitchenSchema } from "../../../lib/inputs"
import { kitchenSheet } from "../../../lib/kitchen-sheet"

/** GET /admin/kitchen-sheet?date=YYYY-MM-DD — what to make that day, per product in grams or pieces, and the orders. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { date } = checked(kitchenSchema, req.query)
  res.json({ kitchen_sheet: await kitchenSheet(req.scope, date) })
}
