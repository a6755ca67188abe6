"use server"

import { redirect } from "next/navigation"
import { readCheckoutForm, validateCheckout, type FieldErrors } from "@/lib/checkout-form"
import { cartId } from "@/lib/server/cart"
import {
  finishRazorpayPayment,
  placeCashOnDeliveryOrder,
  startRazorpayPayment,
  type PlaceOrderOutcome,
  type RazorpayCheckout,
  type RazorpayResponse,
} from "@/lib/server/checkout"
import { BackendUnavailableError, ShopRefusal } from "@/lib/server/medusa"

export type CheckoutState = {
  fieldErrors: FieldErrors
  /** Lines whose stock dropped since they were added: shown above the form with a link to the cart. */
  stockMessages: string[]
  message: string | null
  /** Set when an online payment is ready: the page opens Razorpay's checkout with it (attempt counts the tries). */
  razorpay: (RazorpayCheckout & { attempt: number }) | null
}

const EMPTY_CART = "Your cart is empty or has expired. Please add your sweets again."
const UNREACHABLE = "We could not reach the shop to place your order. Nothing was charged; please try again in a moment."

function stateFor(outcome: Exclude<PlaceOrderOutcome, { kind: "order" }>): CheckoutState {
  if (outcome.kind === "stock") {
    return { fieldErrors: {}, stockMessages: outcome.messages, message: "Some sweets in your cart sold out while you were shopping.", razorpay: null }
  }
  return { fieldErrors: outcome.field ? { [outcome.field]: outcome.message } : {}, stockMessages: [], message: outcome.message, razorpay: null }
}

function messageState(message: string): CheckoutState {
  return { fieldErrors: {}, stockMessages: [], message, razorpay: null }
}

/** The checkout form's action: checks every field, then cash on delivery (to the confirmation) or the start of an online payment. */
export async function placeOrder(previous: CheckoutState, form: FormData): Promise<CheckoutState> {
  const fields = readCheckoutForm(form)
  const fieldErrors = validateCheckout(fields, new Date())
  if (Object.keys(fieldErrors).length) {
    return { fieldErrors, stockMessages: [], message: "Please correct the highlighted fields.", razorpay: null }
  }
  const id = await cartId()
  if (!id) return messageState(EMPTY_CART)

  let confirmationPath: string
  try {
    if (fields.payment === "razorpay") {
      const started = await startRazorpayPayment(id, fields)
      if (started.kind !== "razorpay") return stateFor(started)
      return { fieldErrors: {}, stockMessages: [], message: null, razorpay: { ...started.checkout, attempt: (previous.razorpay?.attempt ?? 0) + 1 } }
    }
    const outcome = await placeCashOnDeliveryOrder(id, fields)
    if (outcome.kind !== "order") return stateFor(outcome)
    confirmationPath = outcome.confirmationPath
  } catch (error) {
    if (error instanceof ShopRefusal) return messageState(error.message)
    if (error instanceof BackendUnavailableError) return messageState(UNREACHABLE)
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
