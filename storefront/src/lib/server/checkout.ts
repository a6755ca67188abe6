import type { HttpTypes } from "@medusajs/types"
import { cookies } from "next/headers"
import { indianMobileDigits, splitName, type CheckoutFields } from "../checkout-form"
import { slotLabel } from "../delivery"
import { refusalOutcome, stockMessages } from "../refusals"
import { forgetCart, stockCheck } from "./cart"
import { readConfig } from "./config"
import { ShopRefusal, store } from "./medusa"

/** Medusa's manual payment provider, which the shop offers as cash on delivery. */
export const CASH_ON_DELIVERY_PROVIDER_ID = "pp_system_default"
const DELIVERY_OPTION = "Home delivery"
const PICKUP_OPTION = "Store pickup"
/** Where pickup orders are collected (the kitchen, as seeded). */
export const PICKUP_ADDRESS = { address_1: "Store pickup: 12 Halwai Gali, Chandni Chowk", city: "New Delhi", province: "Delhi", postal_code: "110006" }

export const RAZORPAY_PROVIDER_ID = "pp_razorpay_razorpay"

export type PlaceOrderOutcome =
  /** `confirmationPath`: the confirmation page, whose URL holds an opaque token, never the order id. */
  | { kind: "order"; orderId: string; confirmationPath: string }
  | { kind: "stock"; messages: string[] }
  | { kind: "refused"; message: string; field?: keyof CheckoutFields }

/** What Razorpay's checkout.js needs to open, from the payment session (never a secret: the plugin keeps those). */
export type RazorpayCheckout = { keyId: string; razorpayOrderId: string; amountPaise: number; currency: string }
export type StartOnlineOutcome = Exclude<PlaceOrderOutcome, { kind: "order" }> | { kind: "razorpay"; checkout: RazorpayCheckout }

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
 * The ids of the shop's two shipping options ("Home delivery", "Store pickup"),
 * asked of the backend once and kept for SHIPPING_IDS_MS: they change only when
 * staff replace an option, and a checkout refused for an unknown option asks again.
 */
const SHIPPING_IDS_MS = 10 * 60_000
let shippingIds: { backend: string; at: number; byName: Map<string, string> } | null = null

async function shippingOptionId(cartId: string, name: string, fresh = false): Promise<string | null> {
  const backend = readConfig().backendUrl
  if (fresh || !shippingIds || shippingIds.backend !== backend || Date.now() - shippingIds.at > SHIPPING_IDS_MS || !shippingIds.byName.has(name)) {
    const { shipping_options } = await store<{ shipping_options: HttpTypes.StoreCartShippingOption[] }>("/store/shipping-options", {
      query: { cart_id: cartId, fields: "id,name" },
      freshness: live,
    })
    shippingIds = { backend, at: Date.now(), byName: new Map(shipping_options.map((o) => [o.name, o.id])) }
  }
  return shippingIds.byName.get(name) ?? null
}

/**
 * The backend's one-call checkout wants an email. Shoppers may leave theirs out
 * (order updates go to the phone), so such an order is filed under an address at
 * the reserved `.invalid` domain (RFC 2606) made from the phone, which can never
 * receive mail. To drop once the backend takes checkouts without an email.
 */
export function checkoutEmail(fields: Pick<CheckoutFields, "email" | "phone">): string {
  if (fields.email) return fields.email
  return `${indianMobileDigits(fields.phone) ?? "shopper"}@no-email.sweetshop.invalid`
}

type OneCallAnswer =
  | { type: "order"; order: { id: string; display_id: number; total: number; currency_code: string } }
  | { type: "payment"; payment_session: { id: string; provider_id: string; data: Record<string, unknown> } }

/**
 * Checkout in one request to the backend (`POST /store/carts/:id/checkout`,
 * backend/src/lib/one-call-checkout.ts): contact, address, the order's day, slot
 * and gift message, the shipping method and the payment session; for cash on
 * delivery the cart is completed there too (the backend checks the phone, the
 * cash-on-delivery cap, the pincode and every pool inside a lock).
 */
async function checkOut(cartId: string, fields: CheckoutFields, providerId: string): Promise<OneCallAnswer | Exclude<PlaceOrderOutcome, { kind: "order" }>> {
  const wanted = fields.fulfilment === "delivery" ? DELIVERY_OPTION : PICKUP_OPTION
  const { firstName, lastName } = splitName(fields.fullName)
  const place =
    fields.fulfilment === "delivery"
      ? { address_1: fields.address, city: fields.city, province: fields.state, postal_code: fields.pincode.replace(/\s/g, "") }
      : PICKUP_ADDRESS
  const body = (optionId: string) => ({
    email: checkoutEmail(fields),
    shipping_address: { first_name: firstName, ...(lastName ? { last_name: lastName } : {}), phone: fields.phone, country_code: "in", ...place },
    shipping_option_id: optionId,
    payment_provider_id: providerId,
    metadata: {
      fulfilment: fields.fulfilment,
      delivery_date: fields.deliveryDate,
      delivery_slot: fields.slot,
      delivery_slot_label: slotLabel(fields.slot),
      gift_message: fields.giftMessage || null,
    },
  })
  for (const fresh of [false, true]) {
    const optionId = await shippingOptionId(cartId, wanted, fresh)
    if (!optionId) return { kind: "refused", message: `${wanted} is not available for this cart right now. Please choose another way.`, field: "fulfilment" }
    try {
      return await store<OneCallAnswer>(`/store/carts/${cartId}/checkout`, { method: "POST", body: body(optionId), freshness: live })
    } catch (error) {
      if (!(error instanceof ShopRefusal)) throw error
      // A shipping option replaced by staff since the ids were read: ask again once.
      if (!fresh && /shipping option/i.test(error.message)) continue
      return refusalOutcome(error.message, () => stockCheck(cartId).catch(() => null))
    }
  }
  return { kind: "refused", message: `${wanted} is not available for this cart right now. Please choose another way.`, field: "fulfilment" }
}

