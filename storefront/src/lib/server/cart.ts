import { cookies } from "next/headers"
import type { HttpTypes } from "@medusajs/types"
import { FESTIVAL_KEY } from "@sweetshop/shop-contracts"
import { getRegion } from "./catalogue"
import { readConfig } from "./config"
import { ShopRefusal, store } from "./medusa"

/** The cart id lives in an httpOnly cookie: scripts on the page never see it. */
const CART_COOKIE = "sweetshop_cart"

export type CartLine = {
  id: string
  variantId: string
  productId: string
  productTitle: string
  productHandle: string
  sizeLabel: string
  quantity: number
  unitPriceRupees: number
  totalRupees: number
  thumbnail: string | null
  /** Set when the product's pool no longer covers this line (with the cart's other lines of the product). */
  stockMessage: string | null
}

export type CartView = {
  id: string
  lines: CartLine[]
  itemCount: number
  itemTotalRupees: number
  shippingTotalRupees: number
  totalRupees: number
  /** True when every line can be had now. */
  stockOk: boolean
  /** The festival this cart pre-orders for (its handle, from the cart's metadata), or null for an ordinary order. */
  festival: string | null
}

type StockCheck = {
  ok: boolean
  lines: { line_item_id: string; ok: boolean; message: string | null }[]
}

function festivalOf(cart: HttpTypes.StoreCart): string | null {
  const value = (cart.metadata as Record<string, unknown> | null | undefined)?.[FESTIVAL_KEY]
  return typeof value === "string" && value ? value : null
}

const CART_FIELDS = "id,email,region_id,item_total,shipping_total,total,metadata,*items,shipping_address.*,*shipping_methods"

export async function cartId(): Promise<string | null> {
  return (await cookies()).get(CART_COOKIE)?.value ?? null
}

async function rememberCart(id: string) {
  const secure = readConfig().siteUrl.startsWith("https://")
  ;(await cookies()).set(CART_COOKIE, id, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 60 * 60 * 24 * 30 })
}

export async function forgetCart() {
  ;(await cookies()).delete(CART_COOKIE)
}

export async function getRawCart(id: string): Promise<HttpTypes.StoreCart | null> {
  try {
    const { cart } = await store<{ cart: HttpTypes.StoreCart }>(`/store/carts/${id}`, { query: { fields: CART_FIELDS }, freshness: { cache: "live" } })
    return cart.completed_at ? null : cart
  } catch (error) {
    if (error instanceof ShopRefusal && error.status === 404) return null
    throw error
  }
}

function toView(cart: HttpTypes.StoreCart, stock: StockCheck | null): CartView {
  const messages = new Map((stock?.lines ?? []).filter((l) => !l.ok).map((l) => [l.line_item_id, l.message]))
  const lines: CartLine[] = (cart.items ?? [])
    .map((item) => ({
      id: item.id,
      variantId: item.variant_id ?? "",
      productId: item.product_id ?? "",
      productTitle: item.product_title ?? item.title,
      productHandle: item.product_handle ?? "",
      sizeLabel: item.variant_title ?? "",
      quantity: Number(item.quantity),
      unitPriceRupees: Number(item.unit_price),
      totalRupees: Number(item.total ?? Number(item.unit_price) * Number(item.quantity)),
      thumbnail: item.thumbnail ?? null,
      stockMessage: messages.get(item.id) ?? null,
    }))
    .sort((a, b) => a.productTitle.localeCompare(b.productTitle) || a.unitPriceRupees - b.unitPriceRupees)
  return {
    id: cart.id,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    itemTotalRupees: Number(cart.item_total ?? 0),
    shippingTotalRupees: Number(cart.shipping_total ?? 0),
    totalRupees: Number(cart.total ?? 0),
    stockOk: stock ? stock.ok : true,
    festival: festivalOf(cart),
  }
}

/** Asks the gram-inventory plugin whether every line can still be had (live). */
export async function stockCheck(id: string): Promise<StockCheck> {
  return store<StockCheck>(`/store/carts/${id}/stock-check`, { freshness: { cache: "live" } })
}

/** The shopper's cart with live stock messages, or null when there is none. */
export async function getCart(): Promise<CartView | null> {
  const id = await cartId()
  if (!id) return null
  const cart = await getRawCart(id)
  if (!cart) return null
  const stock = cart.items?.length ? await stockCheck(cart.id) : null
  return toView(cart, stock)
}

