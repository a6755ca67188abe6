import { createHmac } from "node:crypto"
import type { StoreFestival } from "@sweetshop/shop-contracts"
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
    body: JSON.stringify({ email: "admin@sweetshop.local", password: process.env.ADMIN_PASSWORD || "e2e-admin-password" }),
  })).token
  return { authorization: `Bearer ${token}`, "content-type": "application/json" }
}

export async function productIdOf(handle: string): Promise<string> {
  const { products } = await json<{ products: { id: string }[] }>(`/admin/products?handle=${handle}&fields=id`, { headers: await adminHeaders() })
  if (!products[0]) throw new Error(`no product ${handle}`)
  return products[0].id
}

/**
 * Staff stock a product so that exactly `units` grams or pieces can still be sold, whatever earlier
 * tests' orders hold (the gram-inventory plugin's admin route). Each browser test seeds the stock it
 * uses this way, so no test depends on the stock another left behind (or on the order tests run in).
 * A pool's stock cannot go below what orders hold, hence stocked = held + units.
 */
export async function setPool(handle: string, units: number): Promise<void> {
  const productId = await productIdOf(handle)
  const { product_pool } = await json<{ product_pool: { reserved_units: number } }>(`/admin/product-pools/${productId}`, {
    headers: await adminHeaders(),
  })
  await json(`/admin/product-pools/${productId}/adjustments`, {
    method: "POST",
    headers: await adminHeaders(),
    body: JSON.stringify({ set_to_units: product_pool.reserved_units + units, reason: "Browser test" }),
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

/** The fake Twilio the test shop sends its SMS to (e2e/support/test-shop.mjs), read through Twilio's list of messages. */
function twilio() {
  const [url, sid, token] = (process.env.E2E_TWILIO_URL ?? "").split("|")
  if (!url || !sid || !token) throw new Error("E2E_TWILIO_URL is not set: run under npm test.")
  return { url, sid, authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}` }
}

/** The texts the fake Twilio received for a phone (+91…), newest first. */
export async function smsTo(phoneE164: string): Promise<{ sid: string; body: string }[]> {
  const { url, sid, authorization } = twilio()
  const res = await fetch(`${url}/2010-04-01/Accounts/${sid}/Messages.json?To=${encodeURIComponent(phoneE164)}`, { headers: { authorization } })
  if (!res.ok) throw new Error(`fake Twilio's list of messages → ${res.status}`)
  return ((await res.json()) as { messages: { sid: string; body: string | null }[] }).messages.map((m) => ({ sid: m.sid, body: m.body ?? "" }))
}

/** The one-time code in the newest "my orders" SMS to a phone that is not among `seenSids` (waits for it, bounded). */
export async function orderCodeSentTo(phoneE164: string, seenSids: string[] = []): Promise<string> {
  const until = Date.now() + 30_000
  while (Date.now() < until) {
    const sms = (await smsTo(phoneE164)).find((m) => !seenSids.includes(m.sid) && /code to see your orders/.test(m.body))
    const code = sms && /\b(\d{6})\b/.exec(sms.body)?.[1]
    if (code) return code
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no orders code reached ${phoneE164}`)
}

async function storeJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const key = process.env.E2E_PUBLISHABLE_KEY
  if (!key) throw new Error("E2E_PUBLISHABLE_KEY is not set: run under npm test.")
  return json<T>(path, {
    method: init.method ?? "GET",
    headers: { "x-publishable-api-key": key, ...(init.body ? { "content-type": "application/json" } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
}

/**
 * An order placed through the store API as another device would (cash on delivery,
 * home delivery to 110024), for tests of what a shopper sees of earlier orders.
 */
export async function placeOrderThroughApi(
  phone: string,
  lines: { handle: string; units: number; quantity: number }[],
  metadata?: Record<string, unknown>
): Promise<{ id: string; display_id: number }> {
  const { regions } = await storeJson<{ regions: { id: string; currency_code: string }[] }>("/store/regions")
  const items = []
  for (const line of lines) {
    const { product } = await storeJson<{ product: { variants: { id: string; units: number }[] } }>(`/store/catalogue/products/${line.handle}`)
    const variant = product.variants.find((v) => v.units === line.units)
    if (!variant) throw new Error(`no ${line.units} of ${line.handle}`)
    items.push({ variant_id: variant.id, quantity: line.quantity })
  }
  const { cart } = await storeJson<{ cart: { id: string } }>("/store/carts", {
    method: "POST",
    body: { region_id: regions.find((r) => r.currency_code === "inr")!.id, items },
  })
  const { shipping_options } = await storeJson<{ shipping_options: { id: string; name: string }[] }>(`/store/shipping-options?cart_id=${cart.id}`)
  const done = await storeJson<{ type: string; order: { id: string; display_id: number } }>(`/store/carts/${cart.id}/checkout`, {
    method: "POST",
    body: {
      email: "asha@example.in",
      shipping_address: { first_name: "Asha", last_name: "Iyer", address_1: "14 Hauz Khas Village", city: "New Delhi", province: "Delhi", postal_code: "110016", phone },
      shipping_option_id: shipping_options.find((o) => o.name === "Home delivery")!.id,
      payment_provider_id: "pp_system_default",
      ...(metadata ? { metadata } : {}),
    },
  })
  if (done.type !== "order") throw new Error(`checkout answered ${done.type}`)
  return done.order
}

/** Waits until the order-lifecycle plugin has filed an order (its order.placed subscriber runs just after checkout). */
export async function waitForShopOrder(displayId: number): Promise<void> {
  const until = Date.now() + 30_000
  while (Date.now() < until) {
    const { shop_orders } = await json<{ shop_orders: { order_number?: number; display_id?: number }[] }>(`/admin/shop-orders?q=${displayId}`, {
      headers: await adminHeaders(),
    })
    if (shop_orders.some((o) => (o.order_number ?? o.display_id) === displayId)) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`order #${displayId} was not filed for the shop`)
}

/** Staff set a product's pictures (thumbnail and images; null and [] for none) through the admin API. */
export async function setProductPictures(handle: string, thumbnail: string | null, images: string[] = thumbnail ? [thumbnail] : []): Promise<void> {
  await json(`/admin/products/${await productIdOf(handle)}`, {
    method: "POST",
    headers: await adminHeaders(),
    body: JSON.stringify({ thumbnail, images: images.map((url) => ({ url })) }),
  })
}

/** Staff set the capacity of a weekday's slot (delivery settings); resolves with the capacity it had. */
type SlotSetting = { capacity: number; active: boolean }

/** Staff change a weekday's slot (delivery settings' admin API); resolves with what it was, to put back. */
export async function changeSlot(weekday: number, code: string, change: Partial<SlotSetting>): Promise<SlotSetting> {
  const { slots } = await json<{ slots: ({ id: string; weekday: number; code: string } & SlotSetting)[] }>("/admin/delivery-settings", { headers: await adminHeaders() })
  const slot = slots.find((s) => s.weekday === weekday && s.code === code)
  if (!slot) throw new Error(`no ${code} slot on weekday ${weekday}`)
  await json(`/admin/delivery-settings/slots/${slot.id}`, { method: "POST", headers: await adminHeaders(), body: JSON.stringify(change) })
  return { capacity: slot.capacity, active: slot.active }
}

export async function setSlotCapacity(weekday: number, code: string, capacity: number): Promise<number> {
  return (await changeSlot(weekday, code, { capacity })).capacity
}

type DeliveryArea = { id: string; name: string; delivery_charge_rupees: number; free_above_rupees: number | null }

/** Staff change a delivery area's home-delivery charge (delivery settings' admin API); resolves with what it was, to put back. */
export async function setAreaCharge(name: string, charge: Pick<DeliveryArea, "delivery_charge_rupees" | "free_above_rupees">): Promise<Pick<DeliveryArea, "delivery_charge_rupees" | "free_above_rupees">> {
  const { areas } = await json<{ areas: DeliveryArea[] }>("/admin/delivery-settings", { headers: await adminHeaders() })
  const area = areas.find((a) => a.name === name)
  if (!area) throw new Error(`no delivery area named ${name}`)
  await json(`/admin/delivery-settings/areas/${area.id}`, { method: "POST", headers: await adminHeaders(), body: JSON.stringify(charge) })
  return { delivery_charge_rupees: Number(area.delivery_charge_rupees), free_above_rupees: area.free_above_rupees == null ? null : Number(area.free_above_rupees) }
}

/** An order's totals as Medusa holds them (rupees). */
export async function orderTotals(orderId: string): Promise<{ total: number; item_total: number; shipping_total: number }> {
  const { order } = await json<{ order: { total: number; item_total: number; shipping_total: number } }>(`/admin/orders/${orderId}?fields=total,item_total,shipping_total`, { headers: await adminHeaders() })
  return order
}

type PickupHours = { id: string; weekday: number; opens_at: string; closes_at: string; active: boolean }

/** Staff change a weekday's pickup hours (delivery settings' admin API); resolves with what they were, to put back. */
export async function setPickupHours(weekday: number, change: Partial<Omit<PickupHours, "id" | "weekday">>): Promise<Omit<PickupHours, "id" | "weekday">> {
  const { pickup_hours } = await json<{ pickup_hours: PickupHours[] }>("/admin/delivery-settings", { headers: await adminHeaders() })
  const row = pickup_hours.find((h) => h.weekday === weekday)
  if (!row) throw new Error(`no pickup hours on weekday ${weekday}`)
  await json(`/admin/delivery-settings/pickup-hours/${row.id}`, { method: "POST", headers: await adminHeaders(), body: JSON.stringify(change) })
  return { opens_at: row.opens_at, closes_at: row.closes_at, active: row.active }
}

/** What staff send to add a festival: the store's fields they set, its days and its places per day. */
export type FestivalInput = Pick<StoreFestival, "handle" | "name" | "description" | "product_ids" | "opens_on" | "closes_on"> & { delivery_days: string[]; capacity_per_day: number }

/** Staff add a festival through the delivery settings' admin API; resolves with its id. */
export async function createFestival(input: FestivalInput): Promise<string> {
  const { festivals } = await json<{ festivals: { id: string } }>("/admin/delivery-settings/festivals", {
    method: "POST",
    headers: await adminHeaders(),
    body: JSON.stringify(input),
  })
  return festivals.id
}

export async function removeFestival(id: string): Promise<void> {
  await json(`/admin/delivery-settings/festivals/${id}`, { method: "DELETE", headers: await adminHeaders() })
}
