"use client"

import type { InputHTMLAttributes, ReactNode } from "react"
import { GIFT_MESSAGE_MAX } from "@/lib/checkout-form"
import type { DeliveryDay } from "@/lib/delivery"
import { TextField } from "@/components/form/text-field"
import { DeliveryFields, usePincodeCheck } from "./delivery-fields"
import { ErrorSummary } from "./error-summary"
import { OrderTotal } from "./order-total"
import { PaymentFields } from "./payment-fields"
import { useCheckoutForm, visibleErrors, type Field } from "./use-checkout-form"
import { PAYMENT_RECEIVED, useRazorpay } from "./use-razorpay"

/**
 * The one-page checkout: contact, delivery or pickup with the address and its
 * pincode check, day and slot, gift message, the total, payment. Each field is
 * checked when the shopper leaves it; after a failed submit the error summary
 * at the top takes focus; the server checks everything again when the order is placed.
 * Form state: ./use-checkout-form.ts; delivery: ./delivery-fields.tsx; payment:
 * ./payment-fields.tsx and ./use-razorpay.ts; the total: ./order-total.tsx.
 */
export function CheckoutForm({
  days,
  codCapLabel,
  razorpayCheckoutUrl,
  itemsPaise,
  festival = null,
}: {
  days: DeliveryDay[]
  codCapLabel: string
  razorpayCheckoutUrl: string | null
  itemsPaise: number
  /** A festival's pre-order: the days offered are the festival's, and the day's heading says so. */
  festival?: { handle: string; name: string } | null
}) {
  const form = useCheckoutForm(days)
  const { state, fields, set, blur, touched, submittedOnce } = form
  const pin = usePincodeCheck(fields, form.setFields)
  const { payment, confirming, open } = useRazorpay(state, razorpayCheckoutUrl, fields, form.paymentFailed)
  const { all: errors, blocking } = visibleErrors(fields, touched, submittedOnce, pin, state.fieldErrors)
  const busy = form.pending || confirming || open
  const paymentProblem = payment && payment.message !== PAYMENT_RECEIVED ? payment.message : null

  function input(name: Field, label: string, props: InputHTMLAttributes<HTMLInputElement> = {}, hint?: ReactNode) {
    return (
      <TextField
        id={name}
        name={name}
        label={label}
        value={String(fields[name])}
        onChange={set(name)}
        onBlur={blur(name)}
        hint={hint}
        error={errors[name]}
        errorTestId={`error-${name}`}
        {...props}
      />
    )
  }

  return (
    <form action={form.dispatchWithoutScript} onSubmit={(event) => form.submit(event, blocking)} noValidate aria-describedby={state.message ? "error-summary-title" : undefined}>
      <ErrorSummary
        summaryRef={form.summaryRef}
        show={submittedOnce || form.failedSubmits > 0}
        message={state.message}
        errors={errors}
        stockMessages={state.stockMessages}
        paymentMessage={paymentProblem}
      />

      <fieldset>
        <legend>Your details</legend>
        {input("fullName", "Full name", { autoComplete: "name", required: true })}
        {input("phone", "Mobile number", { autoComplete: "tel", inputMode: "tel", required: true }, "We send order updates to this number. 10 digits, for example 98765 43210.")}
        {input("email", "Email (optional)", { type: "email", autoComplete: "email" }, "For a copy of your receipt.")}
      </fieldset>

      {festival && <input type="hidden" name="festival" value={festival.handle} />}
      <DeliveryFields fields={fields} errors={errors} pin={pin} days={days} input={input} set={set} setFields={form.setFields} festivalName={festival?.name ?? null} />

      <fieldset>
        <legend>Gift message (optional)</legend>
        <div className="field">
          <label htmlFor="giftMessage">Message for the card</label>
          <textarea
            id="giftMessage"
            name="giftMessage"
            className="hindi-text"
            lang={/[\u0900-\u097F]/.test(fields.giftMessage) ? "hi" : undefined}
            value={fields.giftMessage}
            onChange={set("giftMessage")}
            onBlur={blur("giftMessage")}
            maxLength={GIFT_MESSAGE_MAX + 50}
            aria-describedby="giftMessage-count"
            aria-invalid={errors.giftMessage ? true : undefined}
          />
          <p className="hint" id="giftMessage-count">
            {fields.giftMessage.length} of {GIFT_MESSAGE_MAX} characters. Hindi is welcome: <span lang="hi">शुभ दीपावली!</span>
          </p>
          {errors.giftMessage && <p className="field-error">{errors.giftMessage}</p>}
        </div>
      </fieldset>

      <OrderTotal
        fulfilment={fields.fulfilment}
        pincode={fields.fulfilment === "delivery" && pin?.status === "serviceable" ? pin.pincode : null}
        itemsPaise={itemsPaise}
        version={state.answer}
      />

      <PaymentFields fields={fields} errors={errors} codCapLabel={codCapLabel} online={razorpayCheckoutUrl !== null} set={set} busy={busy} payment={payment} />
    </form>
  )
}
