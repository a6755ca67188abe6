"use client"

import Link from "next/link"
import { useActionState, useState, type InputHTMLAttributes } from "react"
import { placeOrder, type CheckoutState } from "@/app/actions/checkout"
import { GIFT_MESSAGE_MAX, validateCheckout, type CheckoutFields, type FieldErrors } from "@/lib/checkout-form"
import { checkPincode, type DeliveryDay } from "@/lib/delivery"

const initialState: CheckoutState = { fieldErrors: {}, stockMessages: [], message: null, values: {} }

type Field = keyof CheckoutFields

/**
 * The one-page checkout: contact, address with the pincode check, delivery or
 * pickup, day and slot, gift message, payment. Each field is checked when the
 * shopper leaves it; the server checks everything again when the order is placed.
 */
export function CheckoutForm({ days, codCapLabel }: { days: DeliveryDay[]; codCapLabel: string }) {
  const [state, action, pending] = useActionState(placeOrder, initialState)
  const firstOpen = days[0]?.slots.find((s) => s.open)
  const [fields, setFields] = useState<CheckoutFields>({
    fullName: "",
    phone: "",
    email: "",
    address: "",
    city: "New Delhi",
    state: "Delhi",
    pincode: "",
    fulfilment: "delivery",
    deliveryDate: days[0]?.date ?? "",
    slot: firstOpen?.id ?? "",
    giftMessage: "",
    payment: "cod",
  })
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [submittedOnce, setSubmittedOnce] = useState(false)

  const clientErrors: FieldErrors = validateCheckout(fields, new Date())
  const errorFor = (name: Field): string | undefined => {
    const client = touched[name] || submittedOnce ? clientErrors[name] : undefined
    return client ?? state.fieldErrors[name]
  }
  const set = (name: Field) => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: event.target.value }))
  const blur = (name: Field) => () => setTouched((t) => ({ ...t, [name]: true }))
  const day = days.find((d) => d.date === fields.deliveryDate) ?? days[0]
  const pin = fields.pincode.length === 6 ? checkPincode(fields.pincode) : null

  function input(name: Field, label: string, props: InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) {
    const error = errorFor(name)
    const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined
    return (
      <div className="field">
        <label htmlFor={name}>{label}</label>
        <input
          id={name}
          name={name}
          value={String(fields[name])}
          onChange={set(name)}
          onBlur={blur(name)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...props}
        />
        {hint && (
          <p className="hint" id={`${name}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p className="field-error" id={`${name}-error`} data-testid={`error-${name}`}>
            {error}
          </p>
        )}
      </div>
    )
  }

  return (
    <form action={action} onSubmit={() => setSubmittedOnce(true)} noValidate aria-describedby={state.message ? "checkout-message" : undefined}>
      {state.message && (
        <div className="notice error" role="alert" id="checkout-message" data-testid="checkout-message">
          <p>{state.message}</p>
          {state.stockMessages.length > 0 && (
            <>
              <ul data-testid="checkout-stock-messages">
                {state.stockMessages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              <p>
                <Link href="/cart">Change your cart</Link>; nothing has been ordered yet.
              </p>
            </>
          )}
        </div>
      )}

      <fieldset>
        <legend>Your details</legend>
        {input("fullName", "Full name", { autoComplete: "name", required: true })}
        {input("phone", "Mobile number", { autoComplete: "tel", inputMode: "tel", required: true }, "We send order updates to this number. 10 digits, for example 98765 43210.")}
        {input("email", "Email (optional)", { type: "email", autoComplete: "email" }, "For a copy of your receipt.")}
      </fieldset>

      <fieldset>
        <legend>Delivery or pickup</legend>
        <label className="choice">
          <input type="radio" name="fulfilment" value="delivery" checked={fields.fulfilment === "delivery"} onChange={set("fulfilment")} />
          <span>Home delivery: ₹60, free from ₹999</span>
        </label>
        <label className="choice">
          <input type="radio" name="fulfilment" value="pickup" checked={fields.fulfilment === "pickup"} onChange={set("fulfilment")} />
          <span>Pick up from the shop: 12 Halwai Gali, Chandni Chowk (free)</span>
        </label>
        {errorFor("fulfilment") && <p className="field-error">{errorFor("fulfilment")}</p>}
        {fields.fulfilment === "delivery" && (
          <>
            {input("address", "House number and street", { autoComplete: "street-address", required: true })}
            {input("city", "City", { autoComplete: "address-level2", required: true })}
            {input("state", "State", { autoComplete: "address-level1", required: true })}
            {input("pincode", "Pincode", { autoComplete: "postal-code", inputMode: "numeric", maxLength: 6, required: true }, "We deliver in Delhi, Gurugram, Noida, Ghaziabad and Faridabad.")}
            {pin?.ok && !errorFor("pincode") && (
              <p className="field-ok" role="status" data-testid="pincode-ok">
                Good news: we deliver to {fields.pincode} ({pin.area}).
              </p>
            )}
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{fields.fulfilment === "delivery" ? "Delivery day and time" : "Pickup day and time"}</legend>
        <div className="field">
          <label htmlFor="deliveryDate">Day</label>
          <select
            id="deliveryDate"
            name="deliveryDate"
            value={fields.deliveryDate}
            onChange={(e) => {
              const next = days.find((d) => d.date === e.target.value)
              setFields((f) => ({ ...f, deliveryDate: e.target.value, slot: next?.slots.find((s) => s.id === f.slot && s.open) ? f.slot : (next?.slots.find((s) => s.open)?.id ?? "") }))
            }}
          >
            {days.map((d) => (
              <option key={d.date} value={d.date}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <div role="radiogroup" aria-labelledby="slot-label" aria-describedby={errorFor("slot") ? "slot-error" : undefined}>
          <p id="slot-label" className="visually-hidden">
            Time slot
          </p>
          {day?.slots.map((s) => (
            <label key={s.id} className="choice">
              <input type="radio" name="slot" value={s.id} checked={fields.slot === s.id} disabled={!s.open} onChange={set("slot")} />
              <span>
                {s.label}
                {s.note && <span className="hint"> ({s.note})</span>}
              </span>
            </label>
          ))}
        </div>
        {errorFor("slot") && (
          <p className="field-error" id="slot-error">
            {errorFor("slot")}
          </p>
        )}
        <p className="hint">Same-day slots close at 7 am (morning) and 1 pm (evening). Festival days may run late.</p>
      </fieldset>

      <fieldset>
        <legend>Gift message (optional)</legend>
        <div className="field">
          <label htmlFor="giftMessage">Message for the card</label>
          <textarea
            id="giftMessage"
            name="giftMessage"
            value={fields.giftMessage}
            onChange={set("giftMessage")}
            onBlur={blur("giftMessage")}
            maxLength={GIFT_MESSAGE_MAX + 50}
            aria-describedby="giftMessage-count"
            aria-invalid={errorFor("giftMessage") ? true : undefined}
          />
          <p className="hint" id="giftMessage-count">
            {fields.giftMessage.length} of {GIFT_MESSAGE_MAX} characters
          </p>
          {errorFor("giftMessage") && <p className="field-error">{errorFor("giftMessage")}</p>}
        </div>
      </fieldset>

      <fieldset>
        <legend>Payment</legend>
        <label className="choice">
          <input type="radio" name="payment" value="cod" checked readOnly />
          <span>Cash on delivery (orders up to {codCapLabel}). Pay in cash or UPI when your sweets arrive.</span>
        </label>
        {errorFor("payment") && (
          <p className="field-error" data-testid="error-payment">
            {errorFor("payment")}
          </p>
        )}
      </fieldset>

      <button className="button wide" type="submit" disabled={pending} data-testid="place-order">
        {pending ? "Placing your order…" : "Place order"}
      </button>
    </form>
  )
}
