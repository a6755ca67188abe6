"use client"

import Link from "next/link"
import { useActionState, useEffect, useRef, useState, useTransition, type InputHTMLAttributes } from "react"
import { confirmRazorpayPayment, placeOrder, type CheckoutState, type PaymentConfirmation } from "@/app/actions/checkout"
import { checkDeliveryPincode } from "@/app/actions/delivery"
import { GIFT_MESSAGE_MAX, validateCheckout, type CheckoutFields, type FieldErrors } from "@/lib/checkout-form"
import { pincodeFormatError, type DeliveryDay, type PincodeCheck } from "@/lib/delivery"
import { TextField } from "@/components/form/text-field"

const initialState: CheckoutState = { fieldErrors: {}, stockMessages: [], message: null, razorpay: null }

/** The page-facing API of Razorpay's checkout.js (the real one and the sandbox's stand-in). */
type RazorpayWidget = { open(): void; on(event: "payment.failed", fn: (response: { error?: { description?: string } }) => void): void }
type RazorpayConstructor = new (options: {
  key: string
  order_id: string
  amount: number
  currency: string
  name: string
  description: string
  prefill: { name: string; contact: string; email?: string }
  theme: { color: string }
  handler: (response: { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string }) => void
  modal: { ondismiss: () => void }
}) => RazorpayWidget

let checkoutScript: Promise<RazorpayConstructor> | null = null
/** Loads checkout.js once, when the shopper first pays online. */
function loadRazorpay(src: string): Promise<RazorpayConstructor> {
  const existing = (window as unknown as { Razorpay?: RazorpayConstructor }).Razorpay
  if (existing) return Promise.resolve(existing)
  checkoutScript ??= new Promise((resolve, reject) => {
    const script = document.createElement("script")
    script.src = src
    script.async = true
    script.onload = () => {
      const loaded = (window as unknown as { Razorpay?: RazorpayConstructor }).Razorpay
      if (loaded) resolve(loaded)
      else reject(new Error("checkout.js loaded without Razorpay"))
    }
    script.onerror = () => {
      checkoutScript = null
      reject(new Error("checkout.js did not load"))
    }
    document.head.appendChild(script)
  })
  return checkoutScript
}

type Field = keyof CheckoutFields

/**
 * The one-page checkout: contact, address with the pincode check, delivery or
 * pickup, day and slot, gift message, payment. Each field is checked when the
 * shopper leaves it; the server checks everything again when the order is placed.
 */
