import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { giftMessageOf, humanDay, humanMoment, rupees, slotOf } from "../../../lib/order-display"
import { shopApi } from "../../../lib/shop-api"
import { bestBefore, type RupeeAmount, shelfLifeDaysOf, toPaise } from "@sweetshop/shop-contracts"

type Order = {
  id: string
  display_id: number
  created_at: string
  total: number
  metadata: Record<string, unknown> | null
  items: { id: string; product_id: string | null; product_title: string; variant_title: string | null; quantity: number }[]
  shipping_address: { first_name?: string; last_name?: string; address_1?: string; address_2?: string; city?: string; province?: string; postal_code?: string; phone?: string } | null
}
type ShopOrder = { order_number: number; status_label: string; fulfillment_kind: "delivery" | "pickup"; payment_mode: "cod" | "online"; delivery_date: string; delivery_slot: string | null }

const FIELDS = "id,display_id,created_at,total,metadata,*items,*shipping_address"

/** On paper: the slip only, black on white, one A5 page. */
const PRINT_CSS = `
@media print {
  @page { size: A5; margin: 10mm; }
  body * { visibility: hidden; }
  #packing-slip, #packing-slip * { visibility: visible; }
  #packing-slip { position: absolute; inset: 0 auto auto 0; width: 100%; box-shadow: none; border: 0; }
  #packing-slip .print-hidden { display: none !important; }
  #packing-slip * { color: #000 !important; background: #fff !important; }
  #packing-slip .gift { border: 1.5px dashed #000 !important; }
}`

/**
 * /app/packing-slip/:id — what goes in the box with an order: the items with their best-before dates, who it is for,
 * where and when, the gift message, and the cash to collect. Opened from the order's
 * Shop status widget; printable.
 */
const PackingSlipPage = () => {
  const { id } = useParams()
  const [order, setOrder] = useState<Order | null>(null)
  const [shopOrder, setShopOrder] = useState<ShopOrder | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  /** Shelf life in days per product (its metadata), for the best-before date on each line. */
  const [shelfLife, setShelfLife] = useState<Record<string, number | null>>({})

  useEffect(() => {
    if (!id) return
    Promise.all([
      shopApi<{ order: Order }>(`/admin/orders/${encodeURIComponent(id)}?fields=${encodeURIComponent(FIELDS)}`),
      shopApi<{ shop_order: ShopOrder }>(`/admin/shop-orders/${encodeURIComponent(id)}`),
    ])
      .then(async ([a, b]) => {
        setOrder(a.order)
        setShopOrder(b.shop_order)
        const ids = [...new Set(a.order.items.map((item) => item.product_id).filter((id): id is string => !!id))]
        if (!ids.length) return
        const query = ids.map((productId) => `id[]=${encodeURIComponent(productId)}`).join("&")
        const { products } = await shopApi<{ products: { id: string; metadata: Record<string, unknown> | null }[] }>(
          `/admin/products?${query}&fields=id,metadata&limit=${ids.length}`
        )
        setShelfLife(Object.fromEntries(products.map((p) => [p.id, shelfLifeDaysOf(p.metadata)])))
      })
      .catch((error: Error) => setProblem(error.message))
  }, [id])

  if (problem) return <Container><Text className="text-ui-fg-error">{problem}</Text></Container>
  if (!order || !shopOrder) return <Container><Text size="small">Loading the packing slip…</Text></Container>

  const address = order.shipping_address ?? {}
  const name = [address.first_name, address.last_name].filter(Boolean).join(" ")
  const gift = giftMessageOf(order.metadata)
  const totalPaise = toPaise(order.total as RupeeAmount) ?? 0

  return (
    <Container className="divide-y p-0" id="packing-slip" data-testid="packing-slip">
      <style>{PRINT_CSS}</style>
      <div className="flex items-start justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Sweet Shop · order #{order.display_id}</Heading>
          <Text size="small" className="text-ui-fg-subtle">Placed {humanMoment(order.created_at)} · {shopOrder.status_label}</Text>
        </div>
        <div className="print-hidden flex gap-2">
          <Button size="small" variant="secondary" asChild>
            <Link to={`/orders/${order.id}`}>Back to the order</Link>
          </Button>
          <Button size="small" onClick={() => window.print()}>Print</Button>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4 px-6 py-4">
        <div>
          <Text size="small" className="text-ui-fg-subtle">{shopOrder.fulfillment_kind === "pickup" ? "Pickup at the shop" : "Deliver to"}</Text>
          <Text weight="plus">{name}</Text>
          {shopOrder.fulfillment_kind === "delivery" && (
            <Text size="small">
              {[address.address_1, address.address_2, address.city, address.province, address.postal_code].filter(Boolean).join(", ")}
            </Text>
          )}
          <Text size="small">{address.phone ?? ""}</Text>
        </div>
        <div>
          <Text size="small" className="text-ui-fg-subtle">Due</Text>
          <Text weight="plus">{humanDay(shopOrder.delivery_date)}</Text>
          <Text size="small">{slotOf(order.metadata, shopOrder.delivery_slot)}</Text>
        </div>
      </div>
      <div className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">In the box</Text>
        <ul className="ml-4 list-disc">
          {order.items.map((item) => (
            <li key={item.id}>
              <Text size="small">
                {item.quantity} × {item.product_title}
                {item.variant_title ? ` ${item.variant_title}` : ""}
                {(() => {
                  // Made for the day it goes out: best before that day plus the product's shelf life (on the box's label).
                  const date = bestBefore(shopOrder.delivery_date, item.product_id ? shelfLife[item.product_id] : null)
                  return date ? <span data-testid="best-before"> · best before {humanDay(date)}</span> : null
                })()}
              </Text>
            </li>
          ))}
        </ul>
      </div>
      {gift && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">Gift message (write it on the card)</Text>
          <Text className="gift mt-1 whitespace-pre-wrap rounded-md border border-dashed p-3 font-medium" lang={/[\u0900-\u097F]/.test(gift) ? "hi" : undefined}>
            {gift}
          </Text>
        </div>
      )}
      <div className="px-6 py-4">
        <Text weight="plus">
          {shopOrder.payment_mode === "cod" ? `Collect ${rupees(totalPaise)} in cash` : `Paid online: ${rupees(totalPaise)}; collect nothing`}
        </Text>
      </div>
    </Container>
  )
}

export default PackingSlipPage
