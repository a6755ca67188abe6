// `npm run screenshots -w storefront`: phone and desktop pictures of the storefront's main pages
// in docs/screenshots/, from the same shop the browser tests use (fresh database, seeded),
// (its SMS go to the sandbox's fake Twilio, where the "my orders" code is read).
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

const PHONE = "+919876543210"

/** The fake Twilio's list of messages to a phone, newest first (Twilio's own list API). */
async function smsTo(shop, phone) {
  const auth = `Basic ${Buffer.from(`${shop.twilioAccountSid}:${shop.twilioAuthToken}`).toString("base64")}`
  const res = await fetch(`${shop.twilioUrl}/2010-04-01/Accounts/${shop.twilioAccountSid}/Messages.json?To=${encodeURIComponent(phone)}`, { headers: { authorization: auth } })
  return (await res.json()).messages
}
const smsSids = async (shop, phone) => (await smsTo(shop, phone)).map((m) => m.sid)
async function codeFor(shop, phone, seen) {
  for (let i = 0; i < 150; i++) {
    const sms = (await smsTo(shop, phone)).find((m) => !seen.includes(m.sid) && /code to see your orders/.test(m.body ?? ""))
    if (sms) return /\b(\d{6})\b/.exec(sms.body)[1]
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no code reached ${phone}`)
}

// The footer's FSSAI licence, as a shop sets SHOP_FSSAI_LICENCE (a made-up number of the right form).
process.env.SHOP_FSSAI_LICENCE ||= "13326999000123"
const shop = await startTestShop()
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
    // A gift box: sold as boxes, with the veg mark and its storage advice.
    await go("/products/festive-assortment")
    await page.locator("label.chip", { hasText: "1 box" }).click()
    await shoot("gift-box")
    await go("/products/kaju-katli")
    await page.locator("label.chip", { hasText: "500 g" }).click()
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("cart-drawer").getByTestId("cart-line").first().waitFor()
    await shoot("cart-drawer")
    await go("/cart")
    await shoot("cart")
    await go("/checkout")
    await page.getByLabel("Full name").fill("Priya Sharma")
    // A 9-digit phone: after pressing Place order, the error summary at the top holds focus, in view.
    await page.getByLabel("Mobile number").fill("98765 4321")
    await page.getByLabel("House number and street").fill("221 Lajpat Nagar")
    await page.getByLabel("Landmark (optional)").fill("Near the Sai temple")
    await page.getByLabel("Pincode").fill("110 024")
    await page.getByLabel("Pincode").blur()
    // The pincode as the backend answered it, with the city and state it filled in.
    await page.getByTestId("pincode-ok").waitFor()
    await page.getByLabel("Message for the card").fill("शुभ दीपावली, नानी! Happy Diwali")
    await page.getByTestId("place-order").click()
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "error-summary")
    await shoot("checkout-errors")
    await page.getByLabel("Mobile number").fill("98765 43210")
    await page.getByRole("group", { name: "Delivery or pickup" }).evaluate((el) => el.scrollIntoView({ block: "start" }))
    await shoot("checkout")
    // The total before ordering, from the backend's cart totals, by the button.
    await page.waitForFunction(() => document.querySelector("[data-testid=checkout-total]")?.getAttribute("data-total-paise"))
    await page.getByTestId("place-order").evaluate((el) => el.scrollIntoView({ block: "end" }))
    await shoot("checkout-total")
    await page.getByTestId("place-order").click()
    await page.waitForURL("**/order/confirmed/**")
    await shoot("confirmation")
    await page.getByTestId("track-link").click()
    await page.waitForURL("**/track?order=*")
    // The order number as the confirmation and the SMS print it.
    await page.getByLabel("Order number").fill(`#${await page.getByLabel("Order number").inputValue()}`)
    await page.getByLabel("Mobile number").fill("+91-98765-43210")
    await page.getByTestId("track-submit").click()
    await page.getByTestId("tracked-order").waitFor()
    await shoot("track")

    // My orders: the phone's orders after the one-time code, read from the fake Twilio's list of messages.
    await go("/my-orders")
    const sent = await smsSids(shop, PHONE)
    await page.getByLabel("Mobile number").fill("98765 43210")
    await page.getByTestId("code-request").click()
    await page.getByTestId("code-sent").waitFor()
    const code = await codeFor(shop, PHONE, sent)
    await shoot("my-orders")
    await page.getByLabel("6-digit code from the SMS").fill(code)
    await page.getByTestId("code-submit").click()
    await page.getByTestId("my-orders-list").waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    await shoot("my-orders-list")
    await page.context().close()
  }
  process.stdout.write(`${shots.join("\n")}\n`)
} finally {
  await browser.close()
  await shop.stop()
}
