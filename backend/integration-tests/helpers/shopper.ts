import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import seedSweetShop from "../../src/scripts/seed"
import { SHOP } from "../../src/scripts/seed-data/shop"
import { SEED_PICKUP_HOURS, SEED_SLOTS } from "../../src/scripts/seed-data/delivery"
import { addDays, shopToday, slotRefusal } from "../../src/lib/rules/delivery-days"

/**
 * A shopper on the store API, the way the storefront calls it. Every call
 * goes over HTTP to the real app; nothing of ours is stubbed.
 */
export type Shopper = ReturnType<typeof shopperFor>

export const DELHI_ADDRESS = {
  first_name: "Priya",
  last_name: "Sharma",
  address_1: "221 Lajpat Nagar",
  city: "New Delhi",
  province: "Delhi",
  postal_code: "110024",
  country_code: "in",
  phone: "+919876543210",
}

/**
 * A delivery day the backend accepts now, by the seeded delivery settings: the first day
 * at least `daysAhead` days after today (India time) whose morning slot is open, as
 * "2026-12-03". Specs that check out with a day use this (never a fixed date: a date
 * passes); two days ahead keeps clear of today's cut-offs however long a run takes.
 */
export function deliveryDay(daysAhead = 2, slot = "morning"): string {
  const now = new Date()
  const settings = { slots: SEED_SLOTS, pickup_hours: SEED_PICKUP_HOURS, closed_days: [] }
  for (let i = daysAhead; i < daysAhead + 30; i++) {
    const day = addDays(shopToday(now), i)
    if (!slotRefusal(now, day, slot, settings)) return day
  }
  throw new Error(`no open ${slot} slot in the seeded settings`)
}

/** Checkout metadata with an accepted day and slot (see deliveryDay). */
export function deliveryChoice(daysAhead = 2, slot: "morning" | "evening" = "morning") {
  return { delivery_date: deliveryDay(daysAhead, slot), delivery_slot: slot }
}

/** Seeds the shop and returns the storefront's request headers. */
export async function seedShop(container: MedusaContainer) {
  await seedSweetShop({ container, args: [] })
  const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ title: SHOP.publishableKeyTitle })
  return { headers: { "x-publishable-api-key": key.token } }
}

export function shopperFor(api: AxiosInstance, storeHeaders: { headers: Record<string, string> }) {
  let regionId: string | undefined

  async function region() {
    if (!regionId) {
      const { data } = await api.get("/store/regions", storeHeaders)
      regionId = data.regions[0].id as string
    }
    return regionId
  }

  /** The variant of a product by its title ("250 g", "6 pieces"), with prices and its pool link. */
  async function variant(handle: string, title: string) {
    const { data } = await api.get(
      `/store/products?handle=${handle}&region_id=${await region()}&fields=id,title,*variants,*variants.calculated_price,*variants.inventory_items`,
      storeHeaders
    )
    const found = data.products[0]?.variants.find((v: { title: string }) => v.title === title)
    if (!found) throw new Error(`no variant ${title} of ${handle}`)
    return { ...found, product_id: data.products[0].id as string, pool_id: found.inventory_items?.[0]?.inventory_item_id as string }
  }

  async function createCart(lines: { variant_id: string; quantity: number }[]) {
    const { data } = await api.post("/store/carts", { region_id: await region() }, storeHeaders)
    for (const line of lines) {
      await api.post(`/store/carts/${data.cart.id}/line-items`, line, storeHeaders)
    }
    return data.cart.id as string
  }

  async function shippingOptions(cartId: string) {
    const { data } = await api.get(`/store/shipping-options?cart_id=${cartId}`, storeHeaders)
    return data.shipping_options as { id: string; name: string; amount: number }[]
  }

  /** Address, home delivery and a cash-on-delivery payment session: ready to complete. */
  async function prepareCheckout(cartId: string, email = "priya@example.in") {
    await api.post(`/store/carts/${cartId}`, { email, shipping_address: DELHI_ADDRESS }, storeHeaders)
    const delivery = (await shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
    await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: delivery.id }, storeHeaders)
    const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
    await api.post(
      `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
      { provider_id: SHOP.cashOnDeliveryProviderId },
      storeHeaders
    )
  }

  /** Completes the cart; resolves with the HTTP status and body, whatever they are. */
  async function complete(cartId: string) {
    const response = await api.post(`/store/carts/${cartId}/complete`, {}, storeHeaders).catch((e: any) => e.response)
    return { status: response.status as number, data: response.data }
  }

  return { region, variant, createCart, shippingOptions, prepareCheckout, complete, headers: storeHeaders }
}

/** Bearer headers of the seeded admin user. */
export async function adminHeaders(api: AxiosInstance) {
  const { data } = await api.post("/auth/user/emailpass", {
    email: SHOP.defaultAdmin.email,
    password: process.env.ADMIN_PASSWORD!,
  })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/**
 * Starts a fake outside service and puts its settings in the environment
 * before the app boots (medusa-config.ts reads the environment when it loads),
 * then removes both after the suite. Call it before medusaIntegrationTestRunner.
 */
export function useFakeBeforeBoot(start: () => Promise<{ fake: { close(): Promise<void> }; env: Record<string, string> }>) {
  let started: Awaited<ReturnType<typeof start>> | undefined
  beforeAll(async () => {
    started = await start()
    Object.assign(process.env, started.env)
  })
  afterAll(async () => {
    for (const key of Object.keys(started?.env ?? {})) delete process.env[key]
    await started?.fake.close()
  })
}

/** The shop's settings that point the official Razorpay SDK at the fake Razorpay. */
export const razorpayEnv = (fake: { keyId: string; keySecret: string; webhookSecret: string; url: string }) => ({
  RAZORPAY_KEY_ID: fake.keyId,
  RAZORPAY_KEY_SECRET: fake.keySecret,
  RAZORPAY_WEBHOOK_SECRET: fake.webhookSecret,
  RAZORPAY_API_BASE_URL: fake.url,
})

/** The shop's settings that point the official Twilio SDK at the fake Twilio. */
export const twilioEnv = (fake: { accountSid: string; authToken: string; url: string }) => ({
  TWILIO_ACCOUNT_SID: fake.accountSid,
  TWILIO_AUTH_TOKEN: fake.authToken,
  TWILIO_SMS_FROM: "+15005550006",
  TWILIO_API_BASE_URL: fake.url,
})
