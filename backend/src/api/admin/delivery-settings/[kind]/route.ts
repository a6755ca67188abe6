import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refusal } from "@sweetshop/shop-contracts"
import { firstProblem } from "../../../../lib/rules/delivery-settings-input"
import { KINDS } from "./kinds"

/**
 * POST /admin/delivery-settings/:kind (areas, slots, closed-days, lead-times): adds one.
 * 200 { <kind>: row }; 400 invalid_data with the sentence; 404 for another kind.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const kind = KINDS[String(req.params.kind)]
  if (!kind) {
    res.status(404).json(refusal("invalid_data", "There is no such delivery setting: use areas, slots, closed-days or lead-times.", "not_found"))
    return
  }
  const parsed = kind.schema.safeParse(req.body ?? {})
  if (!parsed.success) {
    res.status(400).json(refusal("invalid_data", firstProblem(parsed.error)))
    return
  }
  const problem = await checkRow(req, kind, parsed.data, null)
  if (problem) {
    res.status(400).json(refusal("invalid_data", problem))
    return
  }
  const row = await kind.create(req.scope, parsed.data)
  res.json({ [String(req.params.kind)]: row })
}

/** A second row with the same unique key, or a lead time for a product that does not exist: the sentence, else null. */
export async function checkRow(req: MedusaRequest, kind: (typeof KINDS)[string], data: any, id: string | null): Promise<string | null> {
  if (kind.unique) {
    const same = await kind.list(req.scope, kind.unique.of(data))
    if (same.some((row) => row.id !== id)) return kind.unique.sentence(data)
  }
  if (typeof data.product_id === "string") {
    const { data: products } = await req.scope.resolve("query").graph({ entity: "product", fields: ["id"], filters: { id: data.product_id } })
    if (!products.length) return `There is no product ${data.product_id}.`
  }
  return null
}
