import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { catalogueFor, withLiveStock } from "../../../../../../lib/catalogue-cache"
import { salesChannelsOf } from "../../../../../../lib/http"

/**
 * GET /store/catalogue/products/:handle/stock — the product's pool as the
 * database holds it at this moment (never cached): what the storefront's
 * product page asks from the browser beside its cached HTML.
 * { product_id, sold_by, available_units, sold_out, variants: [{ id, buyable_now }] }
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const handle = String(req.params.handle ?? "")
  const regionId = typeof req.query.region_id === "string" ? req.query.region_id : undefined
  const catalogue = await catalogueFor(req.scope, { salesChannelIds: salesChannelsOf(req), regionId })
  const product = await withLiveStock(req.scope, catalogue, handle)
  res.setHeader("Cache-Control", "no-store")
  if (!product) {
    res.status(404).json({ type: "not_found", message: "We could not find that sweet. It may have been renamed or taken off the menu." })
    return
  }
  res.json({
    product_id: product.id,
    sold_by: product.sold_by,
    available_units: product.available_units,
    sold_out: product.sold_out,
    variants: product.variants.map((v) => ({ id: v.id, buyable_now: v.buyable_now })),
  })
}
