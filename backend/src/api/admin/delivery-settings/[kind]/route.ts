import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refusal } from "@sweetshop/shop-contracts"
import { firstProblem } from "../../../../lib/rules/delivery-settings-input"
import { announceChange, KINDS } from "./kinds"

function kindOf(req: MedusaRequest, res: MedusaResponse) {
  const kind = KINDS[String(req.params.kind)]
  if (!kind) res.status(404).json(refusal("invalid_data", `There is no such delivery setting: use ${Object.keys(KINDS).join(", ")}.`, "not_found"))
  return kind
}

/** GET /admin/delivery-settings/:kind: all of one kind, oldest first. 200 { <kind>: [rows] }; 404 for another kind. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const kind = kindOf(req, res)
  if (!kind) return
  res.json({ [String(req.params.kind)]: await kind.list(req.scope, {}) })
}

/**
 * POST /admin/delivery-settings/:kind (areas, slots, pickup-hours, closed-days, lead-times, festivals): adds one.
 * 200 { <kind>: row }; 400 invalid_data with the sentence; 404 for another kind.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const kind = kindOf(req, res)
  if (!kind) return
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
  await announceChange(req.scope, kind, row.id)
  res.json({ [String(req.params.kind)]: row })
}

/** A second row with the same unique key, or a lead time or festival naming a product that does not exist: the sentence, else null. */
export async function checkRow(req: MedusaRequest, kind: (typeof KINDS)[string], data: any, id: string | null): Promise<string | null> {
  if (kind.unique) {
    const same = await kind.list(req.scope, kind.unique.of(data))
    if (same.some((row) => row.id !== id)) return kind.unique.sentence(data)
  }
  const named: string[] = typeof data.product_id === "string" ? [data.product_id] : Array.isArray(data.product_ids) ? data.product_ids : []
  if (named.length) {
    const { data: products } = await req.scope.resolve("query").graph({ entity: "product", fields: ["id"], filters: { id: named } })
    const missing = named.find((id) => !products.some((p: any) => p.id === id))
    if (missing) return `There is no product ${missing}.`
  }
  return null
}
