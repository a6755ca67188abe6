import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "zod"
import { productAvailability } from "../../../lib/pool-check"

const querySchema = z.object({
  product_id: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((id) => id.trim()).filter(Boolean))
    .refine((ids) => ids.length > 0 && ids.length <= 100, { message: "give between 1 and 100 product ids" }),
})

/**
 * GET /store/product-pools?product_id=prod_1&product_id=prod_2
 * The grams (or pieces) each product has left, and how many of each variant can be bought now.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = querySchema.safeParse(req.query)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `product_id: ${parsed.error.issues[0].message}.`)
  }
  const salesChannelId = (req as any).publishable_key_context?.sales_channel_ids?.[0] ?? null
  const pools = await productAvailability(req.scope, parsed.data.product_id, salesChannelId)
  res.json({ product_pools: pools })
}