export function CheckoutForm({ days, codCapLabel, razorpayCheckoutUrl }: { days: DeliveryDay[]; codCapLabel: string; razorpayCheckoutUrl: string | null }) {
  const [state, action, pending] = useActionState(placeOrder, initialState)
  const [payment, setPayment] = useState<PaymentConfirmation | null>(null)
  const [confirming, startConfirming] = useTransition()
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

  // An online payment is ready: open Razorpay's checkout; its three endings each say what happened.
  const attempt = state.razorpay?.attempt ?? 0
  useEffect(() => {
    const checkout = state.razorpay
    if (!checkout || !razorpayCheckoutUrl) return
    setPayment(null)
    loadRazorpay(razorpayCheckoutUrl).then(
      (Razorpay) => {
        const widget = new Razorpay({
          key: checkout.keyId,
          order_id: checkout.razorpayOrderId,
          amount: checkout.amountPaise,
          currency: checkout.currency,
          name: "Sweet Shop",
          description: "Your sweets order",
          prefill: { name: fields.fullName, contact: fields.phone, ...(fields.email ? { email: fields.email } : {}) },
          theme: { color: "#7a1f2b" },
          handler: (response) =>
            startConfirming(async () => {
              setPayment({ message: "Payment received. Placing your order…", stockMessages: [] })
              setPayment(await confirmRazorpayPayment(response))
            }),
          modal: {
            ondismiss: () =>
              setPayment({
                message: "You closed the payment window before paying; nothing was charged. Your cart and details are kept: press “Pay online” to try again, or choose cash on delivery.",
                stockMessages: [],
              }),
          },
        })
        widget.on("payment.failed", (response) =>
          setPayment({
            message: `The payment did not go through: ${response.error?.description ?? "the bank declined it."} No order was placed. You can try again, or choose cash on delivery.`,
            stockMessages: [],
          })
        )
        widget.open()
      },
      () => setPayment({ message: "The online payment window could not be opened. Please check your connection and try again, or choose cash on delivery.", stockMessages: [] })
    )
    // Opens once per attempt; the form's values at that moment are the ones to prefill.
  }, [attempt])
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [submittedOnce, setSubmittedOnce] = useState(false)

  // The pincode is asked of the backend as soon as it has six digits (through a server action: the key stays on the server).
  const pincode = fields.pincode.replace(/\s/g, "")
  const wantsPinCheck = fields.fulfilment === "delivery" && pincodeFormatError(pincode) === null
  const [pinCheck, setPinCheck] = useState<PincodeCheck | null>(null)
  const asked = useRef("")
  useEffect(() => {
    if (!wantsPinCheck || asked.current === pincode) return
    asked.current = pincode
    checkDeliveryPincode(pincode).then(
      (answer) => asked.current === answer.pincode && setPinCheck(answer),
      () => asked.current === pincode && setPinCheck({ pincode, status: "unknown", message: "We could not check this pincode just now; we check it again when you place the order." })
    )
  }, [wantsPinCheck, pincode])
  const pin = wantsPinCheck && pinCheck?.pincode === pincode ? pinCheck : null

  const clientErrors: FieldErrors = validateCheckout(fields, new Date())
  if (pin && (pin.status === "unserviceable" || pin.status === "invalid")) clientErrors.pincode = pin.message
  const errorFor = (name: Field): string | undefined => {
    // The backend's word on the pincode is shown as soon as it comes, without waiting for the field to be left.
    const shownNow = touched[name] || submittedOnce || (name === "pincode" && pin !== null)
    const client = shownNow ? clientErrors[name] : undefined
    return client ?? state.fieldErrors[name]
  }
  const set = (name: Field) => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: event.target.value }))
  const blur = (name: Field) => () => setTouched((t) => ({ ...t, [name]: true }))
  const busy = pending || confirming
  const day = days.find((d) => d.date === fields.deliveryDate) ?? days[0]

  function input(name: Field, label: string, props: InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) {
    return (
      <TextField
        id={name}
        name={name}
        label={label}
        value={String(fields[name])}
        onChange={set(name)}
        onBlur={blur(name)}
        hint={hint}
        error={errorFor(name)}
        errorTestId={`error-${name}`}
        {...props}
      />
    )
  }

  return (
    <form action={action} onSubmit={() => setSubmittedOnce(true)} noValidate aria-describedby={state.message ? "checkout-message" : undefined}>
      {payment && (
        <div className={`notice ${payment.message.startsWith("Payment received") ? "info" : "error"}`} role="alert" data-testid="payment-message">
          <p>{payment.message}</p>
          {payment.stockMessages.length > 0 && (
            <ul>
              {payment.stockMessages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
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
            {input("pincode", "Pincode", { autoComplete: "postal-code", inputMode: "numeric", maxLength: 6, required: true }, "We check as you type whether our riders reach it.")}
            <div role="status" aria-live="polite">
              {pin?.status === "serviceable" && !errorFor("pincode") && (
                <p className="field-ok" data-testid="pincode-ok">
                  Good news: we deliver to {pin.pincode} ({pin.area}).
                </p>
              )}
              {pin?.status === "unknown" && (
                <p className="hint" data-testid="pincode-unknown">
                  {pin.message}
                </p>
              )}
            </div>
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
          <input type="radio" name="payment" value="cod" checked={fields.payment === "cod"} onChange={set("payment")} />
          <span>Cash on delivery (orders up to {codCapLabel}). Pay in cash or UPI when your sweets arrive.</span>
        </label>
        {razorpayCheckoutUrl && (
          <label className="choice">
            <input type="radio" name="payment" value="razorpay" checked={fields.payment === "razorpay"} onChange={set("payment")} />
            <span>Pay online now: UPI, cards, net banking (Razorpay).</span>
          </label>
        )}
        {errorFor("payment") && (
          <p className="field-error" data-testid="error-payment">
            {errorFor("payment")}
          </p>
        )}
      </fieldset>

      <button className="button wide" type="submit" disabled={busy} data-testid="place-order">
        {busy ? (fields.payment === "razorpay" ? "Working on your payment…" : "Placing your order…") : fields.payment === "razorpay" ? "Pay online" : "Place order"}
      </button>
    </form>
  )
}
