import Link from "next/link"
import type { RefObject } from "react"
import { FIELD_LABELS, FIELD_ORDER, type FieldErrors } from "@/lib/checkout-form"

/** Where each field's link in the summary takes focus (radio groups: their first choice). */
const TARGET: Partial<Record<keyof typeof FIELD_LABELS, string>> = { fulfilment: "fulfilment-delivery", slot: "slot-group", payment: "payment-cod" }

/**
 * The error summary at the top of the checkout: after a failed submit it takes
 * focus and comes into view (a screen reader reads it out), and links each
 * problem to its field. Stock lines and the payment's outcome are listed too.
 */
export function ErrorSummary({
  summaryRef,
  show,
  message,
  errors,
  stockMessages,
  paymentMessage,
}: {
  summaryRef: RefObject<HTMLDivElement | null>
  show: boolean
  message: string | null
  errors: FieldErrors
  stockMessages: string[]
  paymentMessage: string | null
}) {
  const listed = FIELD_ORDER.filter((name) => errors[name])
  const visible = show && (message || listed.length || stockMessages.length || paymentMessage)
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      className="notice error error-summary"
      aria-labelledby={visible ? "error-summary-title" : undefined}
      data-testid="error-summary"
      hidden={!visible}
    >
      {visible && (
        <>
          <h2 id="error-summary-title" className="error-summary-title">
            {stockMessages.length ? "Your order was not placed" : paymentMessage && !listed.length ? "Not paid yet" : "Please check your details"}
          </h2>
          {paymentMessage && <p data-testid="summary-payment">{paymentMessage}</p>}
          {message && message !== paymentMessage && <p data-testid="checkout-message">{message}</p>}
          {listed.length > 0 && (
            <ul>
              {listed.map((name) => (
                <li key={name}>
                  <a href={`#${TARGET[name] ?? name}`} data-testid={`summary-${name}`}>
                    {FIELD_LABELS[name]}: {errors[name]}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {stockMessages.length > 0 && (
            <>
              <ul data-testid="checkout-stock-messages">
                {stockMessages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              <p>
                <Link href="/cart">Change your cart</Link>; nothing has been ordered yet.
              </p>
            </>
          )}
        </>
      )}
    </div>
  )
}
