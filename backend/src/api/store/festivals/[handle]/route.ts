import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refusal } from "@sweetshop/shop-contracts"
import { findFestival, storeFestivals } from "../../../../lib/flows/festivals"

/**
 * GET /store/festivals/:handle: one active festival, as GET /store/festivals lists them
 * (its page stays readable after its last day). 200 { festival }; 404 festival_not_found.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const festival = await findFestival(req.scope, String(req.params.handle))
  if (!festival) {
    res.status(404).json(refusal("festival_not_found", "There is no such festival.", "not_found"))
    return
  }
  const [view] = await storeFestivals(req.scope, [festival])
  res.setHeader("Cache-Control", "no-store")
  res.json({ festival: view })
}
