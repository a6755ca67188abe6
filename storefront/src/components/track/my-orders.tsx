"use client"

import Link from "next/link"
import { useEffect, useRef, useState, type FormEvent } from "react"
import { indianMobileDigits } from "@sweetshop/shop-contracts"
import { trackingCall, type Answer, type TrackedOrder } from "@/lib/browser/order-tracking"
import { TrackedOrderView } from "./track-order"
import { TextField } from "@/components/form/text-field"

/**
 * "My orders": every order of a mobile number, after a one-time code sent to it
 * by SMS (the order-lifecycle plugin's `/store/order-tracking/codes`, `sessions`
 * and `orders`). The browser asks the store API itself, so the backend's
 * per-client limits count each shopper, not this server. The session token
 * lives only in this page's memory (30 minutes at most, the backend's limit).
 */

type Step = { name: "phone" } | { name: "code"; phone: string } | { name: "orders"; phone: string; session: string; orders: TrackedOrder[] }

const UNREACHABLE = "We could not reach the shop just now. Please try again in a moment."

/** "Please try again in 12 minutes." from a 429's Retry-After (seconds). */
export function retryAfterSentence(retryAfter: string | null): string {
  const seconds = Number(retryAfter)
  if (!Number.isFinite(seconds) || seconds <= 0) return "Please try again a little later."
  if (seconds < 60) return `Please try again in ${Math.ceil(seconds)} seconds.`
  const minutes = Math.ceil(seconds / 60)
  return `Please try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.`
}

/** A 429: the backend's sentence (it says how long to wait), else one made from Retry-After. */
function tooMany(answer: Answer): string {
  return typeof answer.body.message === "string" ? answer.body.message : `Too many tries for now. ${retryAfterSentence(answer.retryAfter)}`
}

const messageOf = (answer: Answer, fallback: string) => (typeof answer.body.message === "string" ? answer.body.message : fallback)

