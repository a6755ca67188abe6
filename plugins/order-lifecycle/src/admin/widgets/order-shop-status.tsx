import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Label, Prompt, Table, Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useCallback, useEffect, useRef, useState } from "react"
import { Link } from "react-router-dom"
import { moveQuestion, UNDO_SECONDS } from "../lib/move-guard"
import { giftMessageOf, humanDay, humanMoment, indiaDay, paymentLabel, slotOf } from "../lib/order-display"
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

type Move = { status: string; label: string }

/**
 * Medusa's own queries of the order page (the dashboard keys them ["orders", "detail", id, …],
 * ["orders", "detail", id, "preview"], ["orders", "list", …]; reservations and inventory change
 * with a fulfilment). Invalidating them after a move makes the header, payment and fulfilment
 * sections refetch at once: no stale "Capture payment" button after Delivered.
 */
const MEDUSA_KEYS_A_MOVE_CHANGES = [["orders"], ["reservation_items"], ["inventory_items"], ["payment_collections"]]

/**
 * On an order's page, at the top: its shop status, the day, slot and gift message, one
 * button per next step (each confirmed, then sent after an undo window), and who moved it when.
 */
const OrderShopStatusWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const queryClient = useQueryClient()
  const [shopOrder, setShopOrder] = useState<ShopOrder | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [note, setNote] = useState("")
  const [asking, setAsking] = useState<Move | null>(null)
  const [pending, setPending] = useState<Move | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const toastId = useRef<string | number | null>(null)
  const waiting = useRef<Move | null>(null)

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

  // Leaving the page inside the undo window sends nothing.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
      if (toastId.current !== null) toast.dismiss(toastId.current)
    },
    []
  )

  const refreshMedusa = () => Promise.all(MEDUSA_KEYS_A_MOVE_CHANGES.map((queryKey) => queryClient.invalidateQueries({ queryKey })))

  const send = async (move: Move) => {
    timer.current = null
    waiting.current = null
    if (toastId.current !== null) toast.dismiss(toastId.current)
    toastId.current = null
    setPending(null)
    setBusy(move.status)
    try {
      const { shop_order } = await shopApi<{ shop_order: ShopOrder }>(`/admin/shop-orders/${order.id}/status`, {
        method: "POST",
        body: JSON.stringify({ status: move.status, ...(note.trim() ? { note: note.trim() } : {}) }),
      })
      setShopOrder(shop_order)
      setNote("")
      toast.success(`Order #${shop_order.order_number}: ${move.label}`)
    } catch (error) {
      toast.error((error as Error).message)
      await load()
    } finally {
      setBusy(null)
      await refreshMedusa()
    }
  }

  const undo = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (toastId.current !== null) toast.dismiss(toastId.current)
    toastId.current = null
    const move = waiting.current
    waiting.current = null
    setPending(null)
    if (move) toast.info(`Order #${shopOrder?.order_number} not moved: nothing was sent to the customer.`)
  }

  const confirmed = (move: Move) => {
    setAsking(null)
    waiting.current = move
    setPending(move)
    toastId.current = toast.info(`Order #${shopOrder?.order_number} → ${move.label} in ${UNDO_SECONDS} seconds`, {
      description: "The customer's SMS and WhatsApp go out then.",
      duration: UNDO_SECONDS * 1000,
      action: { label: "Undo", altText: "Undo the move before it is sent", onClick: undo },
    })
    timer.current = setTimeout(() => send(move), UNDO_SECONDS * 1000)
  }

  const metadata = (order.metadata ?? {}) as Record<string, unknown>
  const gift = giftMessageOf(metadata)
  const question =
    asking && shopOrder
      ? moveQuestion({
          order_number: shopOrder.order_number,
          to: asking.status,
          label: asking.label,
          fulfillment_kind: shopOrder.fulfillment_kind,
          payment_mode: shopOrder.payment_mode,
          delivery_date: shopOrder.delivery_date,
          slot: slotOf(metadata, shopOrder.delivery_slot),
          today: indiaDay(),
        })
      : null

  return (
    <Container className="divide-y p-0" data-testid="shop-status-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Shop status</Heading>
        <div className="flex items-center gap-2">
          <Link className="text-ui-fg-interactive txt-compact-small" to={`/packing-slip/${order.id}`}>
            Packing slip
          </Link>
          {shopOrder && <Badge color={STATUS_COLOURS[shopOrder.status]}>{shopOrder.status_label}</Badge>}
        </div>
      </div>
      {problem && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          {problem}
        </Text>
      )}
      {shopOrder && (
        <>
          <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
            <div>
              <Text size="small" className="text-ui-fg-subtle">Due</Text>
              <Text size="small" weight="plus" data-testid="shop-status-due">
                {humanDay(shopOrder.delivery_date)}
              </Text>
              <Text size="small">{slotOf(metadata, shopOrder.delivery_slot)}</Text>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">Way</Text>
              <Text size="small">{shopOrder.fulfillment_kind === "pickup" ? "Store pickup" : "Home delivery"}</Text>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">Payment</Text>
              <Text size="small" data-testid="shop-status-payment">{paymentLabel(order as any, shopOrder.payment_mode)}</Text>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">Phone</Text>
              <Text size="small">{order.shipping_address?.phone ?? ""}</Text>
            </div>
          </div>
          <div className="px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle">Gift message</Text>
            {gift ? (
              <Text size="small" className="whitespace-pre-wrap rounded-md bg-ui-bg-subtle p-3 font-medium" data-testid="shop-status-gift" lang={/[\u0900-\u097F]/.test(gift) ? "hi" : undefined}>
                {gift}
              </Text>
            ) : (
              <Text size="small">None</Text>
            )}
          </div>
          {pending && (
            <div className="flex items-center justify-between gap-3 bg-ui-bg-highlight px-6 py-3" role="status" data-testid="shop-status-pending">
              <Text size="small">
                Moving to “{pending.label}” in {UNDO_SECONDS} seconds; the customer is told then.
              </Text>
              <Button size="small" variant="secondary" onClick={undo}>
                Undo
              </Button>
            </div>
          )}
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
                    disabled={busy !== null || pending !== null}
                    onClick={() => setAsking(next)}
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
                    <Table.Cell>{humanMoment(h.at)}</Table.Cell>
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
      <Prompt open={question !== null} variant={asking?.status === "cancelled" ? "danger" : "confirmation"} onOpenChange={(open) => !open && setAsking(null)}>
        {question && asking && (
          <Prompt.Content>
            <Prompt.Header>
              <Prompt.Title>{question.title}</Prompt.Title>
              <Prompt.Description asChild>
                <div className="flex flex-col gap-2">
                  {question.warning && (
                    <p className="rounded-md bg-ui-tag-orange-bg p-2 font-medium text-ui-tag-orange-text" data-testid="shop-status-early">
                      {question.warning}
                    </p>
                  )}
                  {question.sentences.map((s) => (
                    <p key={s}>{s}</p>
                  ))}
                  <p>You can still undo it for {UNDO_SECONDS} seconds after this.</p>
                </div>
              </Prompt.Description>
            </Prompt.Header>
            <Prompt.Footer>
              <Prompt.Cancel>Keep as it is</Prompt.Cancel>
              <Prompt.Action onClick={() => confirmed(asking)}>{question.confirm}</Prompt.Action>
            </Prompt.Footer>
          </Prompt.Content>
        )}
      </Prompt>
    </Container>
  )
}

// Medusa 2.21 lays a page out by sections and puts widgets after the page's own sections
// (the zone's before/after no longer places it); this id is what the shop's default order
// layout (src/migration-scripts/shop-status-on-top.ts) names to put the widget first.
export const config = defineWidgetConfig({ zone: "order.details.before", id: "sweetshop-order-shop-status" })

export default OrderShopStatusWidget
