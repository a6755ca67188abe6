import { createHmac } from "node:crypto"
/**
 * The backend's own HTTP API, as staff would use it, for arranging a test
 * (a pool sold out, stock dropping) and for checking what an order holds.
 */
const backend = () => {
  const url = process.env.E2E_BACKEND_URL
  if (!url) throw new Error("E2E_BACKEND_URL is not set: run under npm test.")
  return url
}

async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${backend()}${path}`, init)
  const body = await res.json()
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path} → ${res.status}: ${JSON.stringify(body)}`)
  return body as T
}

let token: string | undefined
async function adminHeaders() {
  token ??= (await json<{ token: string }>("/auth/user/emailpass", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@sweetshop.local", password: "sweetshop-admin" }),
  })).token
  return { authorization: `Bearer ${token}`, "content-type": "application/json" }
}

export async function productIdOf(handle: string): Promise<string> {
  const { products } = await json<{ products: { id: string }[] }>(`/admin/products?handle=${handle}&fields=id`, { headers: await adminHeaders() })
  if (!products[0]) throw new Error(`no product ${handle}`)
  return products[0].id
}

/** Staff set a product's pool to a number of grams or pieces (the gram-inventory plugin's admin route). */
export async function setPool(handle: string, units: number): Promise<void> {
  await json(`/admin/product-pools/${await productIdOf(handle)}/adjustments`, {
    method: "POST",
    headers: await adminHeaders(),
    body: JSON.stringify({ set_to_units: units, reason: "Browser test" }),
  })
}

export async function poolAvailable(handle: string): Promise<number> {
  const { product_pool } = await json<{ product_pool: { available_units: number } }>(`/admin/product-pools/${await productIdOf(handle)}`, {
    headers: await adminHeaders(),
  })
  return product_pool.available_units
}

export type AdminOrder = {
  id: string
  display_id: number
  email: string | null
  total: number
  metadata: Record<string, unknown> | null
  shipping_address: { phone: string | null; postal_code: string | null; first_name: string | null } | null
  items: { variant_title: string; quantity: number; product_handle: string }[]
  shipping_methods: { name: string }[]
}

export async function latestOrders(limit = 5): Promise<AdminOrder[]> {
  const { orders } = await json<{ orders: AdminOrder[] }>(
    `/admin/orders?limit=${limit}&order=-created_at&fields=id,display_id,email,total,metadata,*shipping_address,*items,*shipping_methods`,
    { headers: await adminHeaders() }
  )
  return orders
}

/** Staff change the price of one size of a product (whole rupees). */
export async function setVariantPrice(handle: string, variantTitle: string, rupees: number): Promise<void> {
  const productId = await productIdOf(handle)
  const { product } = await json<{ product: { variants: { id: string; title: string; prices: { id: string; currency_code: string }[] }[] } }>(
    `/admin/products/${productId}?fields=*variants,*variants.prices`,
    { headers: await adminHeaders() }
  )
  const variant = product.variants.find((v) => v.title === variantTitle)
  if (!variant) throw new Error(`no ${variantTitle} of ${handle}`)
  await json(`/admin/products/${productId}/variants/${variant.id}`, {
    method: "POST",
    headers: await adminHeaders(),
    body: JSON.stringify({ prices: [{ currency_code: "inr", amount: rupees }] }),
  })
}

/** The payments Medusa holds for an order: provider, amount in rupees, and whether captured. */
export async function orderPayments(orderId: string): Promise<{ provider_id: string; amount: number; captured_at: string | null }[]> {
  const { order } = await json<{ order: { payment_collections: { payments: { provider_id: string; amount: number; captured_at: string | null }[] }[] } }>(
    `/admin/orders/${orderId}?fields=id,*payment_collections.payments`,
    { headers: await adminHeaders() }
  )
  return order.payment_collections.flatMap((pc) => pc.payments)
}

/**
 * A tracking link's token for an order, signed as the backend signs the links
 * in its messages (plugins/order-lifecycle/src/lib/signed-token.ts) with the
 * test shop's TRACKING_SECRET.
 */
export function trackingToken(orderId: string, expiresInSeconds = 3600): string {
  const secret = process.env.E2E_TRACKING_SECRET
  if (!secret) throw new Error("E2E_TRACKING_SECRET is not set: run under npm test.")
  const payload = Buffer.from(JSON.stringify({ o: orderId, pur: "track-order", exp: Math.floor(Date.now() / 1000) + expiresInSeconds })).toString("base64url")
  return `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`
}
