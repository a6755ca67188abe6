import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { dayLabel, FESTIVAL_KEY, unitOf } from "@sweetshop/shop-contracts"
import { lifecycleService } from "./shop-orders"
import { STATUS_LABELS, type ShopStatus } from "./shop-status"

/**
 * The kitchen sheet for one day: what to make for the orders staff have
 * confirmed (and those already being prepared), product by product, in grams
 * or pieces, and the orders with their items.
 *
 * A variant's grams (or pieces) are its inventory-kit link to its product's
 * pool (`required_quantity`, kept by the gram-inventory plugin); a variant with
 * no pool counts as pieces of one each.
 */

export const KITCHEN_STATUSES: ShopStatus[] = ["confirmed", "preparing"]

export type KitchenSheet = {
  date: string
  /** The festival the sheet is limited to (its handle), or null for every order of the day. */
  festival: string | null
  statuses: ShopStatus[]
  products: { product_id: string | null; title: string; unit: "grams" | "pieces"; total_units: number; order_count: number }[]
  orders: {
    order_id: string
    order_number: number
    status: ShopStatus
    status_label: string
    fulfillment_kind: string
    delivery_slot: string | null
    /** The slot as the shopper chose it ("Evening, 4–7 pm"), when the checkout kept it. */
    delivery_slot_label: string | null
    /** Written on the box's card: the kitchen sees it with the order. */
    gift_message: string | null
    /** The festival this order is a pre-order for (its handle), or null. */
    festival: string | null
    items: { title: string; variant_title: string | null; quantity: number; units: number; unit: "grams" | "pieces" }[]
  }[]
}

type ShopOrderRow = { order_id: string; display_id: number; status: string; fulfillment_kind: string; delivery_date: string; delivery_slot: string | null }

/** The kitchen's orders (confirmed, preparing) for these days, of one festival when named (its pre-orders, metadata.festival). */
async function kitchenRows(container: MedusaContainer, days: string[], festival?: string): Promise<ShopOrderRow[]> {
  const filters: Record<string, unknown> = { delivery_date: days, status: KITCHEN_STATUSES }
  if (festival) filters.festival = festival
  return (await lifecycleService(container).listShopOrders(filters, { order: { display_id: "ASC" }, take: 5000 })) as ShopOrderRow[]
}

/** Products and orders of a set of shop rows: the orders' items read through Query, measured in grams or pieces. */
async function sheetOf(container: MedusaContainer, rows: ShopOrderRow[]): Promise<Pick<KitchenSheet, "products" | "orders">> {
  if (!rows.length) return { products: [], orders: [] }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    // Medusa fills items.quantity from the order's items detail: ask for the whole item.
    fields: ["id", "metadata", "items.*"],
    filters: { id: rows.map((r) => r.order_id) },
  })
  const variantIds = [...new Set(orders.flatMap((o: any) => (o.items ?? []).map((i: any) => i?.variant_id)).filter(Boolean))]
  const { data: variants } = variantIds.length
    ? await query.graph({
        entity: "product_variant",
        fields: ["id", "product.id", "product.metadata", "inventory_items.required_quantity", "inventory_items.inventory.sku"],
        filters: { id: variantIds },
      })
    : { data: [] as any[] }
  const measure = new Map<string, { units: number; unit: "grams" | "pieces" }>()
  for (const v of variants as any[]) {
    const link = (v.inventory_items ?? []).find((l: any) => String(l?.inventory?.sku ?? "").startsWith("POOL-"))
    measure.set(v.id, {
      units: link ? Number(link.required_quantity) : 1,
      unit: link ? unitOf(v.product?.metadata) : "pieces",
    })
  }

  const byOrder = new Map(orders.map((o: any) => [o.id, o]))
  const products = new Map<string, KitchenSheet["products"][number]>()
  const sheetOrders: KitchenSheet["orders"] = []
  for (const row of rows) {
    const order = byOrder.get(row.order_id) as any
    const items = ((order?.items ?? []) as any[]).filter(Boolean).map((item) => {
      const m = measure.get(item.variant_id) ?? { units: 1, unit: "pieces" as const }
      const quantity = Number(item.quantity)
      const key = item.product_id ?? item.product_title
      const product = products.get(key) ?? { product_id: item.product_id ?? null, title: item.product_title, unit: m.unit, total_units: 0, order_count: 0 }
      product.total_units += quantity * m.units
      products.set(key, product)
      return { title: item.product_title, variant_title: item.variant_title ?? null, quantity, units: quantity * m.units, unit: m.unit }
    })
    for (const key of new Set(((order?.items ?? []) as any[]).filter(Boolean).map((i) => i.product_id ?? i.product_title))) {
      products.get(key)!.order_count += 1
    }
    sheetOrders.push({
      order_id: row.order_id,
      order_number: row.display_id,
      status: row.status as ShopStatus,
      status_label: STATUS_LABELS[row.status as ShopStatus],
      fulfillment_kind: row.fulfillment_kind,
      delivery_slot: row.delivery_slot,
      delivery_slot_label: textOf(order?.metadata?.delivery_slot_label),
      gift_message: textOf(order?.metadata?.gift_message),
      festival: textOf(order?.metadata?.[FESTIVAL_KEY]),
      items,
    })
  }
  return { products: [...products.values()].sort((a, b) => a.title.localeCompare(b.title)), orders: sheetOrders }
}

/** The kitchen sheet of a day; with a festival's handle, of that festival's pre-orders only. */
export async function kitchenSheet(container: MedusaContainer, date: string, festival?: string): Promise<KitchenSheet> {
  const sheet = await sheetOf(container, await kitchenRows(container, [date], festival))
  return { date, festival: festival ?? null, statuses: KITCHEN_STATUSES, ...sheet }
}

export type KitchenAhead = {
  from: string
  festival: string | null
  statuses: ShopStatus[]
  days: { date: string; label: string; order_count: number; products: KitchenSheet["products"] }[]
}

/** The day `n` days after a YYYY-MM-DD day. */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/**
 * What to make per day ahead: for each of `days` days from `from`, the kitchen sheet's products
 * (grams or pieces per product) and how many orders ask for them; counted as the kitchen sheet
 * counts (confirmed and preparing orders, not those still "placed"), of one festival when named.
 */
export async function kitchenAhead(container: MedusaContainer, from: string, days: number, festival?: string): Promise<KitchenAhead> {
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i))
  const rows = await kitchenRows(container, dates, festival)
  const sheets = await Promise.all(dates.map((date) => sheetOf(container, rows.filter((r) => r.delivery_date === date))))
  return {
    from,
    festival: festival ?? null,
    statuses: KITCHEN_STATUSES,
    days: dates.map((date, i) => ({ date, label: dayLabel(date), order_count: sheets[i].orders.length, products: sheets[i].products })),
  }
}

function textOf(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null
}
