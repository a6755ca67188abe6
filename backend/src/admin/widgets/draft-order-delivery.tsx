import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Select, Text } from "@medusajs/ui"
import { DRAFT_ORDER_CHANGED_EVENT } from "@sweetshop/shop-contracts"
import { useCallback, useEffect, useState } from "react"

type Slot = { code: string; label: string; places_left: number; capacity: number; open: boolean; reason: string | null; message: string | null }
type Day = { date: string; label: string; open: boolean; reason: string | null; message: string | null; slots: Slot[] }
type Chosen = { delivery_date: string | null; delivery_slot: string | null; delivery_slot_label: string | null }
type Answer = { delivery: Chosen; home_delivery: boolean; place: { day: string; slot_code: string } | null; lead_hours: number; days: Day[] }

/**
 * On a draft order (phone and WhatsApp orders): the delivery day and slot, chosen from the
 * days and slots the backend lists for this draft's sweets (GET /admin/draft-orders/:id/delivery:
 * closed days, cut-offs, lead times, the kitchen's capacity and places left, as the storefront's
 * picker shows them), saved on the draft (POST, judged by the checkout's rules). The place in
 * the slot is booked when the payment link is sent or the draft converted to an order.
 */
const DraftOrderDeliveryWidget = ({ data: draft }: DetailWidgetProps<{ id: string; status?: string }>) => {
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [date, setDate] = useState<string>("")
  const [slot, setSlot] = useState<string>("")
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  const load = useCallback(() => {
    fetch(`/admin/draft-orders/${draft.id}/delivery`, { credentials: "include" })
      .then(async (r) => {
        const body = await r.json()
        if (!r.ok) throw new Error(body.message ?? `The shop answered ${r.status}.`)
        setAnswer(body)
        setDate(body.delivery.delivery_date ?? "")
        setSlot(body.delivery.delivery_slot ?? "")
      })
      .catch((e: Error) => setMessage({ text: e.message, error: true }))
  }, [draft.id])
  useEffect(load, [load])
  // Another card changed the draft on the server (a payment link sent books its place): show what is true now.
  useEffect(() => {
    const changed = (e: Event) => {
      if ((e as CustomEvent<{ draft_order_id?: string }>).detail?.draft_order_id === draft.id) load()
    }
    window.addEventListener(DRAFT_ORDER_CHANGED_EVENT, changed)
    return () => window.removeEventListener(DRAFT_ORDER_CHANGED_EVENT, changed)
  }, [draft.id, load])

  const save = async (choice: { delivery_date: string | null; delivery_slot: string | null }) => {
    setBusy(true)
    setMessage(null)
    try {
      const r = await fetch(`/admin/draft-orders/${draft.id}/delivery`, {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(choice),
      })
      const body = await r.json()
      if (!r.ok) setMessage({ text: body.message ?? "The day was not saved.", error: true })
      else {
        setMessage({ text: choice.delivery_date ? "Saved. The place is booked when the payment link is sent or the order made." : "No day: this draft is not scheduled.", error: false })
        load()
      }
    } finally {
      setBusy(false)
    }
  }

  if (!answer) {
    return (
      <Container className="px-6 py-4">
        <Heading level="h2">Delivery day</Heading>
        {message && <Text size="small" className="text-ui-fg-error">{message.text}</Text>}
      </Container>
    )
  }
  const day = answer.days.find((d) => d.date === date)
  const chosen = answer.delivery
  return (
    <Container className="divide-y p-0" data-testid="draft-order-delivery">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Delivery day</Heading>
        {chosen.delivery_date ? (
          <Badge size="2xsmall" color={answer.place ? "green" : "blue"}>
            {answer.place ? "place booked" : "chosen"}
          </Badge>
        ) : (
          <Badge size="2xsmall" color="grey">none</Badge>
        )}
      </div>
      <div className="flex flex-col gap-3 px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          {chosen.delivery_date
            ? `${answer.days.find((d) => d.date === chosen.delivery_date)?.label ?? chosen.delivery_date}${chosen.delivery_slot_label ? `, ${chosen.delivery_slot_label}` : ""}`
            : "No day chosen: a pickup arranged on the phone, or an order the shop schedules itself (no slot is booked)."}
        </Text>
        <Select value={date} onValueChange={(v) => { setDate(v); setSlot("") }}>
          <Select.Trigger aria-label="Delivery day">
            <Select.Value placeholder="Choose a day" />
          </Select.Trigger>
          <Select.Content>
            {answer.days.map((d) => (
              <Select.Item key={d.date} value={d.date} disabled={!d.open}>
                {d.label}{d.open ? "" : ` — ${d.reason === "day_closed" ? "closed" : d.reason === "kitchen_full" ? "kitchen full" : "no slot left"}`}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        {day && (
          <div className="flex flex-col gap-2" role="radiogroup" aria-label="Delivery slot">
            {day.slots.map((s) => (
              <label key={s.code} className={`flex items-center justify-between gap-2 rounded-md border px-3 py-2 ${s.open ? "cursor-pointer" : "opacity-50"}`}>
                <span className="flex items-center gap-2">
                  <input type="radio" name="delivery-slot" value={s.code} disabled={!s.open} checked={slot === s.code} onChange={() => setSlot(s.code)} />
                  <Text size="small">{s.label}</Text>
                </span>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {s.open ? `${s.places_left} of ${s.capacity} places left` : s.message}
                </Text>
              </label>
            ))}
          </div>
        )}
        <div className="flex gap-2">
          <Button size="small" variant="secondary" isLoading={busy} disabled={!date || !slot} onClick={() => save({ delivery_date: date, delivery_slot: slot })}>
            Save day and slot
          </Button>
          {chosen.delivery_date && (
            <Button size="small" variant="transparent" disabled={busy} onClick={() => save({ delivery_date: null, delivery_slot: null })}>
              No day
            </Button>
          )}
        </div>
        {!answer.home_delivery && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            No home delivery shipping method on this draft: the day is judged, but no place is taken in the slot.
          </Text>
        )}
      </div>
      {message && (
        <div className="px-6 py-3">
          <Text size="small" className={message.error ? "text-ui-fg-error" : undefined}>{message.text}</Text>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "draft_order.details.side.before" })

export default DraftOrderDeliveryWidget
