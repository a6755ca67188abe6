"use client"

import type { CheckoutFields, FieldErrors } from "@/lib/checkout-form"
import type { PaymentConfirmation } from "@/lib/actions/checkout"
import { PAYMENT_RECEIVED } from "./use-razorpay"
import type { Field } from "./use-checkout-form"

/** Cash on delivery or online, the pay button, and the payment's outcome beside the button. */
export function PaymentFields({
  fields,
  errors,
  codCapLabel,
  online,
  set,
  busy,
  payment,
}: {
  fields: CheckoutFields
  errors: FieldErrors
  codCapLabel: string
  online: boolean
  set: (name: Field) => (event: { target: { value: string } }) => void
  busy: boolean
  payment: PaymentConfirmation | null
}) {
  const paysOnline = fields.payment === "razorpay"
  return (
    <>
      <fieldset>
        <legend>Payment</legend>
        <label className="choice">
          <input type="radio" id="payment-cod" name="payment" value="cod" checked={fields.payment === "cod"} onChange={set("payment")} />
          <span>Cash on delivery (orders up to {codCapLabel}). Pay in cash or UPI when your sweets arrive.</span>
        </label>
        {online && (
          <label className="choice">
            <input type="radio" id="payment-razorpay" name="payment" value="razorpay" checked={paysOnline} onChange={set("payment")} />
            <span>Pay online now: UPI, cards, net banking (Razorpay).</span>
          </label>
        )}
        {errors.payment && (
          <p className="field-error" id="payment-error" data-testid="error-payment">
            {errors.payment}
          </p>
        )}
      </fieldset>

      {payment && (
        <div className={`notice ${payment.message === PAYMENT_RECEIVED ? "info" : "error"}`} role="status" data-testid="payment-message">
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
      <button className="button wide" type="submit" disabled={busy} data-testid="place-order">
        {busy ? (paysOnline ? "Working on your payment…" : "Placing your order…") : paysOnline ? "Pay online" : "Place order"}
      </button>
    </>
  )
}
