#!/usr/bin/env node
// A seeded shop with its admin, for tests/admin-order-page.spec.ts: PostgreSQL, a fresh
// database, `medusa start` with the admin served by Vite (NODE_ENV development), the fake
// Twilio for order SMS. No storefront. Prints one line, `ADMIN_SHOP {json}`, once the backend
// answers; stops everything (servers, fakes, the database) on SIGTERM, SIGINT or when stdin closes.
import { freePort } from "../../scripts/lib/postgres.mjs"
import { startTestShop } from "../../storefront/e2e/support/test-shop.mjs"

const backendPort = await freePort()
const origin = `http://localhost:${backendPort}`
// The admin is served by the backend itself: its origin is the backend's.
process.env.ADMIN_CORS = origin
process.env.AUTH_CORS = origin

let shop
let stopping = false
async function stop(code = 0) {
  if (stopping) return
  stopping = true
  try {
    await shop?.stop()
  } finally {
    process.exit(code)
  }
}
process.on("SIGTERM", () => stop(0))
process.on("SIGINT", () => stop(0))
process.stdin.on("end", () => stop(0))
process.stdin.resume()

try {
  shop = await startTestShop({ backendPort, withStorefront: false, withAdmin: true })
  process.stdout.write(
    `ADMIN_SHOP ${JSON.stringify({
      backendUrl: shop.backendUrl,
      publishableKey: shop.publishableKey,
      twilioUrl: shop.twilioUrl,
      twilioAccountSid: shop.twilioAccountSid,
      twilioAuthToken: shop.twilioAuthToken,
      adminPassword: process.env.ADMIN_PASSWORD || "e2e-admin-password",
    })}\n`
  )
} catch (error) {
  process.stderr.write(`the admin test shop did not start: ${error?.stack ?? error}\n${error?.output ?? ""}\n`)
  await stop(1)
}