/** What the backend gives the storefront that just placed an order (order-lifecycle's POST /store/order-tracking/confirmations). */
type OrderConfirmation = { order_id: string; order_number: number; order_token: string; order_token_expires_at: string; tracking_token: string }

/**
 * The order exists: the cart is forgotten, and the order's tokens are asked for with the
 * cart id (the proof that this storefront session placed it). The order token (the whole
 * order, for a day) goes into this browser's httpOnly cookie only; the confirmation page's
 * URL carries the tracking token, which opens no more than the masked tracking view.
 */
async function orderPlaced(cartId: string, order: { id: string; display_id?: number }, note: Omit<OrderNote, "orderId" | "orderToken" | "trackingToken"> | null): Promise<PlaceOrderOutcome> {
  await forgetCart()
  let confirmation: OrderConfirmation | null = null
  try {
    confirmation = await store<OrderConfirmation>("/store/order-tracking/confirmations", { method: "POST", body: { cart_id: cartId }, freshness: live })
  } catch (error) {
    if (!(error instanceof ShopRefusal)) throw error
  }
  if (!confirmation || confirmation.order_id !== order.id) {
    // The order is placed; without its tokens the shopper can still track it by number and phone.
    return { kind: "order", orderId: order.id, confirmationPath: order.display_id ? `/track?order=${order.display_id}` : "/track" }
  }
  await rememberOrderNote({
    orderId: order.id,
    orderToken: confirmation.order_token,
    trackingToken: confirmation.tracking_token,
    deliveryDate: null,
    slotLabel: null,
    giftMessage: null,
    ...note,
  })
  return { kind: "order", orderId: order.id, confirmationPath: `/order/confirmed/${confirmation.tracking_token}` }
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
      return { kind: "refused", message: error.message }
    }
    throw error
  }
  if (completion.type !== "order") return { kind: "refused", message: completion.error?.message ?? "The order could not be placed. Please try again." }
  return orderPlaced(cartId, completion.order, note)
}

function noteOf(fields: CheckoutFields): PendingNote {
  return { deliveryDate: fields.deliveryDate, slotLabel: slotLabel(fields.slot), giftMessage: fields.giftMessage || null }
}

/** Cash on delivery: one call to the backend, which answers with the order (or a sentence). */
export async function placeCashOnDeliveryOrder(cartId: string, fields: CheckoutFields): Promise<PlaceOrderOutcome> {
  const answer = await checkOut(cartId, fields, CASH_ON_DELIVERY_PROVIDER_ID)
  if ("kind" in answer) return answer
  if (answer.type !== "order") throw new Error("the checkout answered a payment session for cash on delivery")
  return orderPlaced(cartId, answer.order, noteOf(fields))
}

/**
 * Online payment, first half: the stock check (so nobody pays for sweets that ran
 * out), then one call that prepares the cart and opens a Razorpay session (the
 * plugin makes a Razorpay order in paise). The page then opens checkout.js with it.
 */
export async function startRazorpayPayment(cartId: string, fields: CheckoutFields): Promise<StartOnlineOutcome> {
  const stock = await stockCheck(cartId)
  if (!stock.ok) return { kind: "stock", messages: stockMessages(stock) }
  const answer = await checkOut(cartId, fields, RAZORPAY_PROVIDER_ID)
  if ("kind" in answer) return answer
  const data = answer.type === "payment" ? answer.payment_session.data : {}
  if (typeof data.key_id !== "string" || typeof data.razorpay_order_id !== "string") {
    return { kind: "refused", message: "Online payment is not available just now. Please choose cash on delivery or try again.", field: "payment" }
  }
  await rememberPendingNote(cartId, noteOf(fields))
  return {
    kind: "razorpay",
    checkout: { keyId: data.key_id, razorpayOrderId: data.razorpay_order_id, amountPaise: Number(data.amount_paise), currency: String(data.currency ?? "INR").toUpperCase() },
  }
}

export type RazorpayResponse = { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string }

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

