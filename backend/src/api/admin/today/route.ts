import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { todayReport } from "../../../lib/flows/today"

/** GET /admin/today: the "Today" page's figures (lib/today.ts), for signed-in staff. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.setHeader("cache-control", "no-store")
  res.json({ today: await todayReport(req.scope) })
}
