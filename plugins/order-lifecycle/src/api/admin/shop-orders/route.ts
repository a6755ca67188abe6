import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checked, listSchema } from "../../../lib/inputs"
import { mobileDigits } from "../../../lib/masking"
import { lifecycleService } from "../../../lib/shop-orders"
import { STATUS_LABELS, type ShopStatus } from "../../../lib/shop-status"
import { type RupeeAmount, toPaise } from "@sweetshop/shop-contracts"

/**
 * GET /admin/shop-orders?status=&payment_mode=&delivery_date=&festival=&q=&limit=&offset=
 * The shop's orders, newest first; festival=<handle>: only that festival's pre-orders. q finds an order number ("1042", "#1042")
 * or a phone number as staff type it ("98765 43210").
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const input = checked(listSchema, req.query)
  const filters: Record<string, unknown> = {}
  if (input.status) filters.status = input.status
  if (input.payment_mode) filters.payment_mode = input.payment_mode
  if (input.delivery_date) filters.delivery_date = input.delivery_date
  if (input.festival) filters.festival = input.festival
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
  const details = await orderDetails(req, rows.map((r: any) => r.order_id))
  res.json({
    shop_orders: rows.map((r: any) => ({ ...r, status_label: STATUS_LABELS[r.status as ShopStatus], ...details.get(r.order_id) })),
    count,
    limit: input.limit,
    offset: input.offset,
  })
}

/**
 * What staff read on the list beside the shop's row: the customer's name, the total in
 * paise, the items in one line, the slot as the shopper chose it and the gift message
 * (one query for the page's orders).
 */
async function orderDetails(req: AuthenticatedMedusaRequest, orderIds: string[]) {
  const details = new Map<string, Record<string, unknown>>()
  if (!orderIds.length) return details
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "created_at", "total", "metadata", "shipping_address.first_name", "shipping_address.last_name", "items.*"],
    filters: { id: orderIds },
  })
  for (const order of data as any[]) {
    const address = order.shipping_address ?? {}
    const items = ((order.items ?? []) as any[]).filter(Boolean)
    details.set(order.id, {
      customer_name: [address.first_name, address.last_name].filter(Boolean).join(" ") || null,
      total_paise: toPaise((order.total ?? 0) as RupeeAmount) ?? 0,
      items_summary: items.map((i) => `${Number(i.quantity)} × ${i.product_title}${i.variant_title ? ` ${i.variant_title}` : ""}`).join(", "),
      item_count: items.reduce((n, i) => n + Number(i.quantity), 0),
      delivery_slot_label: typeof order.metadata?.delivery_slot_label === "string" ? order.metadata.delivery_slot_label : null,
      gift_message: typeof order.metadata?.gift_message === "string" && order.metadata.gift_message.trim() ? order.metadata.gift_message : null,
      placed_at: order.created_at ?? null,
    })
  }
  return details
}
