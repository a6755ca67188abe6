import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deliverySettings } from "../../../lib/flows/delivery-settings"

/**
 * GET /admin/delivery-settings: everything staff edit on the Delivery settings page:
 * { areas, slots, pickup_hours, closed_days, lead_times, festivals } (lead times with their product's title and handle).
 * Changes: POST /admin/delivery-settings/:kind (create; lead-times: set for a product),
 * POST /admin/delivery-settings/:kind/:id (change), DELETE /admin/delivery-settings/:kind/:id,
 * kind being areas, slots, pickup-hours, closed-days, lead-times or festivals (GET /admin/delivery-settings/:kind lists one kind). They hold at once (nothing is cached).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const service = deliverySettings(req.scope)
  const [areas, slots, pickup_hours, closed_days, leads, festivals] = await Promise.all([
    service.listDeliveryAreas({}, { order: { created_at: "ASC" } }),
    service.listDeliverySlots({}, { order: { weekday: "ASC", starts_at: "ASC" } }),
    service.listPickupHours({}, { order: { weekday: "ASC" } }),
    service.listClosedDays({}, { order: { day: "ASC" } }),
    service.listProductLeadTimes({}, { order: { created_at: "ASC" } }),
    service.listFestivals({}, { order: { created_at: "ASC" } }),
  ])
  const query = req.scope.resolve("query")
  const { data: products } = leads.length
    ? await query.graph({ entity: "product", fields: ["id", "title", "handle"], filters: { id: leads.map((l: any) => l.product_id) } })
    : { data: [] as any[] }
  const byId = new Map(products.map((p: any) => [p.id, p]))
  const lead_times = leads.map((l: any) => ({ ...l, product_title: byId.get(l.product_id)?.title ?? null, product_handle: byId.get(l.product_id)?.handle ?? null }))
  res.json({ areas, slots, pickup_hours, closed_days, lead_times, festivals })
}