/**
 * The store API does not return an order's metadata, where the delivery day,
 * slot and gift message are kept for staff. The browser that placed the order
 * keeps them for a day in an httpOnly cookie so its confirmation page can repeat them,
 * with the order's tokens: the order token opens the order in full (Medusa's
 * GET /store/orders/:id, which answers nobody without it), and only this browser has it.
 * Anyone else holding the confirmation link is sent to the tracking page, which shows
 * the order masked.
 */
const ORDER_NOTE_COOKIE = "sweetshop_order_note"
type OrderNote = {
  orderId: string
  orderToken: string
  trackingToken: string
  deliveryDate: string | null
  slotLabel: string | null
  giftMessage: string | null
}
type PendingNote = Pick<OrderNote, "deliveryDate" | "slotLabel" | "giftMessage">

async function rememberOrderNote(note: OrderNote) {
  ;(await cookies()).set(ORDER_NOTE_COOKIE, JSON.stringify(note), { httpOnly: true, sameSite: "lax", path: "/order", maxAge: 60 * 60 * 24 })
}

/** The day, slot and gift message chosen before an online payment, until the order exists. */
const PENDING_NOTE_COOKIE = "sweetshop_pending_note"

async function rememberPendingNote(cartId: string, note: PendingNote) {
  ;(await cookies()).set(PENDING_NOTE_COOKIE, JSON.stringify({ cartId, ...note }), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 })
}

async function pendingNote(cartId: string): Promise<PendingNote | null> {
  try {
    const jar = await cookies()
    const note = JSON.parse(jar.get(PENDING_NOTE_COOKIE)?.value ?? "null") as (PendingNote & { cartId: string }) | null
    if (!note || note.cartId !== cartId) return null
    jar.delete(PENDING_NOTE_COOKIE)
    return { deliveryDate: note.deliveryDate, slotLabel: note.slotLabel, giftMessage: note.giftMessage }
  } catch {
    return null
  }
}

/** This browser's note of the order a confirmation link is for; null when it placed no such order. */
async function orderNote(trackingToken: string): Promise<OrderNote | null> {
  try {
    const note = JSON.parse((await cookies()).get(ORDER_NOTE_COOKIE)?.value ?? "null") as OrderNote | null
    return note && typeof note.orderToken === "string" && note.trackingToken === trackingToken ? note : null
  } catch {
    return null
  }
}

export type OrderView = {
  id: string
  displayId: number
  createdAt: string
  phone: string | null
  name: string | null
  address: string
  fulfilment: "delivery" | "pickup"
  deliveryDate: string | null
  slotLabel: string | null
  giftMessage: string | null
  lines: { id: string; title: string; size: string; quantity: number; totalRupees: number }[]
  itemTotalRupees: number
  shippingTotalRupees: number
  totalRupees: number
  paymentLabel: string
}

/**
 * The order a confirmation link is for, in full, when this browser placed it (its cookie
 * holds the order token); null otherwise (the page then sends the visitor to tracking).
 */
export async function getConfirmedOrder(trackingToken: string): Promise<OrderView | null> {
  if (!/^[\w.-]{20,2048}$/.test(trackingToken)) return null
  const note = await orderNote(trackingToken)
  if (!note) return null
  let order: HttpTypes.StoreOrder
  try {
    ;({ order } = await store<{ order: HttpTypes.StoreOrder }>(`/store/orders/${note.orderId}`, {
      query: { fields: "id,display_id,created_at,item_total,shipping_total,total,*items,shipping_address.*,*shipping_methods,*payment_collections.payment_sessions" },
      headers: { "x-order-token": note.orderToken },
      freshness: live,
    }))
  } catch (error) {
    if (error instanceof ShopRefusal && error.status === 404) return null
    throw error
  }
  const a = order.shipping_address
  const fulfilment = (order.shipping_methods ?? []).some((m) => m.name === PICKUP_OPTION) ? "pickup" : "delivery"
  const providers = (order.payment_collections ?? []).flatMap((pc) => (pc.payment_sessions ?? []).map((s) => s.provider_id))
  return {
    id: order.id,
    displayId: Number(order.display_id),
    createdAt: String(order.created_at),
    phone: a?.phone ?? null,
    name: [a?.first_name, a?.last_name].filter(Boolean).join(" ") || null,
    address:
      fulfilment === "pickup"
        ? "12 Halwai Gali, Chandni Chowk, New Delhi 110006"
        : [a?.address_1, a?.city, a?.province, a?.postal_code].filter(Boolean).join(", "),
    fulfilment,
    deliveryDate: note.deliveryDate ?? null,
    slotLabel: note.slotLabel ?? null,
    giftMessage: note.giftMessage ?? null,
    lines: (order.items ?? []).map((i) => ({
      id: i.id,
      title: i.product_title ?? i.title,
      size: i.variant_title ?? "",
      quantity: Number(i.quantity),
      totalRupees: Number(i.total),
    })),
    itemTotalRupees: Number(order.item_total),
    shippingTotalRupees: Number(order.shipping_total),
    totalRupees: Number(order.total),
    paymentLabel: providers.includes(CASH_ON_DELIVERY_PROVIDER_ID) || providers.length === 0 ? "Cash on delivery" : "Paid online",
  }
}
