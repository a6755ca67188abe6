import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { shopApi, STATUS_COLOURS } from "../lib/shop-api"

type ShopOrder = {
  order_number: number
  status: string
  status_label: string
  fulfillment_kind: "delivery" | "pickup"
  payment_mode: "cod" | "online"
  delivery_date: string
  delivery_slot: string | null
  next_statuses: { status: string; label: string }[]
  history: { from_status: string | null; to_status: string; label: string; actor_name: string; note: string | null; at: string }[]
}

const when = (at: string) =>
  new Date(at).toLocaleString("en-IN", { timeZone: "Asia/Kolkata", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })

/** On an order's page: its shop status, one button per next step, and who moved it when. */
const OrderShopStatusWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [shopOrder, setShopOrder] = useState<ShopOrder | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [note, setNote] = useState("")
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setShopOrder((await shopApi<{ shop_order: ShopOrder }>(`/admin/shop-orders/${order.id}`)).shop_order)
      setProblem(null)
    } catch (error) {
      setProblem((error as Error).message)
    }
  }, [order.id])

  useEffect(() => {
    load()
  }, [load])

  const move = async (status: string, label: string) => {
    if (status === "cancelled" && !window.confirm(`Cancel order #${shopOrder?.order_number}? The stock goes back, and an online payment is refunded.`)) return
    setBusy(status)
    try {
      const { shop_order } = await shopApi<{ shop_order: ShopOrder }>(`/admin/shop-orders/${order.id}/status`, {
        method: "POST",
        body: JSON.stringify({ status, ...(note.trim() ? { note: note.trim() } : {}) }),
      })
      setShopOrder(shop_order)
      setNote("")
      toast.success(`Order #${shop_order.order_number}: ${label}`)
    } catch (error) {
      toast.error((error as Error).message)
      await load()
    } finally {
      setBusy(null)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Shop status</Heading>
        {shopOrder && <Badge color={STATUS_COLOURS[shopOrder.status]}>{shopOrder.status_label}</Badge>}
      </div>
      {problem && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          {problem}
        </Text>
      )}
      {shopOrder && (
        <>
          <div className="grid grid-cols-3 gap-4 px-6 py-4">
            <div>
              <Text size="small" className="text-ui-fg-subtle">Way</Text>
              <Text size="small">{shopOrder.fulfillment_kind === "pickup" ? "Store pickup" : "Home delivery"}</Text>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">Payment</Text>
              <Text size="small">{shopOrder.payment_mode === "cod" ? "Cash on delivery" : "Online (Razorpay)"}</Text>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">Day</Text>
              <Text size="small">
                {shopOrder.delivery_date}
                {shopOrder.delivery_slot ? `, ${shopOrder.delivery_slot}` : ""}
              </Text>
            </div>
          </div>
          {shopOrder.next_statuses.length > 0 && (
            <div className="flex flex-col gap-3 px-6 py-4">
              <div className="flex flex-col gap-1">
                <Label htmlFor="shop-status-note" size="small">Note for the history (optional)</Label>
                <Input id="shop-status-note" size="small" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
              </div>
              <div className="flex flex-wrap gap-2">
                {shopOrder.next_statuses.map((next) => (
                  <Button
                    key={next.status}
                    size="small"
                    variant={next.status === "cancelled" ? "danger" : "primary"}
                    isLoading={busy === next.status}
                    disabled={busy !== null}
                    onClick={() => move(next.status, next.label)}
                  >
                    {next.status === "cancelled" ? "Cancel order" : `Mark ${next.label.toLowerCase()}`}
                  </Button>
                ))}
              </div>
            </div>
          )}
          <div className="px-6 py-4">
            <Text size="small" weight="plus" className="mb-2">History</Text>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>When</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>By</Table.HeaderCell>
                  <Table.HeaderCell>Note</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {shopOrder.history.map((h, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>{when(h.at)}</Table.Cell>
                    <Table.Cell>{h.label}</Table.Cell>
                    <Table.Cell>{h.actor_name}</Table.Cell>
                    <Table.Cell>{h.note ?? ""}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.before" })

export default OrderShopStatusWidget
