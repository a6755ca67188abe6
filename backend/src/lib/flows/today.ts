import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { unitOf } from "@sweetshop/shop-contracts"

/**
 * What staff look at first in the morning (the admin's "Today" page, GET /admin/today): orders and
 * revenue today and this week (India time, weeks from Monday), orders per hour today, failed
 * messages, pools at or below their low-stock threshold.
 */
export const SHOP_TIME_ZONE = "Asia/Kolkata"
const IST_OFFSET_MS = 5.5 * 3600_000

/** Midnight today and the Monday of this week in India, as instants. */
export function shopDayBounds(now = new Date()) {
  const local = new Date(now.getTime() + IST_OFFSET_MS)
  const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - IST_OFFSET_MS
  const weekday = (local.getUTCDay() + 6) % 7 // Monday 0
  return { today: new Date(dayStart), week: new Date(dayStart - weekday * 24 * 3600_000) }
}

/** The hour of the day (0–23) in India. */
export const shopHour = (at: Date) => new Date(at.getTime() + IST_OFFSET_MS).getUTCHours()

export type TodayReport = {
  generated_at: string
  today: { orders: number; revenue: number }
  week: { orders: number; revenue: number }
  currency_code: string
  orders_per_hour: number[]
  failed_messages: { count: number; latest: { id: string; channel: string; template: string; order_id: string | null; at: string }[] }
  low_pools: { product_id: string; title: string; available_units: number; threshold_units: number; unit: string }[]
}

export async function todayReport(container: MedusaContainer, now = new Date()): Promise<TodayReport> {
  const { today, week } = shopDayBounds(now)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "created_at", "status", "currency_code", "payment_collections.amount"],
    filters: { created_at: { $gte: week } } as any,
  })
  const live = (orders as any[]).filter((o) => o.status !== "canceled")
  const amountOf = (o: any) => (o.payment_collections ?? []).reduce((sum: number, pc: any) => sum + Number(pc?.amount ?? 0), 0)
  const todays = live.filter((o) => new Date(o.created_at) >= today)
  const perHour = Array.from({ length: 24 }, () => 0)
  for (const order of todays) perHour[shopHour(new Date(order.created_at))] += 1

  const notifications = container.resolve(Modules.NOTIFICATION)
  const [failed, failedCount] = await notifications.listAndCountNotifications({ status: "failure" } as any, { take: 10, order: { created_at: "DESC" } })

  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  let low: any[] = []
  try {
    low = (
      await pg.raw(`select distinct on (s.product_id) s.product_id, p.title, p.metadata, (l.stocked_quantity - l.reserved_quantity)::float as available, s.low_stock_threshold_units as threshold
          from pool_setting s
          join product p on p.id = s.product_id and p.deleted_at is null
          join product_variant v on v.product_id = p.id and v.deleted_at is null
          join product_variant_inventory_item pv on pv.variant_id = v.id and pv.deleted_at is null
          join inventory_item i on i.id = pv.inventory_item_id and i.sku like 'POOL-%' and i.deleted_at is null
          join inventory_level l on l.inventory_item_id = i.id and l.deleted_at is null
         where s.deleted_at is null and s.low_stock_threshold_units is not null
           and l.stocked_quantity - l.reserved_quantity <= s.low_stock_threshold_units
         order by s.product_id`)
    ).rows
  } catch {
    low = [] // the gram-inventory plugin is off (GRAM_POOL_CHECKS=false): no pools to report
  }

  return {
    generated_at: now.toISOString(),
    today: { orders: todays.length, revenue: todays.reduce((sum, o) => sum + amountOf(o), 0) },
    week: { orders: live.length, revenue: live.reduce((sum, o) => sum + amountOf(o), 0) },
    currency_code: (live[0]?.currency_code as string) ?? "inr",
    orders_per_hour: perHour,
    failed_messages: {
      count: failedCount,
      latest: (failed as any[]).map((n) => ({
        id: n.id,
        channel: n.channel,
        template: n.template,
        order_id: n.resource_type === "order" ? (n.resource_id ?? null) : null,
        at: new Date(n.created_at).toISOString(),
      })),
    },
    low_pools: low.map((r) => ({
      product_id: r.product_id,
      title: r.title,
      available_units: Number(r.available),
      threshold_units: Number(r.threshold),
      unit: unitOf(r.metadata),
    })),
  }
}
