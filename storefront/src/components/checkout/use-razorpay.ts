"use client"

import { useEffect, useState, useTransition } from "react"
import { confirmRazorpayPayment, type CheckoutState, type PaymentConfirmation } from "@/lib/actions/checkout"
import type { CheckoutFields } from "@/lib/checkout-form"
import { checkoutDevice, razorpayCheckoutConfig, type RazorpayDisplayConfig } from "@sweetshop/shop-contracts"

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
  config: RazorpayDisplayConfig
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

export const PAYMENT_RECEIVED = "Payment received. Placing your order…"

/**
 * Opens Razorpay's checkout when the server has a payment session ready
 * (`state.razorpay`, once per attempt) and reports how it ended: paid (the
 * order is placed through a server action), failed at the bank, or closed.
 * `onFailed` is told of a failure or a closing, so the form can move focus.
 */
export function useRazorpay(state: CheckoutState, checkoutUrl: string | null, fields: CheckoutFields, onFailed: () => void) {
  const [payment, setPayment] = useState<PaymentConfirmation | null>(null)
  const [confirming, startConfirming] = useTransition()
  const [open, setOpen] = useState(false)
  const attempt = state.razorpay?.attempt ?? 0
  const fail = (message: string, stockMessages: string[] = []) => {
    setOpen(false)
    setPayment({ message, stockMessages })
    onFailed()
  }
  useEffect(() => {
    const checkout = state.razorpay
    if (!checkout || !checkoutUrl) return
    setPayment(null)
    loadRazorpay(checkoutUrl).then(
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
          // UPI first: the phone's UPI apps (intent) on a phone, a QR code on a desktop; then cards, netbanking, wallets.
          config: razorpayCheckoutConfig(checkoutDevice(navigator.userAgent, window.matchMedia?.("(pointer: coarse)").matches)),
          handler: (response) =>
            startConfirming(async () => {
              setOpen(false)
              setPayment({ message: PAYMENT_RECEIVED, stockMessages: [] })
              const outcome = await confirmRazorpayPayment(response)
              fail(outcome.message, outcome.stockMessages)
            }),
          modal: {
            ondismiss: () =>
              fail("You closed the payment window before paying; nothing was charged. Your cart and details are kept: press “Pay online” to try again, or choose cash on delivery."),
          },
        })
        widget.on("payment.failed", (response) =>
          fail(`The payment did not go through: ${response.error?.description ?? "the bank declined it."} No order was placed. You can try again, or choose cash on delivery.`)
        )
        setOpen(true)
        widget.open()
      },
      () => fail("The online payment window could not be opened. Please check your connection and try again, or choose cash on delivery.")
    )
    // Opens once per attempt; the form's values at that moment are the ones to prefill.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt])
  return { payment, confirming, open }
}
