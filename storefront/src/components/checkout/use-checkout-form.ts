"use client"

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react"
import { placeOrder, type CheckoutState } from "@/lib/actions/checkout"
import { FIELD_ORDER, validateCheckout, type CheckoutFields, type FieldErrors } from "@/lib/checkout-form"
import { deliveryChoiceDays, type DeliveryDay, type PincodeCheck } from "@/lib/delivery"

/**
 * The checkout form's state: the fields (controlled, so nothing changes behind
 * the Razorpay popup), which were touched, the errors to show, the
 * Idempotency-Key of the next attempt, and where focus goes after a failed submit.
 */

export type Field = keyof CheckoutFields

const initialState: CheckoutState = { fieldErrors: {}, stockMessages: [], message: null, razorpay: null, unanswered: false, answer: 0 }

/** A fresh Idempotency-Key (a UUID v4), also where crypto.randomUUID is missing (a page served over plain http to another machine). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export function useCheckoutForm(days: DeliveryDay[]) {
  const [state, dispatch, pending] = useActionState(placeOrder, initialState)
  // Home delivery first: its first day with a slot (a day may be listed for pickup only).
  const firstDay = deliveryChoiceDays(days)[0]
  const firstOpen = firstDay?.slots.find((s) => s.open)
  const [fields, setFields] = useState<CheckoutFields>({
    fullName: "",
    phone: "",
    email: "",
    address: "",
    landmark: "",
    city: "",
    state: "",
    pincode: "",
    fulfilment: "delivery",
    deliveryDate: firstDay?.date ?? "",
    slot: firstOpen?.id ?? "",
    giftMessage: "",
    payment: "cod",
  })
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [submittedOnce, setSubmittedOnce] = useState(false)
  /** Bumped after each failed submit: the summary takes focus and comes into view. */
  const [failedSubmits, setFailedSubmits] = useState(0)
  const summaryRef = useRef<HTMLDivElement>(null)

  // One key per checkout attempt: kept when the backend gave no answer (the shopper presses again and the
  // backend recognises the attempt), renewed after any answer and whenever the form changes.
  const idempotencyKey = useRef<string>("")
  useEffect(() => {
    if (!idempotencyKey.current) idempotencyKey.current = newIdempotencyKey()
  }, [])
  const lastAnswer = useRef(0)
  useEffect(() => {
    if (state.answer === lastAnswer.current) return
    lastAnswer.current = state.answer
    if (!state.unanswered) idempotencyKey.current = newIdempotencyKey()
    if (state.message || Object.keys(state.fieldErrors).length || state.stockMessages.length) setFailedSubmits((n) => n + 1)
  }, [state])

  useEffect(() => {
    if (!failedSubmits) return
    const summary = summaryRef.current
    if (!summary) return
    summary.focus({ preventScroll: true })
    summary.scrollIntoView({ block: "start", behavior: "instant" as ScrollBehavior })
  }, [failedSubmits])

  function update(patch: Partial<CheckoutFields>) {
    idempotencyKey.current = newIdempotencyKey()
    setFields((f) => ({ ...f, ...patch }))
  }
  const set = (name: Field) => (event: { target: { value: string } }) => update({ [name]: event.target.value } as Partial<CheckoutFields>)
  const blur = (name: Field) => () => setTouched((t) => ({ ...t, [name]: true }))

  /** Submits through a transition (never the form's own action), so React does not reset the form while Razorpay is open. */
  function submit(event: FormEvent<HTMLFormElement>, clientErrors: FieldErrors) {
    event.preventDefault()
    setSubmittedOnce(true)
    if (Object.keys(clientErrors).length) {
      setFailedSubmits((n) => n + 1)
      return
    }
    const form = new FormData(event.currentTarget)
    if (!idempotencyKey.current) idempotencyKey.current = newIdempotencyKey()
    form.set("idempotencyKey", idempotencyKey.current)
    startTransition(() => dispatch(form))
  }

  /** A failed payment in the Razorpay popup is a failed submit too. */
  function paymentFailed() {
    idempotencyKey.current = newIdempotencyKey()
    setFailedSubmits((n) => n + 1)
  }

  return { state, pending, dispatchWithoutScript: dispatch, fields, setFields: update, set, blur, touched, submittedOnce, submit, summaryRef, failedSubmits, paymentFailed }
}

/** The errors to show now: the form's own checks once a field was left or the form submitted, the backend's word on the pincode, and the server's answer. */
export function visibleErrors(
  fields: CheckoutFields,
  touched: Partial<Record<Field, boolean>>,
  submittedOnce: boolean,
  pin: PincodeCheck | null,
  server: FieldErrors
): { all: FieldErrors; blocking: FieldErrors } {
  // What stops a submit in the browser: the form's own checks. The backend's word on the pincode is
  // shown, but the checkout call is its judge (the storefront holds no list of pincodes).
  const checks: FieldErrors = validateCheckout(fields, new Date())
  const client: FieldErrors = { ...checks }
  const blocking: FieldErrors = { ...checks }
  // With a well-formed pincode the server fills an empty city and state from the backend's answer
  // (the shopper may press before that answer reached the form), so those two do not stop the submit.
  if (!checks.pincode && fields.fulfilment === "delivery") {
    delete blocking.city
    delete blocking.state
    if (!touched.city) delete client.city
    if (!touched.state) delete client.state
  }
  if (pin && (pin.status === "unserviceable" || pin.status === "invalid")) client.pincode = pin.message
  const all: FieldErrors = {}
  for (const name of FIELD_ORDER) {
    // The backend's word on the pincode is shown as soon as it comes, without waiting for the field to be left.
    const shownNow = touched[name] || submittedOnce || (name === "pincode" && pin !== null)
    const error = (shownNow ? client[name] : undefined) ?? server[name]
    if (error) all[name] = error
  }
  return { all, blocking }
}
