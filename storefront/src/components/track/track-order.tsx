"use client"

import { useId, useState, type FormEvent } from "react"
import { indianMobileDigits, parseOrderNumber } from "@sweetshop/shop-contracts"
import { lookUpOrder, type TrackedOrder } from "@/lib/browser/order-tracking"
import { formatPaise } from "@/lib/format"
import { TextField } from "@/components/form/text-field"

export type { TrackedOrder } from "@/lib/browser/order-tracking"

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
    // "#13" as the confirmation and the messages print it, "13", "SS-13": the shop's one rule (shop-contracts).
    if (parseOrderNumber(orderNumber) === null) problems.orderNumber = "Please enter the order number, for example #1042."
    if (!indianMobileDigits(phone)) problems.phone = "Please give the 10-digit mobile number you ordered with."
    setErrors(problems)
    if (Object.keys(problems).length) return
    setBusy(true)
    setMessage(null)
    const outcome = await lookUpOrder({ backendUrl, publishableKey }, orderNumber, phone)
    try {
      if ("order" in outcome) {
        setOrder(outcome.order)
      } else {
        setOrder(null)
        setMessage(outcome.message)
      }
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
          hint="As on your confirmation or SMS, for example #1042."
          autoCapitalize="characters"
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
