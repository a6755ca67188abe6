/**
 * The admin's Delivery settings page in Debian's chromium (issue 19): it lists the seeded
 * areas, slots, closed days and lead times, and a change made on it (a slot's capacity, a
 * closed day) is what the admin API and the store's slot list answer next.
 *
 * It starts its own seeded shop with the admin (tests/support/admin-shop.mjs).
 * `UPDATE_SCREENSHOTS=1` also writes docs/screenshots/admin-delivery-settings.png.
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"

const ROOT = path.resolve(__dirname, "..")
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

type Shop = { backendUrl: string; publishableKey: string; adminPassword: string }

const haveChromium = fs.existsSync(CHROMIUM)
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (!haveChromium) require("../scripts/lib/skips.cjs").noteSkipped("admin delivery settings", `no chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`)
const describeIf = haveChromium ? describe : describe.skip

jest.setTimeout(15 * 60_000)

let child: ChildProcess
let shop: Shop
let browser: Browser
let adminToken: string

function startShop(): Promise<Shop> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [path.join(ROOT, "tests/support/admin-shop.mjs")], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] })
    let out = ""
    const onData = (d: Buffer) => {
      out += d
      const line = out.split("\n").find((l) => l.startsWith("ADMIN_SHOP "))
      if (line) resolve(JSON.parse(line.slice("ADMIN_SHOP ".length)))
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", (d) => (out += d))
    child.once("exit", (code) => reject(new Error(`the admin test shop ended (exit ${code}):\n${out.slice(-4000)}`)))
  })
}

async function call<T = any>(method: string, pathname: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const res = await fetch(`${shop.backendUrl}${pathname}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${method} ${pathname} → ${res.status}: ${JSON.stringify(data)}`)
  return data as T
}
const admin = () => ({ authorization: `Bearer ${adminToken}` })

/** India's calendar day `days` from today, YYYY-MM-DD. */
const indiaDay = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Kolkata" })

async function login(page: Page) {
  // The admin is served by Vite from the sources: the first page waits for its dependencies to be bundled.
  await page.goto(`${shop.backendUrl}/app/login`, { waitUntil: "domcontentloaded", timeout: 300_000 })
  await page.locator('input[name="email"]').waitFor({ timeout: 300_000 })
  await page.locator('input[name="email"]').fill("admin@sweetshop.local")
  await page.locator('input[name="password"]').fill(shop.adminPassword)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 180_000 })
}

describeIf("admin delivery settings page (Debian chromium)", () => {
  beforeAll(async () => {
    shop = await startShop()
    adminToken = (await call<{ token: string }>("POST", "/auth/user/emailpass", {}, { email: "admin@sweetshop.local", password: shop.adminPassword })).token
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] })
  })

  afterAll(async () => {
    await browser?.close()
    if (child && child.exitCode === null) {
      const ended = new Promise((r) => child.once("exit", r))
      child.kill("SIGTERM")
      await ended
    }
  })

  it("shows the seeded settings; a capacity saved and a day closed on the page hold at once", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1800 }, locale: "en-IN", timezoneId: "Asia/Kolkata" })
    const browserErrors: string[] = []
    page.on("pageerror", (e) => browserErrors.push(e.message))
    await login(page)
    await page.goto(`${shop.backendUrl}/app/delivery-settings`, { waitUntil: "domcontentloaded", timeout: 300_000 })
    await page.getByRole("heading", { name: "Delivery settings", exact: true }).waitFor({ timeout: 300_000 })
    await page.getByRole("cell", { name: "New Delhi", exact: true }).waitFor({ timeout: 60_000 })
    expect(await page.getByText("Rasgulla: 24 hours").count()).toBe(1)

    // Monday's morning slot takes 12 orders a day from now.
    const capacity = page.getByLabel("Orders per day, Monday morning")
    await capacity.fill("12")
    await capacity.locator("xpath=ancestor::tr[1]").getByRole("button", { name: "Save" }).click()
    await page.getByRole("status").filter({ hasText: "Saved: Monday morning" }).waitFor({ timeout: 60_000 })
    const { slots } = await call("GET", "/admin/delivery-settings", admin())
    expect(slots.find((s: any) => s.weekday === 1 && s.code === "morning").capacity).toBe(12)

    // A holiday closed on the page: the store's slot list shows that day closed.
    const day = indiaDay(4)
    await page.locator("#closed-day").fill(day)
    await page.locator("#closed-reason").fill("Shop outing")
    await page.getByRole("button", { name: "Close this day" }).click()
    await page.getByText(`${day} — Shop outing`).waitFor({ timeout: 60_000 })
    const listed = await call("GET", "/store/delivery/slots", { "x-publishable-api-key": shop.publishableKey })
    expect(listed.days.find((d: any) => d.date === day)).toMatchObject({ open: false, reason: "day_closed" })

    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: path.join(ROOT, "docs/screenshots/admin-delivery-settings.png"), fullPage: true })
    expect(browserErrors).toEqual([])
    await page.close()
  })
})
