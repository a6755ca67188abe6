import type { HttpTypes } from "@medusajs/types"
import { bestBefore, isPickupOption, paymentModeOf } from "@sweetshop/shop-contracts"
import { cookies } from "next/headers"
import { slotLabel } from "../../delivery"
import type { CheckoutFields } from "../../checkout-form"
import { forgetCart } from "../cart"
import { readConfig } from "../config"
import { getSweet } from "../catalogue"
import { ShopRefusal, store } from "../medusa"
import { PICKUP_ADDRESS_LINE, PICKUP_OPTION } from "./shipping"

/**
 * After the order: its tokens, the note this browser keeps of it, and the
 * confirmation page's view of the order (read with the order token only).
 */

export type PlaceOrderOutcome =
  /** `confirmationPath`: the confirmation page, whose URL holds an opaque token, never the order id. */
  | { kind: "order"; orderId: string; confirmationPath: string }
  | { kind: "stock"; messages: string[] }
  | { kind: "refused"; message: string; field?: keyof CheckoutFields }

const live = { cache: "live" as const }

/** What the backend gives the storefront that just placed an order (order-lifecycle's POST /store/order-tracking/confirmations). */
type OrderConfirmation = { order_id: string; order_number: number; order_token: string; order_token_expires_at: string; tracking_token: string }

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
  /** The festival a pre-order is for (its name), null for an ordinary order. */
  festivalName?: string | null
}
export type PendingNote = Pick<OrderNote, "deliveryDate" | "slotLabel" | "giftMessage" | "festivalName">

export function noteOf(fields: CheckoutFields, festivalName: string | null = null): PendingNote {
  return { deliveryDate: fields.deliveryDate, slotLabel: fields.fulfilment === "pickup" ? null : slotLabel(fields.slot), giftMessage: fields.giftMessage || null, festivalName }
}

/**
 * The order exists: the cart is forgotten, and the order's tokens are asked for with the
 * cart id (the proof that this storefront session placed it). The order token (the whole
 * order, for a day) goes into this browser's httpOnly cookie only; the confirmation page's
 * URL carries the tracking token, which opens no more than the masked tracking view.
 */
export async function orderPlaced(cartId: string, order: { id: string; display_id?: number }, note: PendingNote | null): Promise<PlaceOrderOutcome> {
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

async function rememberOrderNote(note: OrderNote) {
  ;(await cookies()).set(ORDER_NOTE_COOKIE, JSON.stringify(note), { httpOnly: true, sameSite: "lax", path: "/order", maxAge: 60 * 60 * 24 })
}

/** The day, slot and gift message chosen before an online payment, until the order exists. */
const PENDING_NOTE_COOKIE = "sweetshop_pending_note"

export async function rememberPendingNote(cartId: string, note: PendingNote) {
  ;(await cookies()).set(PENDING_NOTE_COOKIE, JSON.stringify({ cartId, ...note }), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 })
}

export async function pendingNote(cartId: string): Promise<PendingNote | null> {
  try {
    const jar = await cookies()
    const note = JSON.parse(jar.get(PENDING_NOTE_COOKIE)?.value ?? "null") as (PendingNote & { cartId: string }) | null
    if (!note || note.cartId !== cartId) return null
    jar.delete(PENDING_NOTE_COOKIE)
    return { deliveryDate: note.deliveryDate, slotLabel: note.slotLabel, giftMessage: note.giftMessage, festivalName: note.festivalName ?? null }
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
  festivalName: string | null
  /** bestBefore: the day it goes out plus the sweet's shelf life (YYYY-MM-DD), or null when either is unknown. */
  lines: { id: string; title: string; size: string; quantity: number; totalRupees: number; bestBefore: string | null }[]
  itemTotalRupees: number
  shippingTotalRupees: number
  taxTotalRupees: number
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
      query: {
        fields:
          "id,display_id,created_at,item_total,shipping_total,tax_total,total,*items,shipping_address.*,*shipping_methods,*payment_collections.payment_sessions",
      },
      headers: { "x-order-token": note.orderToken },
      freshness: live,
    }))
  } catch (error) {
    if (error instanceof ShopRefusal && error.status === 404) return null
    throw error
  }
  const a = order.shipping_address
  const pickup = (order.shipping_methods ?? []).some((m) => m.name === PICKUP_OPTION || isPickupOption(m as never))
  const fulfilment = pickup ? "pickup" : "delivery"
  // Made for the day it goes out: each line's best-before is that day plus the sweet's shelf life (from the catalogue).
  const shelfLife = new Map(
    await Promise.all(
      [...new Set((order.items ?? []).map((i) => i.product_handle).filter((h): h is string => Boolean(h)))].map(
        async (handle) => [handle, (await getSweet(handle).catch(() => null))?.shelfLifeDays ?? null] as const
      )
    )
  )
  return {
    id: order.id,
    displayId: Number(order.display_id),
    createdAt: String(order.created_at),
    phone: a?.phone ?? null,
    name: [a?.first_name, a?.last_name].filter(Boolean).join(" ") || null,
    address: fulfilment === "pickup" ? PICKUP_ADDRESS_LINE : [a?.address_1, a?.address_2, a?.city, a?.province, a?.postal_code].filter(Boolean).join(", "),
    fulfilment,
    deliveryDate: note.deliveryDate ?? null,
    slotLabel: note.slotLabel ?? null,
    giftMessage: note.giftMessage ?? null,
    festivalName: note.festivalName ?? null,
    lines: (order.items ?? []).map((i) => ({
      id: i.id,
      title: i.product_title ?? i.title,
      size: i.variant_title ?? "",
      quantity: Number(i.quantity),
      totalRupees: Number(i.total),
      bestBefore: bestBefore(note.deliveryDate, i.product_handle ? shelfLife.get(i.product_handle) : null),
    })),
    itemTotalRupees: Number(order.item_total),
    shippingTotalRupees: Number(order.shipping_total),
    taxTotalRupees: Number(order.tax_total ?? 0),
    totalRupees: Number(order.total),
    paymentLabel: paymentModeOf(order as Parameters<typeof paymentModeOf>[0]) === "online" ? "Paid online" : "Cash on delivery",
  }
}

/**
 * The GST invoice (PDF bytes) of the order a confirmation link is for, asked from the backend with
 * this browser's order token (`GET /store/orders/:id/invoice.pdf`, the same private check as the
 * order itself); null when this browser placed no such order or the backend refuses.
 */
export async function getConfirmedOrderInvoice(trackingToken: string): Promise<ArrayBuffer | null> {
  if (!/^[\w.-]{20,2048}$/.test(trackingToken)) return null
  const note = await orderNote(trackingToken)
  if (!note) return null
  const { backendUrl, publishableKey } = readConfig()
  let res: Response
  try {
    res = await fetch(`${backendUrl.replace(/\/$/, "")}/store/orders/${encodeURIComponent(note.orderId)}/invoice.pdf`, {
      headers: { "x-publishable-api-key": publishableKey, "x-order-token": note.orderToken, accept: "application/pdf" },
      cache: "no-store",
      signal: AbortSignal.timeout(15_000),
    })
  } catch {
    return null
  }
  if (!res.ok || !(res.headers.get("content-type") ?? "").includes("application/pdf")) return null
  return await res.arrayBuffer()
}
