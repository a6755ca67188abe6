import { RAZORPAY_PROVIDER_ID } from "@sweetshop/shop-contracts"
import type { CheckoutFields } from "../../checkout-form"
import { formFieldOf, stockMessages } from "../../refusals"
import { stockCheck } from "../cart"
import { ShopRefusal, store } from "../medusa"
import { noteOf, orderPlaced, pendingNote, rememberPendingNote, type PendingNote, type PlaceOrderOutcome } from "./confirmation"
import { checkOut, type Refused } from "./one-call"

/** Online payment through Razorpay: the payment methods the region offers, the session, the signed response. */

/** What Razorpay's checkout.js needs to open, from the payment session (never a secret: the plugin keeps those). */
export type RazorpayCheckout = { keyId: string; razorpayOrderId: string; amountPaise: number; currency: string }
export type StartOnlineOutcome = Refused | { kind: "razorpay"; checkout: RazorpayCheckout }
export type RazorpayResponse = { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string }

const live = { cache: "live" as const }

/** The payment methods the shop's region offers now (Razorpay appears when its keys are set). */
export async function paymentProviders(regionId: string): Promise<string[]> {
  const { payment_providers } = await store<{ payment_providers: { id: string }[] }>("/store/payment-providers", {
    query: { region_id: regionId },
    freshness: live,
  })
  return payment_providers.map((p) => p.id)
}

/**
 * Online payment, first half: the stock check (so nobody pays for sweets that ran
 * out), then one call that prepares the cart and opens a Razorpay session (the
 * plugin makes a Razorpay order in paise). The page then opens checkout.js with it.
 */
export async function startRazorpayPayment(cartId: string, fields: CheckoutFields, idempotencyKey: string | null, festivalName: string | null = null): Promise<StartOnlineOutcome> {
  const stock = await stockCheck(cartId)
  if (!stock.ok) return { kind: "stock", messages: stockMessages(stock) }
  const answer = await checkOut(cartId, fields, RAZORPAY_PROVIDER_ID, idempotencyKey)
  if ("kind" in answer) return answer
  const data = answer.type === "payment" ? answer.payment_session.data : {}
  if (typeof data.key_id !== "string" || typeof data.razorpay_order_id !== "string") {
    return { kind: "refused", message: "Online payment is not available just now. Please choose cash on delivery or try again.", field: "payment" }
  }
  await rememberPendingNote(cartId, noteOf(fields, festivalName))
  return {
    kind: "razorpay",
    checkout: { keyId: data.key_id, razorpayOrderId: data.razorpay_order_id, amountPaise: Number(data.amount_paise), currency: String(data.currency ?? "INR").toUpperCase() },
  }
}

/** Completes the cart into an order after an online payment (the backend checks the payment and every pool). */
async function completeCart(cartId: string, note: PendingNote | null): Promise<PlaceOrderOutcome> {
  let completion: { type: "order"; order: { id: string; display_id?: number } } | { type: "cart"; error?: { message?: string } }
  try {
    completion = await store(`/store/carts/${cartId}/complete`, { method: "POST", freshness: live })
  } catch (error) {
    if (error instanceof ShopRefusal) {
      const again = await stockCheck(cartId).catch(() => null)
      if (again && !again.ok) return { kind: "stock", messages: stockMessages(again) }
      return { kind: "refused", message: error.message, field: formFieldOf(error) }
    }
    throw error
  }
  if (completion.type !== "order") return { kind: "refused", message: completion.error?.message ?? "The order could not be placed. Please try again." }
  return orderPlaced(cartId, completion.order, note)
}

/**
 * Online payment, second half: what checkout.js handed the page goes to the plugin's
 * checkout-response route; completing the cart then checks the signature against the
 * server's Razorpay order and the payment at Razorpay before any order exists.
 */
export async function finishRazorpayPayment(cartId: string, response: RazorpayResponse): Promise<PlaceOrderOutcome> {
  try {
    await store("/store/razorpay/checkout-response", { method: "POST", body: { cart_id: cartId, ...response }, freshness: live })
  } catch (error) {
    if (error instanceof ShopRefusal) return { kind: "refused", message: error.message, field: "payment" }
    throw error
  }
  return completeCart(cartId, await pendingNote(cartId))
}
