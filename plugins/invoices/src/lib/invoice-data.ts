import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEFAULT_HSN, gstState, HSN_PATTERN, toPaise } from "@sweetshop/shop-contracts"
import type { BillLine } from "./gst"

/** Delivery is billed with the sweets it carries (a composite supply at the principal supply's 5 %); its SAC, 9968, is printed. */
export const DELIVERY_SAC = "9968"

export type InvoiceOrder = {
  id: string
  display_id: number
  placed_at: Date
  total_paise: number
  buyer: { name: string; address_lines: string[]; state: string | null; state_code: string | null; phone: string | null }
  lines: BillLine[]
}

type Amount = Parameters<typeof toPaise>[0]

type OrderRow = {
  id: string
  display_id: number
  created_at: string | Date
  total: Amount
  shipping_total: Amount
  items?: { title?: string; product_title?: string | null; variant_title?: string | null; quantity: Amount; total: Amount; product_id?: string | null }[]
  shipping_address?: {
    first_name?: string | null
    last_name?: string | null
    company?: string | null
    address_1?: string | null
    address_2?: string | null
    city?: string | null
    province?: string | null
    postal_code?: string | null
    phone?: string | null
  } | null
  shipping_methods?: { name?: string | null; total: Amount }[]
}

const paise = (amount: Amount) => toPaise(amount) ?? 0

/** What an invoice of the order prints: the buyer, the place of supply and one line per item and the delivery; null for an unknown order. */
export async function loadInvoiceOrder(container: MedusaContainer, orderId: string): Promise<InvoiceOrder | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "created_at",
      "total",
      "shipping_total",
      "items.title",
      "items.product_title",
      "items.variant_title",
      "items.quantity",
      "items.total",
      "items.product_id",
      "shipping_address.*",
      "shipping_methods.name",
      "shipping_methods.total",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as unknown as OrderRow | undefined
  if (!order) return null
  const productIds = [...new Set((order.items ?? []).map((item) => item.product_id).filter((id): id is string => Boolean(id)))]
  const hsnOf = new Map<string, string>()
  if (productIds.length) {
    const { data: products } = await query.graph({ entity: "product", fields: ["id", "metadata"], filters: { id: productIds } })
    for (const product of products as { id: string; metadata?: Record<string, unknown> | null }[]) {
      const hsn = String(product.metadata?.hsn ?? "").trim()
      hsnOf.set(product.id, HSN_PATTERN.test(hsn) ? hsn : DEFAULT_HSN)
    }
  }
  const lines: BillLine[] = (order.items ?? []).map((item) => ({
    description: [item.product_title ?? item.title, item.variant_title].filter(Boolean).join(", "),
    hsn: (item.product_id && hsnOf.get(item.product_id)) || DEFAULT_HSN,
    quantity: Number(String(item.quantity)),
    total_paise: paise(item.total),
  }))
  for (const method of order.shipping_methods ?? []) {
    const amount = paise(method.total)
    if (amount > 0) lines.push({ description: method.name ? `Delivery (${method.name})` : "Delivery", hsn: DELIVERY_SAC, quantity: 1, total_paise: amount })
  }
  const address = order.shipping_address ?? null
  const state = gstState(address?.province ?? null)
  const name = [address?.first_name, address?.last_name].filter(Boolean).join(" ").trim()
  return {
    id: order.id,
    display_id: order.display_id,
    placed_at: new Date(order.created_at),
    total_paise: paise(order.total),
    buyer: {
      name: name || "Customer",
      address_lines: [
        address?.company,
        [address?.address_1, address?.address_2].filter(Boolean).join(", "),
        [address?.city, address?.postal_code].filter(Boolean).join(" "),
      ].filter((line): line is string => Boolean(line && line.trim())),
      state: state?.name ?? (address?.province || null),
      state_code: state?.code ?? null,
      phone: address?.phone ?? null,
    },
    lines,
  }
}
