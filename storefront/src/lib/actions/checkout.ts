"use server"

import { redirect } from "next/navigation"
import type { FulfillmentKind } from "@sweetshop/shop-contracts"
import { idempotencyKeyOf, readCheckoutForm, validateCheckout, type CheckoutFields, type FieldErrors } from "@/lib/checkout-form"
import { pincodeFormatError } from "@/lib/delivery"
import { checkPincode } from "@/lib/server/delivery"
import { cartId } from "@/lib/server/cart"
import type { PlaceOrderOutcome } from "@/lib/server/checkout/confirmation"
import { placeCashOnDeliveryOrder } from "@/lib/server/checkout/one-call"
import { finishRazorpayPayment, startRazorpayPayment, type RazorpayCheckout, type RazorpayResponse } from "@/lib/server/checkout/payment"
import { checkoutTotals, type CheckoutTotals } from "@/lib/server/checkout/shipping"
import { getFestival } from "@/lib/server/festivals"
import { BackendUnavailableError, ShopRefusal } from "@/lib/server/medusa"

/** The checkout form's server actions: place the order (cash on delivery or the start of an online payment), finish an online payment, the total with a choice. */

export type CheckoutState = {
  fieldErrors: FieldErrors
  /** Lines whose stock dropped since they were added: shown above the form with a link to the cart. */
  stockMessages: string[]
  message: string | null
  /** Set when an online payment is ready: the page opens Razorpay's checkout with it (attempt counts the tries). */
  razorpay: (RazorpayCheckout & { attempt: number }) | null
  /**
   * True when the backend gave no answer (a timeout, the network): the shopper may press again and the
   * browser sends the same Idempotency-Key, so a checkout that did go through is not made twice.
   */
  unanswered: boolean
  /** Counts the answers, so the form knows a new one came (to move focus to its summary). */
  answer: number
}

const EMPTY_CART = "Your cart is empty or has expired. Please add your sweets again."
const UNREACHABLE = "We could not reach the shop to place your order. Nothing was charged; please press the button again in a moment."

function next(previous: CheckoutState, state: Omit<CheckoutState, "answer" | "unanswered"> & { unanswered?: boolean }): CheckoutState {
  return { unanswered: false, ...state, answer: previous.answer + 1 }
}

function stateFor(previous: CheckoutState, outcome: Exclude<PlaceOrderOutcome, { kind: "order" }>): CheckoutState {
  if (outcome.kind === "stock") {
    return next(previous, { fieldErrors: {}, stockMessages: outcome.messages, message: "Some sweets in your cart sold out while you were shopping.", razorpay: null })
  }
  return next(previous, { fieldErrors: outcome.field ? { [outcome.field]: outcome.message } : {}, stockMessages: [], message: outcome.message, razorpay: null })
}

function messageState(previous: CheckoutState, message: string, unanswered = false): CheckoutState {
  return next(previous, { fieldErrors: {}, stockMessages: [], message, razorpay: null, unanswered })
}

/** An empty city or state filled from the backend's answer for a pincode it delivers to (as the form does when the answer comes in time). */
async function withCityFromPincode(fields: CheckoutFields): Promise<CheckoutFields> {
  if (fields.fulfilment !== "delivery" || (fields.city && fields.state) || pincodeFormatError(fields.pincode)) return fields
  const answer = await checkPincode(fields.pincode).catch(() => null)
  if (answer?.status !== "serviceable") return fields
  return { ...fields, city: fields.city || answer.city || "", state: fields.state || answer.state || "" }
}

/** The checkout form's action: checks every field, then cash on delivery (to the confirmation) or the start of an online payment. */
export async function placeOrder(previous: CheckoutState, form: FormData): Promise<CheckoutState> {
  const fields = await withCityFromPincode(readCheckoutForm(form))
  const idempotencyKey = idempotencyKeyOf(form.get("idempotencyKey"))
  const fieldErrors = validateCheckout(fields, new Date())
  if (Object.keys(fieldErrors).length) {
    return next(previous, { fieldErrors, stockMessages: [], message: "Please correct the highlighted fields.", razorpay: null })
  }
  const id = await cartId()
  if (!id) return messageState(previous, EMPTY_CART)
  // A pre-order (the form names its festival): the confirmation says which festival, by the name the shop gives it.
  const festivalHandle = String(form.get("festival") ?? "")
  const festivalName = festivalHandle ? ((await getFestival(festivalHandle).catch(() => null))?.name ?? null) : null

  let confirmationPath: string
  try {
    if (fields.payment === "razorpay") {
      const started = await startRazorpayPayment(id, fields, idempotencyKey, festivalName)
      if (started.kind !== "razorpay") return stateFor(previous, started)
      return next(previous, { fieldErrors: {}, stockMessages: [], message: null, razorpay: { ...started.checkout, attempt: (previous.razorpay?.attempt ?? 0) + 1 } })
    }
    const outcome = await placeCashOnDeliveryOrder(id, fields, idempotencyKey, festivalName)
    if (outcome.kind !== "order") return stateFor(previous, outcome)
    confirmationPath = outcome.confirmationPath
  } catch (error) {
    if (error instanceof ShopRefusal) return messageState(previous, error.message)
    if (error instanceof BackendUnavailableError) return messageState(previous, UNREACHABLE, true)
    throw error
  }
  redirect(confirmationPath)
}

export type PaymentConfirmation = { message: string; stockMessages: string[] }

/** Razorpay's checkout handed the page a signed response: the backend checks it and places the order. */
export async function confirmRazorpayPayment(response: RazorpayResponse): Promise<PaymentConfirmation> {
  const id = await cartId()
  if (!id) return { message: EMPTY_CART, stockMessages: [] }
  const clean = {
    razorpay_payment_id: String(response?.razorpay_payment_id ?? ""),
    razorpay_order_id: String(response?.razorpay_order_id ?? ""),
    razorpay_signature: String(response?.razorpay_signature ?? ""),
  }
  let confirmationPath: string
  try {
    const outcome = await finishRazorpayPayment(id, clean)
    if (outcome.kind === "stock") {
      return {
        message: "Some sweets in your cart sold out before your payment was confirmed. No order was placed and your payment was not captured: Razorpay returns it to you automatically.",
        stockMessages: outcome.messages,
      }
    }
    if (outcome.kind === "refused") return { message: outcome.message, stockMessages: [] }
    confirmationPath = outcome.confirmationPath
  } catch (error) {
    if (error instanceof ShopRefusal) return { message: error.message, stockMessages: [] }
    if (error instanceof BackendUnavailableError) {
      return { message: "We could not reach the shop to confirm your payment. If money was taken, your order is placed automatically within a few minutes; please do not pay again.", stockMessages: [] }
    }
    throw error
  }
  redirect(confirmationPath)
}

/** The order's total with delivery (to the served pincode, when known) or pickup, from the backend's cart totals; null when there is no cart or the shop cannot be asked. */
export async function previewTotals(fulfilment: FulfillmentKind, pincode: string | null = null): Promise<CheckoutTotals | null> {
  const id = await cartId()
  if (!id) return null
  try {
    return await checkoutTotals(id, fulfilment === "pickup" ? "pickup" : "delivery", pincode)
  } catch (error) {
    if (error instanceof ShopRefusal || error instanceof BackendUnavailableError) return null
    throw error
  }
}
