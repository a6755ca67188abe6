import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answer, catalogueFor } from "../../../../lib/catalogue-cache"
import { select } from "../../../../lib/catalogue-view"
import { salesChannelsOf, sendCatalogue } from "../../../../lib/http"
import { readListing } from "../../../../lib/inputs"

/**
 * GET /store/catalogue/products?category=&q=&sort=featured|price-asc|price-desc|name&in_stock=&limit=&offset=
 * Products of the key's sales channel with prices in paise and live pool stock,
 * no more than about a second old.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const input = readListing(req.query)
  const catalogue = await catalogueFor(req.scope, { salesChannelIds: salesChannelsOf(req), regionId: input.region_id })
  const key = JSON.stringify(["list", input.category, input.q?.toLowerCase(), input.sort, input.in_stock, input.limit, input.offset])
  const made = answer(catalogue, key, () => {
    const { products, count } = select(catalogue.withStock, {
      category: input.category,
      q: input.q,
      sort: input.sort,
      in_stock: input.in_stock === "true",
      limit: input.limit,
      offset: input.offset,
    })
    return { products, count, limit: input.limit, offset: input.offset }
  })
  sendCatalogue(req, res, made)
}
