import type { HttpTypes } from "@medusajs/types"
import { cookies } from "next/headers"
import { splitName, type CheckoutFields } from "../checkout-form"
import { slotLabel } from "../delivery"
import { forgetCart, getRawCart, stockCheck } from "./cart"
import { ShopRefusal, store } from "./medusa"

/** Medusa's manual payment provider, which the shop offers as cash on delivery. */
export const CASH_ON_DELIVERY_PROVIDER_ID = "pp_system_default"
const DELIVERY_OPTION = "Home delivery"
const PICKUP_OPTION = "Store pickup"
/** Where pickup orders are collected (the kitchen, as seeded). */
export const PICKUP_ADDRESS = { address_1: "Store pickup: 12 Halwai Gali, Chandni Chowk", city: "New Delhi", province: "Delhi", postal_code: "110006" }

export const RAZORPAY_PROVIDER_ID = "pp_razorpay_razorpay"

export type PlaceOrderOutcome =
  | { kind: "order"; orderId: string }
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

function stockMessages(stock: { lines: { ok: boolean; message: string | null }[] }): string[] {
  return stock.lines.filter((l) => !l.ok).map((l) => l.message ?? "A line of your cart is no longer in stock.")
}

/**
 * Everything before payment, in the order Medusa wants it: a stock check (stock may
 * have dropped since the sweets were added), contact and address with the order's
 * day, slot and gift message, then the shipping method. Null when ready for payment.
 */
async function prepareCart(cartId: string, fields: CheckoutFields): Promise<Exclude<PlaceOrderOutcome, { kind: "order" }> | null> {
  const cart = await getRawCart(cartId)
  if (!cart || !cart.items?.length) return { kind: "refused", message: "Your cart is empty or has expired. Please add your sweets again." }

  const stock = await stockCheck(cartId)
  if (!stock.ok) return { kind: "stock", messages: stockMessages(stock) }

  const { firstName, lastName } = splitName(fields.fullName)
  const place =
    fields.fulfilment === "delivery"
      ? { address_1: fields.address, city: fields.city, province: fields.state, postal_code: fields.pincode.replace(/\s/g, "") }
      : PICKUP_ADDRESS
  const address = { first_name: firstName, last_name: lastName, phone: fields.phone, country_code: "in", ...place }
  try {
    await store(`/store/carts/${cartId}`, {
      method: "POST",
      query: { fields: "id" },
      body: {
        ...(fields.email ? { email: fields.email } : {}),
        shipping_address: address,
        billing_address: address,
        metadata: {
          fulfilment: fields.fulfilment,
          delivery_date: fields.deliveryDate,
          delivery_slot: fields.slot,
          delivery_slot_label: slotLabel(fields.slot),
          gift_message: fields.giftMessage || null,
        },
      },
      freshness: live,
    })
  } catch (error) {
    if (error instanceof ShopRefusal && /phone|mobile/i.test(error.message)) return { kind: "refused", message: error.message, field: "phone" }
    throw error
  }

  const { shipping_options } = await store<{ shipping_options: HttpTypes.StoreCartShippingOption[] }>("/store/shipping-options", {
    query: { cart_id: cartId },
    freshness: live,
  })
  const wanted = fields.fulfilment === "delivery" ? DELIVERY_OPTION : PICKUP_OPTION
  const option = shipping_options.find((o) => o.name === wanted)
  if (!option) return { kind: "refused", message: `${wanted} is not available for this cart right now. Please choose another way.`, field: "fulfilment" }
  await store(`/store/carts/${cartId}/shipping-methods`, { method: "POST", body: { option_id: option.id }, query: { fields: "id" }, freshness: live })
  return null
}

/** A payment session of the provider on the cart's payment collection; a refusal (the COD cap) comes back as a sentence. */
async function openPaymentSession(cartId: string, providerId: string): Promise<HttpTypes.StorePaymentSession | { refused: string }> {
  const { payment_collection } = await store<{ payment_collection: HttpTypes.StorePaymentCollection }>("/store/payment-collections", {
    method: "POST",
    body: { cart_id: cartId },
    freshness: live,
  })
  try {
    const { payment_collection: updated } = await store<{ payment_collection: HttpTypes.StorePaymentCollection }>(
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      { method: "POST", body: { provider_id: providerId }, freshness: live }
    )
    const session = (updated.payment_sessions ?? []).find((s) => s.provider_id === providerId)
    if (!session) throw new Error(`no ${providerId} session was created`)
    return session
  } catch (error) {
    if (error instanceof ShopRefusal) return { refused: error.message }
    throw error
  }
}

/** Completes the cart into an order (the backend checks every pool inside a lock and authorises the payment). */
async function completeCart(cartId: string, note: Omit<OrderNote, "orderId"> | null): Promise<PlaceOrderOutcome> {
  let completion: { type: "order"; order: { id: string } } | { type: "cart"; error?: { message?: string } }
  try {
    completion = await store(`/store/carts/${cartId}/complete`, { method: "POST", freshness: live })
  } catch (error) {
    // The pool guard refuses completion with a sentence when stock ran out meanwhile.
    if (error instanceof ShopRefusal) {
      const again = await stockCheck(cartId).catch(() => null)
      if (again && !again.ok) return { kind: "stock", messages: stockMessages(again) }
      return { kind: "refused", message: error.message }
    }
    throw error
  }
  if (completion.type !== "order") return { kind: "refused", message: completion.error?.message ?? "The order could not be placed. Please try again." }
  await forgetCart()
  await rememberOrderNote({ orderId: completion.order.id, deliveryDate: null, slotLabel: null, giftMessage: null, ...note })
  return { kind: "order", orderId: completion.order.id }
}

