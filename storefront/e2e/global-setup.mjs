// Starts the shop once for all browser tests: PostgreSQL, a seeded backend, the storefront's production build.
// To test against a shop already running (while working on the storefront), set E2E_STOREFRONT_URL,
// E2E_BACKEND_URL and E2E_REVALIDATE_SECRET (see e2e/support/test-shop.mjs to start one by hand).
import { startTestShop } from "./support/test-shop.mjs"

export default async function globalSetup() {
  if (process.env.E2E_STOREFRONT_URL && process.env.E2E_BACKEND_URL) return
  // The footer's FSSAI licence (a made-up number of the right form; the storefront inherits this environment).
  process.env.SHOP_FSSAI_LICENCE ||= "13326999000123"
  const shop = await startTestShop()
  globalThis.__SWEETSHOP_E2E__ = shop
  process.env.E2E_STOREFRONT_URL = shop.storefrontUrl
  process.env.E2E_BACKEND_URL = shop.backendUrl
  process.env.E2E_PUBLISHABLE_KEY = shop.publishableKey
  process.env.E2E_REVALIDATE_SECRET = shop.revalidateSecret
  process.env.E2E_TRACKING_SECRET = shop.trackingSecret
  process.env.E2E_TWILIO_URL = `${shop.twilioUrl}|${shop.twilioAccountSid}|${shop.twilioAuthToken}`
}
