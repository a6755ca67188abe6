import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refusal } from "@sweetshop/shop-contracts"
import { z } from "zod"
import { cartPlace, listDeliveryDays } from "../../../../../lib/flows/delivery-settings"
import { chooseDraftDelivery, draftDelivery } from "../../../../../lib/flows/draft-delivery"
import { firstProblem } from "../../../../../lib/rules/delivery-settings-input"

/**
 * A staff order's delivery day and slot (../../../../../lib/flows/draft-delivery.ts), for the
 * draft order's admin widget.
 *
 * GET /admin/draft-orders/:id/delivery
 * 200 { delivery: { delivery_date, delivery_slot, delivery_slot_label } (nulls when none),
 *       home_delivery, place: { day, slot_code } | null (the place the draft holds),
 *       lead_hours, days: [as GET /store/delivery/slots, judged for the draft's sweets] }
 *
 * POST /admin/draft-orders/:id/delivery { delivery_date: "2026-12-03", delivery_slot: "morning" }
 * (both null: no day, the draft is not judged and takes no place). Judged now by the checkout's
 * rule (400 with its code: invalid_delivery_day, day_in_past, day_closed, slot_closed, lead_time,
 * kitchen_full); the place is taken when the payment link is sent or the draft converted
 * (slot_full then). 200 { delivery } as GET; 400 invalid_data for a malformed body.
 * 404 draft_order_not_found for an unknown draft or one already an order.
 */

const choiceSchema = z
  .object({
    delivery_date: z.string().max(20, "delivery_date is a day such as 2026-12-03").nullable(),
    delivery_slot: z.string().min(1).max(60, "delivery_slot is a slot's code such as morning").nullable().optional(),
  })
  .strict()

async function openDraft(req: MedusaRequest, res: MedusaResponse) {
  const id = String(req.params.id ?? "")
  const draft = await draftDelivery(req.scope, id)
  if (!draft?.is_draft) {
    res.status(404).json(refusal("draft_order_not_found", `There is no draft order ${id.slice(0, 80)} (it may have become an order).`, "not_found"))
    return undefined
  }
  return draft
}

const deliveryOf = (metadata: Record<string, unknown>) => ({
  delivery_date: (metadata.delivery_date as string) ?? null,
  delivery_slot: (metadata.delivery_slot as string) ?? null,
  delivery_slot_label: (metadata.delivery_slot_label as string) ?? null,
})

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const draft = await openDraft(req, res)
  if (!draft) return
  const [place, listed] = await Promise.all([cartPlace(req.scope, draft.id), listDeliveryDays(req.scope, draft.id)])
  res.setHeader("Cache-Control", "no-store")
  res.json({ delivery: deliveryOf(draft.metadata), home_delivery: draft.home_delivery, place, ...listed })
}

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const parsed = choiceSchema.safeParse(req.body ?? {})
  if (!parsed.success) {
    res.status(400).json(refusal("invalid_data", firstProblem(parsed.error)))
    return
  }
  const draft = await openDraft(req, res)
  if (!draft) return
  const metadata = await chooseDraftDelivery(req.scope, draft, { delivery_date: parsed.data.delivery_date, delivery_slot: parsed.data.delivery_slot ?? null })
  res.json({ delivery: deliveryOf(metadata) })
}