function noteOf(fields: CheckoutFields): Omit<OrderNote, "orderId"> {
  return { deliveryDate: fields.deliveryDate, slotLabel: slotLabel(fields.slot), giftMessage: fields.giftMessage || null }
}

/**
 * Cash on delivery: prepare, a manual payment session (refused above COD_MAX_ORDER_RUPEES
 * by the backend), complete. The backend checks the phone, the cap and every pool.
 */
export async function placeCashOnDeliveryOrder(cartId: string, fields: CheckoutFields): Promise<PlaceOrderOutcome> {
  const problem = await prepareCart(cartId, fields)
  if (problem) return problem
  const session = await openPaymentSession(cartId, CASH_ON_DELIVERY_PROVIDER_ID)
  if ("refused" in session) return { kind: "refused", message: session.refused, field: "payment" }
  return completeCart(cartId, noteOf(fields))
}

/**
 * Online payment, first half: prepare and open a Razorpay session (the plugin makes a
 * Razorpay order in paise). The page then opens checkout.js with what this returns.
 */
export async function startRazorpayPayment(cartId: string, fields: CheckoutFields): Promise<StartOnlineOutcome> {
  const problem = await prepareCart(cartId, fields)
  if (problem) return problem
  const session = await openPaymentSession(cartId, RAZORPAY_PROVIDER_ID)
  if ("refused" in session) return { kind: "refused", message: session.refused, field: "payment" }
  const data = (session.data ?? {}) as Record<string, unknown>
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
 * keeps them for a day in an httpOnly cookie so its confirmation page can repeat them;
 * only that browser's confirmation shows the name, phone and address (anyone else
 * holding the link sees the order without them).
 */
const ORDER_NOTE_COOKIE = "sweetshop_order_note"
type OrderNote = { orderId: string; deliveryDate: string | null; slotLabel: string | null; giftMessage: string | null }

async function rememberOrderNote(note: OrderNote) {
  ;(await cookies()).set(ORDER_NOTE_COOKIE, JSON.stringify(note), { httpOnly: true, sameSite: "lax", path: "/order", maxAge: 60 * 60 * 24 })
}

/** The day, slot and gift message chosen before an online payment, until the order exists. */
const PENDING_NOTE_COOKIE = "sweetshop_pending_note"

async function rememberPendingNote(cartId: string, note: Omit<OrderNote, "orderId">) {
  ;(await cookies()).set(PENDING_NOTE_COOKIE, JSON.stringify({ cartId, ...note }), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 })
}

async function pendingNote(cartId: string): Promise<Omit<OrderNote, "orderId"> | null> {
  try {
    const jar = await cookies()
    const note = JSON.parse(jar.get(PENDING_NOTE_COOKIE)?.value ?? "null") as (Omit<OrderNote, "orderId"> & { cartId: string }) | null
    if (!note || note.cartId !== cartId) return null
    jar.delete(PENDING_NOTE_COOKIE)
    return { deliveryDate: note.deliveryDate, slotLabel: note.slotLabel, giftMessage: note.giftMessage }
  } catch {
    return null
  }
}

async function orderNote(orderId: string): Promise<OrderNote | null> {
  try {
    const note = JSON.parse((await cookies()).get(ORDER_NOTE_COOKIE)?.value ?? "null") as OrderNote | null
    return note?.orderId === orderId ? note : null
  } catch {
    return null
  }
}

export type OrderView = {
  id: string
  displayId: number
  createdAt: string
  /** False when this browser did not place the order: personal details are then left out. */
  placedHere: boolean
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

export async function getOrder(orderId: string): Promise<OrderView | null> {
  if (!/^order_[A-Za-z0-9]+$/.test(orderId)) return null
  let order: HttpTypes.StoreOrder
  try {
    ;({ order } = await store<{ order: HttpTypes.StoreOrder }>(`/store/orders/${orderId}`, {
      query: { fields: "id,display_id,created_at,item_total,shipping_total,total,*items,shipping_address.*,*shipping_methods,*payment_collections.payment_sessions" },
      freshness: live,
    }))
  } catch (error) {
    if (error instanceof ShopRefusal && error.status === 404) return null
    throw error
  }
  const note = await orderNote(order.id)
  const a = order.shipping_address
  const fulfilment = (order.shipping_methods ?? []).some((m) => m.name === PICKUP_OPTION) ? "pickup" : "delivery"
  const providers = (order.payment_collections ?? []).flatMap((pc) => (pc.payment_sessions ?? []).map((s) => s.provider_id))
  return {
    id: order.id,
    displayId: Number(order.display_id),
    createdAt: String(order.created_at),
    placedHere: note !== null,
    phone: note ? (a?.phone ?? null) : null,
    name: note ? [a?.first_name, a?.last_name].filter(Boolean).join(" ") : null,
    address:
      fulfilment === "pickup"
        ? "12 Halwai Gali, Chandni Chowk, New Delhi 110006"
        : note
          ? [a?.address_1, a?.city, a?.province, a?.postal_code].filter(Boolean).join(", ")
          : "your address",
    fulfilment,
    deliveryDate: note?.deliveryDate ?? null,
    slotLabel: note?.slotLabel ?? null,
    giftMessage: note?.giftMessage ?? null,
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
