"use server"

import { redirect } from "next/navigation"
import { readCheckoutForm, validateCheckout, type FieldErrors } from "@/lib/checkout-form"
import { cartId } from "@/lib/server/cart"
import { placeCashOnDeliveryOrder } from "@/lib/server/checkout"
import { BackendUnavailableError, ShopRefusal } from "@/lib/server/medusa"

export type CheckoutState = {
  fieldErrors: FieldErrors
  /** Lines whose stock dropped since they were added: shown above the form with a link to the cart. */
  stockMessages: string[]
  message: string | null
  /** What was sent, so the form keeps it after an error. */
  values: Record<string, string>
}

export async function placeOrder(_previous: CheckoutState, form: FormData): Promise<CheckoutState> {
  const fields = readCheckoutForm(form)
  const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]))
  const fieldErrors = validateCheckout(fields, new Date())
  if (Object.keys(fieldErrors).length) {
    return { fieldErrors, stockMessages: [], message: "Please correct the highlighted fields.", values }
  }
  const id = await cartId()
  if (!id) return { fieldErrors: {}, stockMessages: [], message: "Your cart is empty or has expired. Please add your sweets again.", values }

  let orderId: string
  try {
    const outcome = await placeCashOnDeliveryOrder(id, fields)
    if (outcome.kind === "stock") {
      return { fieldErrors: {}, stockMessages: outcome.messages, message: "Some sweets in your cart sold out while you were shopping.", values }
    }
    if (outcome.kind === "refused") {
      return { fieldErrors: outcome.field ? { [outcome.field]: outcome.message } : {}, stockMessages: [], message: outcome.message, values }
    }
    orderId = outcome.orderId
  } catch (error) {
    if (error instanceof ShopRefusal) return { fieldErrors: {}, stockMessages: [], message: error.message, values }
    if (error instanceof BackendUnavailableError) {
      return { fieldErrors: {}, stockMessages: [], message: "We could not reach the shop to place your order. Nothing was charged; please try again in a moment.", values }
    }
    throw error
  }
  redirect(`/order/confirmed/${orderId}`)
}
