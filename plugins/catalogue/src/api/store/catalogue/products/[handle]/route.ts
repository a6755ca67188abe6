import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answer, catalogueFor } from "../../../../../lib/catalogue-cache"
import { salesChannelsOf, sendCatalogue } from "../../../../../lib/http"

/** GET /store/catalogue/products/:handle — one product with prices in paise and live pool stock. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const handle = String(req.params.handle ?? "")
  const regionId = typeof req.query.region_id === "string" ? req.query.region_id : undefined
  const catalogue = await catalogueFor(req.scope, { salesChannelIds: salesChannelsOf(req), regionId })
  const product = catalogue.byHandle.get(handle)
  if (!product) {
    res.status(404).json({ type: "not_found", message: "We could not find that sweet. It may have been renamed or taken off the menu." })
    return
  }
  sendCatalogue(req, res, answer(catalogue, `product:${handle}`, () => ({ product })))
}
