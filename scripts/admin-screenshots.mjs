#!/usr/bin/env node
// Pictures of the shop's admin extensions for docs/screenshots, taken from a
// running shop (`npm start`) with Debian's chromium: places a cash-on-delivery
// order through the store API, moves it on as staff, and photographs the order
// page (shop status, messages), the Shop orders page and the kitchen sheet.
//
//   node scripts/admin-screenshots.mjs [--url http://localhost:9000]
import fs from "node:fs"
import path from "node:path"
import { chromium } from "playwright-core"
import { DATA, ROOT } from "./lib/shop.mjs"

const i = process.argv.indexOf("--url")
const BASE = i > 0 ? process.argv[i + 1] : "http://localhost:9000"
const OUT = path.join(ROOT, "docs", "screenshots")
const EMAIL = process.env.ADMIN_EMAIL || "admin@sweetshop.local"
// No default password exists: ADMIN_PASSWORD, or the one npm start made and kept in .data/secrets.env.
const PASSWORD =
  process.env.ADMIN_PASSWORD ||
  (fs.existsSync(path.join(DATA, "secrets.env")) ? /^ADMIN_PASSWORD=(.*)$/m.exec(fs.readFileSync(path.join(DATA, "secrets.env"), "utf8"))?.[1] : undefined)

async function call(method, pathname, headers, body) {
  const res = await fetch(`${BASE}${pathname}`, { method, headers: { "content-type": "application/json", ...headers }, body: body ? JSON.stringify(body) : undefined })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${data.message}`)
  return data
}

function publishableKey() {
  const file = path.join(DATA, "storefront.env")
  const line = fs.readFileSync(file, "utf8").split("\n").find((l) => /PUBLISHABLE_KEY=/.test(l))
  return line.split("=")[1].trim()
}

async function placeOrder(store, day) {
  const { regions } = await call("GET", "/store/regions", store)
  const { products } = await call("GET", "/store/products?handle[]=kaju-katli&handle[]=rasgulla&fields=id,handle,*variants", store)
  const size = (handle, title) => products.find((p) => p.handle === handle).variants.find((v) => v.title === title).id
  const { cart } = await call("POST", "/store/carts?fields=id", store, {
    region_id: regions[0].id,
    items: [
      { variant_id: size("kaju-katli", "500 g"), quantity: 1 },
      { variant_id: size("rasgulla", "6 pieces"), quantity: 2 },
    ],
  })
  const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`, store)
  const done = await call("POST", `/store/carts/${cart.id}/checkout`, store, {
    email: "priya@example.in",
    shipping_address: { first_name: "Priya", last_name: "Sharma", address_1: "221 Lajpat Nagar", city: "New Delhi", postal_code: "110024", phone: "98765 43210" },
    shipping_option_id: shipping_options.find((o) => o.name === "Home delivery").id,
    payment_provider_id: "pp_system_default",
    metadata: { delivery_date: day, delivery_slot: "16:00–19:00" },
  })
  return done.order
}

async function main() {
  const store = { "x-publishable-api-key": publishableKey() }
  const { token } = await call("POST", "/auth/user/emailpass", {}, { email: EMAIL, password: PASSWORD })
  const admin = { authorization: `Bearer ${token}` }
  const day = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Kolkata" })
  const first = await placeOrder(store, day)
  const second = await placeOrder(store, day)
  for (const status of ["confirmed", "preparing"]) await call("POST", `/admin/shop-orders/${first.id}/status`, admin, { status })
  await call("POST", `/admin/shop-orders/${second.id}/status`, admin, { status: "confirmed" })

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 2400 } })
    await page.goto(`${BASE}/app/login`)
    await page.locator('input[name="email"]').fill(EMAIL)
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(/\/app\/(orders|products|$)/, { timeout: 60_000 }).catch(() => {})

    await page.goto(`${BASE}/app/orders/${first.id}`)
    await page.getByText("Shop status").first().waitFor({ timeout: 60_000 })
    await page.waitForTimeout(1500)
    await page.screenshot({ path: path.join(OUT, "admin-order-shop-status.png"), fullPage: true })

    await page.goto(`${BASE}/app/shop-orders`)
    await page.getByText(`#${first.display_id}`).first().waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(OUT, "admin-shop-orders.png") })

    await page.goto(`${BASE}/app/kitchen-sheet`)
    await page.getByText("Kaju Katli").first().waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(OUT, "admin-kitchen-sheet.png"), fullPage: true })
    process.stdout.write(`Screenshots of orders #${first.display_id} and #${second.display_id} in ${path.relative(ROOT, OUT)}\n`)
  } finally {
    await browser.close()
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exit(1)
})
