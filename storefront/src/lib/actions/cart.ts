"use server"

import { redirect } from "next/navigation"
import { addLine, getCart, leaveFestival, setLineQuantity, type CartView } from "@/lib/server/cart"
import { BackendUnavailableError, ShopRefusal } from "@/lib/server/medusa"

export type CartActionResult = { ok: true; cart: CartView | null } | { ok: false; message: string; cart: CartView | null }

const MAX_QUANTITY = 99

/** What the shopper reads when something went wrong: the shop's own sentence, or a plain one. */
function sentenceFor(error: unknown): string {
  if (error instanceof ShopRefusal) return error.message
  if (error instanceof BackendUnavailableError) return "We could not reach the shop just now. Please try again in a moment."
  throw error
}

async function cartOrNull(): Promise<CartView | null> {
  try {
    return await getCart()
  } catch {
    return null
  }
}

function wholeQuantity(value: unknown): number | null {
  const n = Number(value)
  return Number.isInteger(n) && n >= 0 && n <= MAX_QUANTITY ? n : null
}

/**
 * Adds a size of a sweet; the backend checks the product's pool with the cart's other lines of it.
 * `festival`: a festival page's handle; the cart becomes that festival's pre-order.
 */
export async function addToCart(variantId: string, quantity: number, festival: string | null = null): Promise<CartActionResult> {
  const qty = wholeQuantity(quantity)
  if (!qty || typeof variantId !== "string" || !variantId.startsWith("variant_")) {
    return { ok: false, message: `Please choose a size and a quantity from 1 to ${MAX_QUANTITY}.`, cart: null }
  }
  try {
    const handle = typeof festival === "string" && /^[a-z0-9-]{1,100}$/.test(festival) ? festival : null
    return { ok: true, cart: await addLine(variantId, qty, handle) }
  } catch (error) {
    return { ok: false, message: sentenceFor(error), cart: await cartOrNull() }
  }
}

export async function changeQuantity(lineId: string, quantity: number): Promise<CartActionResult> {
  const qty = wholeQuantity(quantity)
  if (qty === null || typeof lineId !== "string") return { ok: false, message: `Quantities go from 0 to ${MAX_QUANTITY}.`, cart: await cartOrNull() }
  try {
    await setLineQuantity(lineId, qty)
    return { ok: true, cart: await getCart() }
  } catch (error) {
    return { ok: false, message: sentenceFor(error), cart: await cartOrNull() }
  }
}

/** The cart page's "Make it an ordinary order": the cart no longer pre-orders for its festival. */
export async function leavePreorder(): Promise<void> {
  await leaveFestival()
  redirect("/cart")
}

export async function loadCart(): Promise<CartActionResult> {
  try {
    return { ok: true, cart: await getCart() }
  } catch (error) {
    return { ok: false, message: sentenceFor(error), cart: null }
  }
}