export function MyOrders({ backendUrl, publishableKey }: { backendUrl: string; publishableKey: string }) {
  const [step, setStep] = useState<Step>({ name: "phone" })
  const [phone, setPhone] = useState("")
  const [code, setCode] = useState("")
  const [phoneError, setPhoneError] = useState<string | null>(null)
  const [codeError, setCodeError] = useState<string | null>(null)
  /** A sentence about the whole form (rate limits, a backend that does not answer). */
  const [alert, setAlert] = useState<string | null>(null)
  const [sent, setSent] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const codeInput = useRef<HTMLInputElement>(null)
  const ordersHeading = useRef<HTMLHeadingElement>(null)

  // Focus follows the step: the code field once a code is on its way, the list once it is shown.
  useEffect(() => {
    if (step.name === "code") codeInput.current?.focus()
    if (step.name === "orders") ordersHeading.current?.focus()
  }, [step.name])

  const call = (path: string, init: { method: "GET" | "POST"; body?: unknown; session?: string }) => trackingCall({ backendUrl, publishableKey }, path, init)

  async function askForCode(forPhone: string) {
    setBusy(true)
    setAlert(null)
    setSent(null)
    setCodeError(null)
    try {
      const answer = await call("/store/order-tracking/codes", { method: "POST", body: { phone: forPhone } })
      if (answer.status === 202 || answer.status === 200) {
        setSent(messageOf(answer, "If this phone number has orders with us, a code is on its way by SMS."))
        setCode("")
        setStep({ name: "code", phone: forPhone })
      } else if (answer.status === 429) {
        setAlert(tooMany(answer))
      } else if (answer.status === 400) {
        setStep({ name: "phone" })
        setPhoneError(messageOf(answer, "Please give the 10-digit mobile number you ordered with."))
      } else {
        setAlert(messageOf(answer, UNREACHABLE))
      }
    } catch {
      setAlert(UNREACHABLE)
    } finally {
      setBusy(false)
    }
  }

  async function submitPhone(event: FormEvent) {
    event.preventDefault()
    if (!indianMobileDigits(phone)) {
      setPhoneError("Please give the 10-digit mobile number you ordered with, for example 98765 43210.")
      return
    }
    setPhoneError(null)
    await askForCode(phone)
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault()
    if (step.name !== "code") return
    const digits = code.replace(/\s/g, "")
    if (!/^\d{6}$/.test(digits)) {
      setCodeError("Please enter the 6-digit code from the SMS.")
      return
    }
    setBusy(true)
    setAlert(null)
    setCodeError(null)
    try {
      const session = await call("/store/order-tracking/sessions", { method: "POST", body: { phone: step.phone, code: digits } })
      if (session.status === 429) return setAlert(tooMany(session))
      if (session.status !== 200 || typeof session.body.session_token !== "string") {
        if (session.status === 400) return setCodeError(messageOf(session, "That code is not right, or it has expired."))
        return setAlert(messageOf(session, UNREACHABLE))
      }
      const list = await call("/store/order-tracking/orders", { method: "GET", session: session.body.session_token })
      if (list.status === 200 && Array.isArray(list.body.orders)) {
        setSent(null)
        setStep({ name: "orders", phone: step.phone, session: session.body.session_token, orders: list.body.orders as TrackedOrder[] })
      } else {
        setAlert(messageOf(list, UNREACHABLE))
      }
    } catch {
      setAlert(UNREACHABLE)
    } finally {
      setBusy(false)
    }
  }

  /**
   * The order's GST invoice, fetched with this page's session (the invoice names the buyer and the
   * address, so only a phone-verified session opens it) and handed to the browser as a download.
   */
  async function downloadInvoice(orderNumber: number) {
    if (step.name !== "orders") return
    setAlert(null)
    try {
      const res = await fetch(`${backendUrl}/store/order-tracking/orders/${orderNumber}/invoice.pdf`, {
        headers: { "x-publishable-api-key": publishableKey, "x-order-session": step.session },
      })
      if (!res.ok || !(res.headers.get("content-type") ?? "").includes("application/pdf")) {
        const body = (await res.json().catch(() => ({}))) as Record<string, unknown>
        setAlert(typeof body.message === "string" ? body.message : "We could not fetch that invoice just now. Please try again in a moment.")
        return
      }
      const url = URL.createObjectURL(await res.blob())
      const link = document.createElement("a")
      link.href = url
      link.download = `sweet-shop-invoice-${orderNumber}.pdf`
      document.body.appendChild(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch {
      setAlert(UNREACHABLE)
    }
  }

  function startAgain() {
    setStep({ name: "phone" })
    setCode("")
    setCodeError(null)
    setAlert(null)
    setSent(null)
  }

  const alertBox = alert && (
    <p className="notice error" role="alert" data-testid="my-orders-message">
      {alert}
    </p>
  )

  if (step.name === "orders") {
    const last4 = (indianMobileDigits(step.phone) ?? "").slice(-4)
    return (
      <section aria-labelledby="my-orders-title" data-testid="my-orders-list">
        <h2 id="my-orders-title" ref={ordersHeading} tabIndex={-1}>
          {step.orders.length === 0 ? "No orders yet" : step.orders.length === 1 ? "Your order" : `Your ${step.orders.length} orders`}
        </h2>
        <p>
          {step.orders.length === 0
            ? `We have no orders placed with the mobile number ending ${last4}.`
            : `Orders placed with the mobile number ending ${last4}, newest first.`}{" "}
          <button type="button" className="link-button" onClick={startAgain}>
            Use another number
          </button>
        </p>
        <ul className="order-list">
          {step.orders.map((order) => (
            <li key={order.order_number}>
              <TrackedOrderView order={order} level={3} />
              <p>
                <button type="button" className="link-button" onClick={() => downloadInvoice(order.order_number)} data-testid="my-orders-invoice">
                  GST invoice for order #{order.order_number} (PDF)
                </button>
              </p>
            </li>
          ))}
        </ul>
        {alertBox}
        {step.orders.length === 0 && (
          <p>
            <Link href="/">Browse our sweets</Link>
          </p>
        )}
      </section>
    )
  }

  if (step.name === "code") {
    return (
      <form onSubmit={submitCode} noValidate aria-label="Enter the code we sent" className="narrow-form">
        {sent && (
          <p className="notice info" role="status" data-testid="code-sent">
            {sent}
          </p>
        )}
        <TextField
          id="orderCode"
          label="6-digit code from the SMS"
          ref={codeInput}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/[^\d]/g, ""))}
          hint={`Sent to the mobile number ending ${(indianMobileDigits(step.phone) ?? "").slice(-4)}. It works once, for 10 minutes.`}
          error={codeError ?? undefined}
          errorTestId="error-code"
          announceError
        />
        <button className="button" type="submit" disabled={busy} data-testid="code-submit">
          {busy ? "Checking…" : "Show my orders"}
        </button>
        {alertBox}
        <p>
          <button type="button" className="link-button" onClick={() => askForCode(step.phone)} disabled={busy} data-testid="code-resend">
            Send a new code
          </button>{" "}
          ·{" "}
          <button type="button" className="link-button" onClick={startAgain} disabled={busy}>
            Use another number
          </button>
        </p>
      </form>
    )
  }

  return (
    <form onSubmit={submitPhone} noValidate aria-label="Find my orders" className="narrow-form">
      <TextField
        id="ordersPhone"
        label="Mobile number"
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        hint="The number you ordered with. We send it a 6-digit code by SMS."
        error={phoneError ?? undefined}
        errorTestId="error-phone"
      />
      <button className="button" type="submit" disabled={busy} data-testid="code-request">
        {busy ? "Sending…" : "Send me a code"}
      </button>
      {alertBox}
    </form>
  )
}
