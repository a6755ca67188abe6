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

export type PlaceOrderOutcome =
  | { kind: "order"; orderId: string }
  | { kind: "stock"; messages: string[] }
  | { kind: "refused"; message: string; field?: keyof CheckoutFields }

const live = { cache: "live" as const }

/**
 * Cash-on-delivery checkout in the order Medusa wants it: contact and address,
 * the shipping method, a payment session, then completion. The backend checks
 * the phone, the cash-on-delivery cap and, inside a lock, every pool.
 */
export async function placeCashOnDeliveryOrder(cartId: string, fields: CheckoutFields): Promise<PlaceOrderOutcome> {
  const cart = await getRawCart(cartId)
  if (!cart || !cart.items?.length) return { kind: "refused", message: "Your cart is empty or has expired. Please add your sweets again." }

  // Stock may have dropped since the sweets were added: say so before anything else.
  const stock = await stockCheck(cartId)
  if (!stock.ok) return { kind: "stock", messages: stock.lines.filter((l) => !l.ok).map((l) => l.message ?? "A line of your cart is no longer in stock.") }

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

  const { payment_collection } = await store<{ payment_collection: HttpTypes.StorePaymentCollection }>("/store/payment-collections", {
    method: "POST",
    body: { cart_id: cartId },
    freshness: live,
  })
  try {
    await store(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
      method: "POST",
      body: { provider_id: CASH_ON_DELIVERY_PROVIDER_ID },
      freshness: live,
    })
  } catch (error) {
    if (error instanceof ShopRefusal) return { kind: "refused", message: error.message, field: "payment" }
    throw error
  }

  let completion: { type: "order"; order: { id: string } } | { type: "cart"; error?: { message?: string } }
  try {
    completion = await store(`/store/carts/${cartId}/complete`, { method: "POST", freshness: live })
  } catch (error) {
    // The pool guard refuses completion with a sentence when stock ran out meanwhile.
    if (error instanceof ShopRefusal) {
      const again = await stockCheck(cartId).catch(() => null)
      if (again && !again.ok) return { kind: "stock", messages: again.lines.filter((l) => !l.ok).map((l) => l.message ?? error.message) }
      return { kind: "refused", message: error.message }
    }
    throw error
  }
  if (completion.type !== "order") return { kind: "refused", message: completion.error?.message ?? "The order could not be placed. Please try again." }
  await forgetCart()
  await rememberOrderNote({
    orderId: completion.order.id,
    deliveryDate: fields.deliveryDate,
    slotLabel: slotLabel(fields.slot),
    giftMessage: fields.giftMessage || null,
  })
  return { kind: "order", orderId: completion.order.id }
}

/**
 * The store API does not return an order's metadata, where the delivery day,
 * slot and gift message are kept for staff. The browser that placed the order
 * keeps them for a day in an httpOnly cookie so its confirmation page can repeat them.
 */
const ORDER_NOTE_COOKIE = "sweetshop_order_note"
type OrderNote = { orderId: string; deliveryDate: string; slotLabel: string; giftMessage: string | null }

async function rememberOrderNote(note: OrderNote) {
  ;(await cookies()).set(ORDER_NOTE_COOKIE, JSON.stringify(note), { httpOnly: true, sameSite: "lax", path: "/order", maxAge: 60 * 60 * 24 })
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
  email: string | null
  phone: string | null
  name: string
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
      query: { fields: "id,display_id,created_at,email,item_total,shipping_total,total,*items,shipping_address.*,*shipping_methods,*payment_collections.payment_sessions" },
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
    email: order.email ?? null,
    phone: a?.phone ?? null,
    name: [a?.first_name, a?.last_name].filter(Boolean).join(" "),
    address: fulfilment === "pickup" ? PICKUP_ADDRESS.address_1.replace("Store pickup: ", "") + ", New Delhi 110006" : [a?.address_1, a?.city, a?.province, a?.postal_code].filter(Boolean).join(", "),
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
