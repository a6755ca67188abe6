import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { humanDay } from "../../lib/order-display"
import { indiaToday, shopApi, units } from "../../lib/shop-api"

/**
 * On paper: only the sheet (the admin's sidebar and top bar are hidden), black on white,
 * no order split across pages, and each gift message boxed so the packer sees it.
 */
const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 12mm; }
  body * { visibility: hidden; }
  #kitchen-sheet, #kitchen-sheet * { visibility: visible; }
  #kitchen-sheet { position: absolute; inset: 0 auto auto 0; width: 100%; box-shadow: none; border: 0; }
  #kitchen-sheet .print-hidden { display: none !important; }
  #kitchen-sheet * { color: #000 !important; background: #fff !important; }
  #kitchen-sheet .kitchen-order { break-inside: avoid; }
  #kitchen-sheet .gift { border: 1.5px dashed #000 !important; padding: 4px 8px; margin-top: 4px; }
}`

type Sheet = {
  date: string
  products: { product_id: string | null; title: string; unit: "grams" | "pieces"; total_units: number; order_count: number }[]
  orders: {
    order_id: string
    order_number: number
    status_label: string
    fulfillment_kind: string
    delivery_slot: string | null
    delivery_slot_label?: string | null
    gift_message?: string | null
    items: { title: string; variant_title: string | null; quantity: number; units: number; unit: "grams" | "pieces" }[]
  }[]
}

/** What the kitchen makes on a day, across confirmed orders, by product; then each order. Printable. */
const KitchenSheetPage = () => {
  const [date, setDate] = useState(indiaToday())
  const [sheet, setSheet] = useState<Sheet | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    shopApi<{ kitchen_sheet: Sheet }>(`/admin/kitchen-sheet?date=${encodeURIComponent(date)}`)
      .then(({ kitchen_sheet }) => {
        setSheet(kitchen_sheet)
        setProblem(null)
      })
      .catch((error: Error) => setProblem(error.message))
  }, [date])

  return (
    <Container className="divide-y p-0" id="kitchen-sheet">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Kitchen sheet</Heading>
          <Text size="small" className="text-ui-fg-subtle">Confirmed orders and those being prepared, for the day they are due.</Text>
        </div>
        <div className="print-hidden flex items-end gap-2 print:hidden">
          <div className="flex flex-col gap-1">
            <Label htmlFor="ks-day" size="small">Day</Label>
            <Input id="ks-day" size="small" type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
          </div>
          <Button size="small" variant="secondary" onClick={() => window.print()}>Print</Button>
        </div>
      </div>
      {problem && <Text className="px-6 py-4 text-ui-fg-error" size="small">{problem}</Text>}
      {sheet && (
        <>
          <div className="px-6 py-4">
            <Heading level="h2">To make on {humanDay(sheet.date)}</Heading>
            {sheet.products.length === 0 && <Text size="small">Nothing confirmed for this day yet.</Text>}
          </div>
          {sheet.products.length > 0 && (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Sweet</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {sheet.products.map((p) => (
                  <Table.Row key={p.product_id ?? p.title}>
                    <Table.Cell>{p.title}</Table.Cell>
                    <Table.Cell className="text-right font-medium">{units(p.total_units, p.unit)}</Table.Cell>
                    <Table.Cell className="text-right">{p.order_count}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {sheet.orders.map((o) => (
            <div key={o.order_id} className="kitchen-order break-inside-avoid px-6 py-3">
              <Text size="small" weight="plus">
                #{o.order_number} · {o.status_label} · {o.fulfillment_kind === "pickup" ? "Pickup" : "Delivery"}
                {o.delivery_slot_label ?? o.delivery_slot ? ` · ${o.delivery_slot_label ?? o.delivery_slot}` : ""}
              </Text>
              <ul className="ml-4 list-disc">
                {o.items.map((item, i) => (
                  <li key={i}>
                    <Text size="small">
                      {item.quantity} × {item.title}
                      {item.variant_title ? ` ${item.variant_title}` : ""} = {units(item.units, item.unit)}
                    </Text>
                  </li>
                ))}
              </ul>
              {o.gift_message && (
                <Text size="small" className="gift mt-1 whitespace-pre-wrap rounded-md bg-ui-bg-subtle p-2" lang={/[\u0900-\u097F]/.test(o.gift_message) ? "hi" : undefined}>
                  Gift message: “{o.gift_message}”
                </Text>
              )}
            </div>
          ))}
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Kitchen sheet", icon: DocumentText })

export default KitchenSheetPage
