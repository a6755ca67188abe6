import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { unitOf } from "@sweetshop/shop-contracts"
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
    items: { title: string; variant_title: string | null; quantity: number; units: number; unit: "grams" | "pieces" }[]
  }[]
}

export async function kitchenSheet(container: MedusaContainer, date: string): Promise<KitchenSheet> {
  const rows = await lifecycleService(container).listShopOrders(
    { delivery_date: date, status: KITCHEN_STATUSES },
    { order: { display_id: "ASC" }, take: 5000 }
  )
  if (!rows.length) return { date, statuses: KITCHEN_STATUSES, products: [], orders: [] }

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
      items,
    })
  }
  return {
    date,
    statuses: KITCHEN_STATUSES,
    products: [...products.values()].sort((a, b) => a.title.localeCompare(b.title)),
    orders: sheetOrders,
  }
}

function textOf(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null
}
