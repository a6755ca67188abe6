"use client"

import { useId, useState, type FormEvent } from "react"
import { formatPaise } from "@/lib/format"
import { indianMobileDigits } from "@/lib/checkout-form"
import { TextField } from "@/components/form/text-field"

/** What the backend's tracking lookup shows a shopper: masked, no internal ids. */
export type TrackedOrder = {
  order_number: number
  status_label: string
  timeline: { status: string; label: string; done: boolean; at: string | null }[]
  items: { title: string; variant_title: string | null; quantity: number; total_paise: number }[]
  total_paise: number
  payment_label: string
  /** The address masked by the backend: initials, house number and word initials, city, first three pincode digits. */
  fulfillment: { kind: string; date: string; slot: string | null; address: { name: string | null; line: string | null; city: string | null; pincode: string | null } | null }
  phone: string | null
}

const when = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "short", hour: "numeric", minute: "2-digit", timeZone: "Asia/Kolkata" })
const day = new Intl.DateTimeFormat("en-IN", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })

export function TrackOrder({ backendUrl, publishableKey, initialOrderNumber }: { backendUrl: string; publishableKey: string; initialOrderNumber: string }) {
  const [orderNumber, setOrderNumber] = useState(initialOrderNumber)
  const [phone, setPhone] = useState("")
  const [errors, setErrors] = useState<{ orderNumber?: string; phone?: string }>({})
  const [message, setMessage] = useState<string | null>(null)
  const [order, setOrder] = useState<TrackedOrder | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const problems: typeof errors = {}
    if (!/^\d{1,9}$/.test(orderNumber.trim())) problems.orderNumber = "Please enter the order number, for example 1042."
    if (!indianMobileDigits(phone)) problems.phone = "Please give the 10-digit mobile number you ordered with."
    setErrors(problems)
    if (Object.keys(problems).length) return
    setBusy(true)
    setMessage(null)
    try {
      const res = await fetch(`${backendUrl}/store/order-tracking/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
        body: JSON.stringify({ order_number: Number(orderNumber.trim()), phone }),
      })
      const body = (await res.json().catch(() => ({}))) as { order?: TrackedOrder; message?: string }
      if (res.ok && body.order) {
        setOrder(body.order)
      } else {
        setOrder(null)
        setMessage(body.message ?? "We could not look up the order just now. Please try again in a moment.")
      }
    } catch {
      setOrder(null)
      setMessage("We could not reach the shop just now. Please try again in a moment.")
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="two-col">
      <form onSubmit={submit} noValidate aria-label="Find your order">
        <TextField
          id="orderNumber"
          label="Order number"
          inputMode="numeric"
          value={orderNumber}
          onChange={(e) => setOrderNumber(e.target.value)}
          error={errors.orderNumber}
        />
        <TextField
          id="trackPhone"
          label="Mobile number"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={errors.phone}
        />
        <button className="button" type="submit" disabled={busy} data-testid="track-submit">
          {busy ? "Looking…" : "Track order"}
        </button>
        {message && (
          <p className="notice error" role="alert" data-testid="track-message">
            {message}
          </p>
        )}
      </form>
      {order && <TrackedOrderView order={order} />}
    </div>
  )
}

/** One tracked order: status timeline, delivery, items and total (paise), as the backend masks them. */
export function TrackedOrderView({ order, level = 2 }: { order: TrackedOrder; level?: 2 | 3 }) {
  const titleId = useId()
  const Heading = level === 2 ? "h2" : "h3"
  return (
    <section aria-labelledby={titleId} data-testid="tracked-order" className="tracked-order">
      <Heading id={titleId}>
        Order #{order.order_number}: {order.status_label}
      </Heading>
      <ol className="steps">
        {order.timeline.map((step) => (
          <li key={step.status}>
            {step.done ? <strong>{step.label}</strong> : <span>{step.label} (not yet)</span>}
            {step.at ? `, ${when.format(new Date(step.at))}` : ""}
          </li>
        ))}
      </ol>
      <p data-testid="tracked-fulfilment">
        {order.fulfillment.kind === "pickup" ? "Pickup" : "Delivery"} on {day.format(new Date(`${order.fulfillment.date}T00:00:00Z`))}
        {order.fulfillment.address
          ? ` to ${[order.fulfillment.address.name, order.fulfillment.address.line, order.fulfillment.address.city, order.fulfillment.address.pincode].filter(Boolean).join(", ")}`
          : ""}
        .
      </p>
      <ul>
        {order.items.map((item, i) => (
          <li key={i}>
            {item.title}
            {item.variant_title ? `, ${item.variant_title}` : ""} × {item.quantity}: {formatPaise(item.total_paise)}
          </li>
        ))}
      </ul>
      <p>
        <strong>Total {formatPaise(order.total_paise)}</strong> ({order.payment_label})
      </p>
    </section>
  )
}