/** A cart the shopper can no longer add to: gone, or already ordered. */
function cartIsGone(error: unknown): boolean {
  return error instanceof ShopRefusal && (error.status === 404 || /already (been )?(completed|ordered)|completed cart/i.test(error.message))
}

async function withStock(cart: HttpTypes.StoreCart): Promise<CartView> {
  return toView(cart, cart.items?.length ? await stockCheck(cart.id) : null)
}

/**
 * A cart added to from a festival's page becomes that festival's pre-order: its metadata names the
 * festival (kept with the cart's other metadata), which the checkout's day picker and the backend read.
 */
async function markFestival(cart: HttpTypes.StoreCart, festival: string | null): Promise<HttpTypes.StoreCart> {
  if (!festival || festivalOf(cart) === festival) return cart
  const { cart: marked } = await store<{ cart: HttpTypes.StoreCart }>(`/store/carts/${cart.id}`, {
    method: "POST",
    body: { metadata: { ...(cart.metadata ?? {}), [FESTIVAL_KEY]: festival } },
    query: { fields: CART_FIELDS },
    freshness: { cache: "live" },
  })
  return marked
}

/** The cart is an ordinary order again (its festival dropped from its metadata); the sweets stay. */
export async function leaveFestival(): Promise<void> {
  const id = await cartId()
  const cart = id ? await getRawCart(id) : null
  if (!cart || !festivalOf(cart)) return
  await store(`/store/carts/${cart.id}`, {
    method: "POST",
    body: { metadata: { ...(cart.metadata ?? {}), [FESTIVAL_KEY]: null } },
    query: { fields: "id" },
    freshness: { cache: "live" },
  })
}

/**
 * Adds a size to the shopper's cart and answers the cart with its stock check:
 * one call to add (the answer is the cart), one for the stock. Without an open
 * cart, the cart is created with its first line in one call (`POST /store/carts`
 * with `items`): with one line, Medusa's own stock check is the pool's.
 * `festival` (a handle): the line is pre-ordered for that festival (see markFestival);
 * a new cart is made with it, an open one is marked with one more call.
 */
export async function addLine(variantId: string, quantity: number, festival: string | null = null): Promise<CartView> {
  const addTo = async (id: string) => {
    const { cart } = await store<{ cart: HttpTypes.StoreCart }>(`/store/carts/${id}/line-items`, {
      method: "POST",
      body: { variant_id: variantId, quantity },
      query: { fields: CART_FIELDS },
      freshness: { cache: "live" },
    })
    return withStock(await markFestival(cart, festival))
  }
  const existing = await cartId()
  if (existing) {
    try {
      return await addTo(existing)
    } catch (error) {
      if (!cartIsGone(error)) throw error
    }
  }
  const region = await getRegion()
  const create = (items: { variant_id: string; quantity: number }[]) =>
    store<{ cart: HttpTypes.StoreCart }>("/store/carts", {
      method: "POST",
      body: { region_id: region.id, items, ...(festival ? { metadata: { [FESTIVAL_KEY]: festival } } : {}) },
      query: { fields: CART_FIELDS },
      freshness: { cache: "live" },
    })
  try {
    const { cart } = await create([{ variant_id: variantId, quantity }])
    await rememberCart(cart.id)
    return await withStock(cart)
  } catch (error) {
    if (!(error instanceof ShopRefusal)) throw error
    // Refused (stock): Medusa's words at cart creation are generic, the pool guard's on adding a line say
    // how much is left. An empty cart, then the line, for that sentence.
    const { cart } = await create([])
    await rememberCart(cart.id)
    return addTo(cart.id)
  }
}

export async function setLineQuantity(lineId: string, quantity: number): Promise<void> {
  const id = await cartId()
  if (!id) throw new ShopRefusal("Your cart has expired; please add the sweets again.", 404)
  if (quantity <= 0) {
    await store(`/store/carts/${id}/line-items/${lineId}`, { method: "DELETE", freshness: { cache: "live" } })
  } else {
    await store(`/store/carts/${id}/line-items/${lineId}`, {
      method: "POST",
      body: { quantity },
      query: { fields: "id" },
      freshness: { cache: "live" },
    })
  }
}
