import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checked, listSchema } from "../../../lib/inputs"
import { mobileDigits } from "../../../lib/masking"
import { lifecycleService } from "../../../lib/shop-orders"
import { STATUS_LABELS, type ShopStatus } from "../../../lib/shop-status"

/**
 * GET /admin/shop-orders?status=&payment_mode=&delivery_date=&q=&limit=&offset=
 * The shop's orders, newest first. q finds an order number ("1042", "#1042")
 * or a phone number as staff type it ("98765 43210").
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const input = checked(listSchema, req.query)
  const filters: Record<string, unknown> = {}
  if (input.status) filters.status = input.status
  if (input.payment_mode) filters.payment_mode = input.payment_mode
  if (input.delivery_date) filters.delivery_date = input.delivery_date
  if (input.q) {
    const digits = mobileDigits(input.q)
    const number = /^#?\d{1,9}$/.test(input.q) ? Number(input.q.replace("#", "")) : null
    const either: Record<string, unknown>[] = []
    if (digits) either.push({ phone: `+91${digits}` })
    if (number !== null) either.push({ display_id: number })
    if (!either.length) return res.json({ shop_orders: [], count: 0, limit: input.limit, offset: input.offset })
    filters.$or = either
  }
  const [rows, count] = await lifecycleService(req.scope).listAndCountShopOrders(filters, {
    order: { display_id: "DESC" },
    take: input.limit,
    skip: input.offset,
  })
  res.json({
    shop_orders: rows.map((r: any) => ({ ...r, status_label: STATUS_LABELS[r.status as ShopStatus] })),
    count,
    limit: input.limit,
    offset: input.offset,
  })
}
