import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { FestivalFilter } from "../../components/festival-filter"
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

/** GET /admin/kitchen-sheet/ahead: what to make on each of the next days, by product. */
type Ahead = {
  from: string
  days: { date: string; label: string; order_count: number; products: { product_id: string | null; title: string; unit: "grams" | "pieces"; total_units: number }[] }[]
}

const AHEAD_DAYS = 7

/**
 * What the kitchen makes on a day, across confirmed orders, by product; then each order. Printable.
 * A festival chosen: only that festival's pre-orders. Below, the next seven days from the chosen
 * day, grams or pieces per sweet per day, so the kitchen can plan a festival's rush ahead.
 */
const KitchenSheetPage = () => {
  const [date, setDate] = useState(indiaToday())
  const [festival, setFestival] = useState("")
  const [sheet, setSheet] = useState<Sheet | null>(null)
  const [ahead, setAhead] = useState<Ahead | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    // Only the answer for the day and festival now chosen is shown: an earlier, slower answer is dropped.
    let current = true
    const only = festival ? `&festival=${encodeURIComponent(festival)}` : ""
    Promise.all([
      shopApi<{ kitchen_sheet: Sheet }>(`/admin/kitchen-sheet?date=${encodeURIComponent(date)}${only}`),
      shopApi<{ kitchen_ahead: Ahead }>(`/admin/kitchen-sheet/ahead?from=${encodeURIComponent(date)}&days=${AHEAD_DAYS}${only}`),
    ])
      .then(([{ kitchen_sheet }, { kitchen_ahead }]) => {
        if (!current) return
        setSheet(kitchen_sheet)
        setAhead(kitchen_ahead)
        setProblem(null)
      })
      .catch((error: Error) => current && setProblem(error.message))
    return () => {
      current = false
    }
  }, [date, festival])

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
          <FestivalFilter id="ks-festival" value={festival} onChange={setFestival} />
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
      {ahead && <AheadTable ahead={ahead} />}
    </Container>
  )
}

/** The next days side by side: orders per day, then each sweet's grams or pieces per day. */
const AheadTable = ({ ahead }: { ahead: Ahead }) => {
  const sweets = new Map<string, { title: string; unit: "grams" | "pieces" }>()
  for (const day of ahead.days) for (const p of day.products) sweets.set(p.product_id ?? p.title, { title: p.title, unit: p.unit })
  const rows = [...sweets.entries()].sort((a, b) => a[1].title.localeCompare(b[1].title))
  return (
    <div className="print-hidden" id="kitchen-ahead">
      <div className="px-6 py-4">
        <Heading level="h2">Next {ahead.days.length} days</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          What to make each day from {humanDay(ahead.from)}, across the orders the kitchen sheet counts.
        </Text>
      </div>
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Sweet</Table.HeaderCell>
              {ahead.days.map((d) => (
                <Table.HeaderCell key={d.date} className="text-right">
                  {humanDay(d.date)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            <Table.Row>
              <Table.Cell className="text-ui-fg-subtle">Orders</Table.Cell>
              {ahead.days.map((d) => (
                <Table.Cell key={d.date} className="text-right text-ui-fg-subtle">
                  {d.order_count}
                </Table.Cell>
              ))}
            </Table.Row>
            {rows.map(([key, sweet]) => (
              <Table.Row key={key}>
                <Table.Cell>{sweet.title}</Table.Cell>
                {ahead.days.map((d) => {
                  const made = d.products.find((p) => (p.product_id ?? p.title) === key)
                  return (
                    <Table.Cell key={d.date} className="text-right font-medium">
                      {made ? units(made.total_units, made.unit) : "–"}
                    </Table.Cell>
                  )
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {rows.length === 0 && (
          <Text size="small" className="px-6 py-4">
            Nothing confirmed for these days yet.
          </Text>
        )}
      </div>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Kitchen sheet", icon: DocumentText })

export default KitchenSheetPage
