import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ListCheckbox } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { FormEvent, useCallback, useEffect, useRef, useState } from "react"
import { Link } from "react-router-dom"
import { FestivalFilter } from "../../components/festival-filter"
import { humanDay, humanMoment, rupees } from "../../lib/order-display"
import { shopApi, STATUS_COLOURS } from "../../lib/shop-api"

type Row = {
  order_id: string
  display_id: number
  status: string
  status_label: string
  fulfillment_kind: string
  payment_mode: string
  phone: string | null
  delivery_date: string
  delivery_slot: string | null
  customer_name?: string | null
  total_paise?: number
  items_summary?: string
  item_count?: number
  delivery_slot_label?: string | null
  gift_message?: string | null
  placed_at?: string | null
  /** The festival a pre-order is for (its handle), when the list gives it. */
  festival?: string | null
}

const STATUSES: [string, string][] = [
  ["placed", "Placed"],
  ["confirmed", "Confirmed"],
  ["preparing", "Being prepared"],
  ["out_for_delivery", "Out for delivery"],
  ["ready_for_pickup", "Ready for pickup"],
  ["delivered", "Delivered"],
  ["picked_up", "Picked up"],
  ["cancelled", "Cancelled"],
]
const PAGE = 20
const ALL = "all"

/** The shop floor's order list: by shop status, payment mode, day and festival; search by phone or order number. */
const ShopOrdersPage = () => {
  const [filters, setFilters] = useState({ status: ALL, payment_mode: ALL, delivery_date: "", festival: "", q: "" })
  const [applied, setApplied] = useState(filters)
  const [offset, setOffset] = useState(0)
  const [rows, setRows] = useState<Row[]>([])
  const [count, setCount] = useState(0)
  const [problem, setProblem] = useState<string | null>(null)

  // Only the latest request's answer is shown: an earlier, slower one (other filters) is dropped.
  const latest = useRef(0)
  const load = useCallback(async () => {
    const asked = ++latest.current
    const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset) })
    for (const [key, value] of Object.entries(applied)) if (value && value !== ALL) params.set(key, value)
    try {
      const data = await shopApi<{ shop_orders: Row[]; count: number }>(`/admin/shop-orders?${params}`)
      if (asked !== latest.current) return
      setRows(data.shop_orders)
      setCount(data.count)
      setProblem(null)
    } catch (error) {
      if (asked === latest.current) setProblem((error as Error).message)
    }
  }, [applied, offset])

  useEffect(() => {
    load()
  }, [load])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setOffset(0)
    setApplied(filters)
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Shop orders</Heading>
        <Text size="small" className="text-ui-fg-subtle">Orders by where they are on the shop floor. Open one to move it on.</Text>
      </div>
      <form onSubmit={submit} className="grid grid-cols-1 gap-3 px-6 py-4 md:grid-cols-6 md:items-end">
        <div className="flex flex-col gap-1">
          <Label htmlFor="so-q" size="small">Phone or order number</Label>
          <Input id="so-q" size="small" placeholder="98765 43210 or 1042" value={filters.q} onChange={(e) => setFilters({ ...filters, q: e.target.value })} />
        </div>
        <div className="flex flex-col gap-1">
          <Label size="small">Status</Label>
          <Select size="small" value={filters.status} onValueChange={(status) => setFilters({ ...filters, status })}>
            <Select.Trigger><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>Any status</Select.Item>
              {STATUSES.map(([value, label]) => (
                <Select.Item key={value} value={value}>{label}</Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label size="small">Payment</Label>
          <Select size="small" value={filters.payment_mode} onValueChange={(payment_mode) => setFilters({ ...filters, payment_mode })}>
            <Select.Trigger><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>Any payment</Select.Item>
              <Select.Item value="cod">Cash on delivery</Select.Item>
              <Select.Item value="online">Online (Razorpay)</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="so-day" size="small">Delivery day</Label>
          <Input id="so-day" size="small" type="date" value={filters.delivery_date} onChange={(e) => setFilters({ ...filters, delivery_date: e.target.value })} />
        </div>
        <FestivalFilter id="so-festival" value={filters.festival} onChange={(festival) => setFilters({ ...filters, festival })} />
        <Button size="small" type="submit">Show orders</Button>
      </form>
      {problem && <Text className="px-6 py-4 text-ui-fg-error" size="small">{problem}</Text>}
      <div className="overflow-x-auto">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell>Items</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Due</Table.HeaderCell>
            <Table.HeaderCell>Way</Table.HeaderCell>
            <Table.HeaderCell>Payment</Table.HeaderCell>
            <Table.HeaderCell>Gift message</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.order_id}>
              <Table.Cell>
                <Link className="text-ui-fg-interactive" to={`/orders/${row.order_id}`}>#{row.display_id}</Link>
                {row.placed_at && <div className="text-ui-fg-subtle txt-compact-xsmall">placed {humanMoment(row.placed_at)}</div>}
              </Table.Cell>
              <Table.Cell>
                <div>{row.customer_name ?? ""}</div>
                <div className="text-ui-fg-subtle txt-compact-xsmall">{row.phone ?? ""}</div>
              </Table.Cell>
              <Table.Cell className="max-w-[260px] whitespace-normal" title={row.items_summary}>{row.items_summary ?? ""}</Table.Cell>
              <Table.Cell className="text-right">{row.total_paise !== undefined ? rupees(row.total_paise) : ""}</Table.Cell>
              <Table.Cell><Badge size="2xsmall" color={STATUS_COLOURS[row.status]}>{row.status_label}</Badge></Table.Cell>
              <Table.Cell>
                <div>{humanDay(row.delivery_date)}</div>
                <div className="text-ui-fg-subtle txt-compact-xsmall">{row.delivery_slot_label ?? row.delivery_slot ?? ""}</div>
                {row.festival && <Badge size="2xsmall" color="orange">Pre-order: {row.festival}</Badge>}
              </Table.Cell>
              <Table.Cell>{row.fulfillment_kind === "pickup" ? "Pickup" : "Delivery"}</Table.Cell>
              <Table.Cell>{row.payment_mode === "cod" ? "Cash on delivery" : "Online"}</Table.Cell>
              <Table.Cell className="max-w-[220px] whitespace-normal">{row.gift_message ?? ""}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      </div>
      {rows.length === 0 && !problem && <Text className="px-6 py-4" size="small">No orders match.</Text>}
      <Table.Pagination
        count={count}
        pageSize={PAGE}
        pageIndex={Math.floor(offset / PAGE)}
        pageCount={Math.max(1, Math.ceil(count / PAGE))}
        canPreviousPage={offset > 0}
        canNextPage={offset + PAGE < count}
        previousPage={() => setOffset(Math.max(0, offset - PAGE))}
        nextPage={() => setOffset(offset + PAGE)}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Shop orders", icon: ListCheckbox })

export default ShopOrdersPage
