import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refusal } from "@sweetshop/shop-contracts"
import { firstProblem } from "../../../../../lib/rules/delivery-settings-input"
import { announceChange, KINDS } from "../kinds"
import { checkRow } from "../route"

async function found(req: MedusaRequest, res: MedusaResponse) {
  const kind = KINDS[String(req.params.kind)]
  const row = kind ? (await kind.list(req.scope, { id: String(req.params.id) }))[0] : undefined
  if (!kind || !row) {
    res.status(404).json(refusal("invalid_data", "There is no such delivery setting.", "not_found"))
    return null
  }
  return { kind, row }
}

/** GET /admin/delivery-settings/:kind/:id. 200 { <kind>: row }; 404 when there is none. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const it = await found(req, res)
  if (!it) return
  res.json({ [String(req.params.kind)]: it.row })
}

/** POST /admin/delivery-settings/:kind/:id: changes the fields sent; the whole row must still hold. 200 { <kind>: row }. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const it = await found(req, res)
  if (!it) return
  const body = (req.body ?? {}) as Record<string, unknown>
  const merged = Object.fromEntries(it.kind.fields.map((f) => [f, f in body ? body[f] : it.row[f]]).filter(([, v]) => v !== undefined))
  for (const key of Object.keys(body)) if (!it.kind.fields.includes(key)) merged[key] = body[key]
  const parsed = it.kind.schema.safeParse(merged)
  if (!parsed.success) {
    res.status(400).json(refusal("invalid_data", firstProblem(parsed.error)))
    return
  }
  const problem = await checkRow(req, it.kind, parsed.data, it.row.id)
  if (problem) {
    res.status(400).json(refusal("invalid_data", problem))
    return
  }
  const row = await it.kind.update(req.scope, it.row.id, parsed.data)
  await announceChange(req.scope, it.kind, it.row.id)
  res.json({ [String(req.params.kind)]: row })
}

/** DELETE /admin/delivery-settings/:kind/:id. 200 { id, deleted: true }. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const it = await found(req, res)
  if (!it) return
  await it.kind.remove(req.scope, it.row.id)
  await announceChange(req.scope, it.kind, it.row.id)
  res.json({ id: it.row.id, deleted: true })
}
