// `npm run screenshots -w storefront`: phone and desktop pictures of the storefront's main pages
// in docs/screenshots/, from the same shop the browser tests use (fresh database, seeded),
// or from a running one when E2E_STOREFRONT_URL is set.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { chromium } from "playwright-core"
import { startTestShop } from "./support/test-shop.mjs"

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/screenshots")
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
const SIZES = {
  desktop: { viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
}

const shop = process.env.E2E_STOREFRONT_URL ? { storefrontUrl: process.env.E2E_STOREFRONT_URL, stop: async () => {} } : await startTestShop()
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: FLAGS })
fs.mkdirSync(OUT, { recursive: true })
const shots = []
try {
  for (const [device, options] of Object.entries(SIZES)) {
    const page = await (await browser.newContext({ ...options, locale: "en-IN" })).newPage()
    const shoot = async (name) => {
      const file = path.join(OUT, `storefront-${name}-${device}.png`)
      await page.screenshot({ path: file })
      shots.push(path.relative(process.cwd(), file))
    }
    const go = async (p) => {
      await page.goto(`${shop.storefrontUrl}${p}`)
      await page.waitForLoadState("networkidle")
    }
    await go("/")
    await shoot("home")
    await go("/categories/dry-fruit-sweets")
    await shoot("category")
    await go("/products/kaju-katli")
    await page.locator("label.chip", { hasText: "500 g" }).click()
    await shoot("product")
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("cart-drawer").getByTestId("cart-line").first().waitFor()
    await shoot("cart-drawer")
    await go("/cart")
    await shoot("cart")
    await go("/checkout")
    await page.getByLabel("Full name").fill("Priya Sharma")
    await page.getByLabel("Mobile number").fill("98765 43210")
    await page.getByLabel("House number and street").fill("221 Lajpat Nagar")
    await page.getByLabel("Pincode").fill("110024")
    await page.getByLabel("Pincode").blur()
    await page.evaluate(() => window.scrollTo(0, 0))
    await shoot("checkout")
    await page.getByTestId("place-order").click()
    await page.waitForURL("**/order/confirmed/**")
    await shoot("confirmation")
    await page.getByTestId("track-link").click()
    await page.waitForURL("**/track?order=*")
    await page.getByLabel("Mobile number").fill("98765 43210")
    await page.getByTestId("track-submit").click()
    await page.getByTestId("tracked-order").waitFor()
    await shoot("track")
    await page.context().close()
  }
  process.stdout.write(`${shots.join("\n")}\n`)
} finally {
  await browser.close()
  await shop.stop()
}
