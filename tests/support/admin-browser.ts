/**
 * What the admin's browser tests share: a seeded shop with the admin (admin-shop.mjs, started
 * once per test file), Debian's chromium, the staff login, and the admin API. A test file calls
 * `useAdminShop(name)` at its top level and reads `t.shop`, `t.browser` inside its tests; without
 * chromium its tests are skipped with the reason (npm test lists it).
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"

export const ROOT = path.resolve(__dirname, "..", "..")
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const ADMIN_EMAIL = "admin@sweetshop.local"

/** What tests/support/admin-shop.mjs prints once the shop answers. */
export type AdminShop = { backendUrl: string; publishableKey: string; twilioUrl: string; twilioAccountSid: string; twilioAuthToken: string; adminPassword: string }

/** India's calendar day `days` from today, YYYY-MM-DD. */
export const indiaDay = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Kolkata" })

function startShop(): Promise<{ shop: AdminShop; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "tests/support/admin-shop.mjs")], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] })
    let out = ""
    child.stdout!.on("data", (d: Buffer) => {
      out += d
      const line = out.split("\n").find((l) => l.startsWith("ADMIN_SHOP "))
      if (line) resolve({ shop: JSON.parse(line.slice("ADMIN_SHOP ".length)), child })
    })
    child.stderr!.on("data", (d) => (out += d))
    child.once("exit", (code) => reject(new Error(`the admin test shop ended (exit ${code}):\n${out.slice(-4000)}`)))
  })
}

export function useAdminShop(name: string) {
  const haveChromium = fs.existsSync(CHROMIUM)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!haveChromium) require("../../scripts/lib/skips.cjs").noteSkipped(name, `no chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`)
  jest.setTimeout(15 * 60_000)

  let child: ChildProcess | undefined
  let adminToken = ""
  const t = {
    describeIf: haveChromium ? describe : describe.skip,
    shop: undefined as unknown as AdminShop,
    browser: undefined as unknown as Browser,
    /** A call to the shop's API; throws with the answer on anything but 2xx. */
    async call<T = any>(method: string, pathname: string, headers: Record<string, string>, body?: unknown): Promise<T> {
      const res = await fetch(`${t.shop.backendUrl}${pathname}`, {
        method,
        headers: { "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const data = await res.json().catch(() => ({}))
      if (!res.ok) throw new Error(`${method} ${pathname} → ${res.status}: ${JSON.stringify(data)}`)
      return data as T
    },
    /** The staff user's bearer token, for the admin API. */
    admin: () => ({ authorization: `Bearer ${adminToken}` }),
    /**
     * A draft order for home delivery, as staff build it on the phone over the admin API: `quantity`
     * boxes of one size of a seeded sweet (default 1 × 1 kg of kaju katli), for Meera in Lajpat Nagar.
     */
    async homeDeliveryDraft({ handle = "kaju-katli", size = "1 kg", quantity = 1 } = {}): Promise<{ id: string; total: number }> {
      const store = { "x-publishable-api-key": t.shop.publishableKey }
      const { regions } = await t.call("GET", "/store/regions", store)
      const { products } = await t.call("GET", `/store/products?handle[]=${handle}&fields=id,handle,*variants`, store)
      const variant = products[0].variants.find((v: any) => v.title === size)
      const { sales_channels } = await t.call("GET", `/admin/sales-channels?name=${encodeURIComponent("Sweet Shop Website")}`, t.admin())
      const { shipping_options } = await t.call("GET", "/admin/shipping-options?limit=50", t.admin())
      const home = shipping_options.find((o: any) => o.name === "Home delivery")
      const address = { first_name: "Meera", address_1: "221 Lajpat Nagar", city: "New Delhi", postal_code: "110024", country_code: "in", phone: "+919811122233" }
      const { draft_order } = await t.call("POST", "/admin/draft-orders", t.admin(), {
        email: "meera@example.in",
        region_id: regions[0].id,
        sales_channel_id: sales_channels[0].id,
        shipping_address: address,
        billing_address: address,
        items: [{ variant_id: variant.id, quantity }],
        shipping_methods: [{ shipping_option_id: home.id, name: "Home delivery", amount: 60 }],
      })
      return draft_order
    },
    /** Logs the page in as the seeded staff user. */
    async login(page: Page) {
      // The admin is served by Vite from the sources: the first page waits for its dependencies to be bundled.
      await page.goto(`${t.shop.backendUrl}/app/login`, { waitUntil: "domcontentloaded", timeout: 300_000 })
      await page.locator('input[name="email"]').waitFor({ timeout: 300_000 })
      await page.locator('input[name="email"]').fill(ADMIN_EMAIL)
      await page.locator('input[name="password"]').fill(t.shop.adminPassword)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 180_000 })
    },
  }

  if (haveChromium) {
    beforeAll(async () => {
      ;({ shop: t.shop, child } = await startShop())
      adminToken = (await t.call<{ token: string }>("POST", "/auth/user/emailpass", {}, { email: ADMIN_EMAIL, password: t.shop.adminPassword })).token
      t.browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] })
    })
    afterAll(async () => {
      await t.browser?.close()
      if (child && child.exitCode === null) {
        const ended = new Promise((r) => child!.once("exit", r))
        child.kill("SIGTERM")
        await ended
      }
    })
  }
  return t
}
