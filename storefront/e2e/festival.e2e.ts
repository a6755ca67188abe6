import path from "node:path"
import type { Browser, Page } from "playwright-core"
import { DESKTOP, launch, seriousAccessibilityViolations, shopDay, storefrontUrl, textOf, WAIT } from "./support/browser"
import { closeDrawer, fillAddress, fillContact } from "./support/flows"
import { createFestival, latestOrders, productIdOf, removeFestival, setPool, type FestivalInput } from "./support/shop-api"

jest.setTimeout(240_000)

/**
 * Festival pre-orders (issue 19): staff add a festival; a shopper finds it from the home
 * page, pre-orders one of its sweets, chooses one of its days at checkout and pays by cash on
 * delivery; the order carries the festival and the day.
 * `UPDATE_SCREENSHOTS=1` also writes docs/screenshots/storefront-festival-{phone,desktop}.png.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const SCREENSHOTS = path.resolve(__dirname, "../../docs/screenshots")
const SIZES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "en-IN" },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "en-IN" },
}

/** The festival page as a shopper first sees it, on a phone and on a desktop, once its stock has answered. */
async function photograph(handle: string) {
  for (const [device, options] of Object.entries(SIZES)) {
    const context = await browser.newContext(options)
    const page = await context.newPage()
    await page.goto(storefrontUrl(`/festivals/${handle}`))
    await page.getByTestId("stock-message").first().waitFor(WAIT)
    await page.waitForLoadState("networkidle")
    await page.screenshot({ path: path.join(SCREENSHOTS, `storefront-festival-${device}.png`) })
    await context.close()
  }
}

/**
 * Until the storefront's home page does (or no longer does) link to the festival: the backend
 * tells the storefront to refetch when staff add, change or remove a festival (its
 * delivery_settings.festival_changed event; the home page is otherwise cached for minutes).
 */
async function untilHomeLinks(handle: string, present: boolean) {
  const deadline = Date.now() + 30_000
  for (;;) {
    const html = await (await fetch(storefrontUrl("/"))).text()
    if (html.includes(`/festivals/${handle}`) === present) return
    if (Date.now() > deadline) throw new Error(`the home page ${present ? "never linked to" : "still links to"} festival ${handle} 30 s after staff ${present ? "added" : "removed"} it`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

/**
 * Staff add a festival offering `handles`, the storefront shows it without being told by the
 * test (the backend tells it), the test runs, and the festival is removed whatever happened.
 */
async function withFestival(festival: Omit<FestivalInput, "product_ids">, handles: string[], run: () => Promise<void>) {
  const id = await createFestival({ ...festival, product_ids: await Promise.all(handles.map(productIdOf)) })
  try {
    await untilHomeLinks(festival.handle, true)
    await run()
  } finally {
    await removeFestival(id)
    await untilHomeLinks(festival.handle, false)
  }
}

/** On the festival's page: the sweet's size (the first when none named), then Pre-order; resolves once the page says it was added. */
async function preorder(page: Page, title: string, size?: string) {
  const sweet = page.getByTestId("festival-product").filter({ hasText: title })
  if (size) await sweet.locator("label.chip", { hasText: size }).click()
  await sweet.getByRole("button", { name: /^Pre-order/ }).click()
  await sweet.getByTestId("add-result").waitFor(WAIT)
  return (await sweet.getByTestId("add-result").innerText()).trim()
}

const dayLabel = new Intl.DateTimeFormat("en-IN", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })

it("a festival page sells a pre-order: home page → festival page → checkout on a festival day → the order names the festival and the day", async () => {
  await setPool("kaju-katli", 20_000)
  const handle = `diwali-e2e-${Date.now().toString(36)}`
  const name = "Diwali 2026"
  // Days clear of today's cut-offs; pre-orders taken from today until the day before the first.
  const days = [shopDay(4), shopDay(5), shopDay(6)]
  const festival = { handle, name, description: "Kaju katli for Lakshmi puja, made the morning it reaches you.", delivery_days: days, opens_on: shopDay(0), closes_on: shopDay(3), capacity_per_day: 5 }
  await withFestival(festival, ["kaju-katli", "motichoor-laddoo", "festive-assortment"], async () => {
    if (process.env.UPDATE_SCREENSHOTS) await photograph(handle)
    const page = await (await browser.newContext(DESKTOP)).newPage()

    // An unknown festival is the shop's not-found page.
    const missing = await page.goto(storefrontUrl("/festivals/no-such-festival"))
    expect(missing?.status()).toBe(404)

    // The festival's sweets carry its badge, which leads to its page.
    await page.goto(storefrontUrl("/products/kaju-katli"))
    expect(await page.getByTestId("festival-badge").getAttribute("href")).toBe(`/festivals/${handle}`)

    await page.goto(storefrontUrl("/"))
    await page.getByTestId("festival-link").filter({ hasText: name }).first().click()
    await page.waitForURL(`**/festivals/${handle}`, WAIT)
    expect(await textOf(page, "h1")).toBe(name)
    expect(await textOf(page, "[data-testid=festival-days]")).toContain(dayLabel.format(new Date(`${days[0]}T00:00:00Z`)))
    expect(await page.getByTestId("festival-closed").count()).toBe(0)
    await page.getByTestId("stock-message").first().waitFor(WAIT)
    expect(await seriousAccessibilityViolations(page)).toEqual([])

    expect(await preorder(page, "Kaju Katli", "250 g")).toContain(`pre-order for ${name}`)
    await closeDrawer(page)
    await page.goto(storefrontUrl("/cart"))
    expect(await textOf(page, "[data-testid=cart-festival]")).toContain(`A pre-order for ${name}`)

    await page.goto(storefrontUrl("/checkout"))
    await page.getByTestId("checkout-total").waitFor(WAIT)
    expect(await textOf(page, "[data-testid=checkout-festival]")).toContain(`Pre-order for ${name}`)
    // The picker offers the festival's days only.
    const offered = await page.locator("#deliveryDate option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
    expect(offered.length).toBeGreaterThan(0)
    expect(offered.every((d) => days.includes(d))).toBe(true)
    const day = offered[offered.length - 1]
    await page.locator("#deliveryDate").selectOption(day)

    await fillContact(page)
    await fillAddress(page, "110024")
    await page.getByTestId("place-order").click()
    await page.getByTestId("festival-confirmation").waitFor(WAIT)
    expect(await textOf(page, "[data-testid=festival-confirmation]")).toContain(`Pre-order for ${name} — delivered on ${dayLabel.format(new Date(`${day}T00:00:00Z`))}`)
    const number = Number((await textOf(page, "[data-testid=order-number]")).match(/#(\d+)/)?.[1])

    // Staff's view of the order: it is the festival's pre-order, for the day chosen.
    const order = (await latestOrders(1))[0]
    expect(order.display_id).toBe(number)
    expect(order.metadata?.festival).toBe(handle)
    expect(order.metadata?.delivery_date).toBe(day)
    await page.context().close()
  })
})

it("a festival not taking pre-orders yet: its page says when they open and offers no Pre-order button; its sweets carry no badge", async () => {
  const handle = `holi-e2e-${Date.now().toString(36)}`
  const festival = { handle, name: "Holi 2027", description: null, delivery_days: [shopDay(6)], opens_on: shopDay(2), closes_on: shopDay(4), capacity_per_day: 5 }
  await withFestival(festival, ["besan-laddoo"], async () => {
    const { festival } = (await (await fetch(`${process.env.E2E_BACKEND_URL}/store/festivals/${handle}`, { headers: { "x-publishable-api-key": process.env.E2E_PUBLISHABLE_KEY! } })).json()) as {
      festival: { open: boolean; message: string }
    }
    expect(festival.open).toBe(false)
    const page = await (await browser.newContext(DESKTOP)).newPage()
    await page.goto(storefrontUrl(`/festivals/${handle}`))
    expect(await textOf(page, "[data-testid=festival-closed]")).toBe(festival.message)
    expect(await page.getByTestId("festival-product").count()).toBe(1)
    expect(await page.getByRole("button", { name: /^Pre-order/ }).count()).toBe(0)
    await page.goto(storefrontUrl("/products/besan-laddoo"))
    await page.getByTestId("add-to-cart").waitFor(WAIT)
    expect(await page.getByTestId("festival-badge").count()).toBe(0)
    await page.context().close()
  })
})

it("a pre-order cart made an ordinary order on the cart page: the checkout offers the usual days, not the festival's", async () => {
  await setPool("kaju-katli", 20_000)
  const handle = `lohri-e2e-${Date.now().toString(36)}`
  const festival = { handle, name: "Lohri 2027", description: null, delivery_days: [shopDay(9)], opens_on: shopDay(0), closes_on: shopDay(8), capacity_per_day: 5 }
  await withFestival(festival, ["kaju-katli"], async () => {
    const page = await (await browser.newContext(DESKTOP)).newPage()
    await page.goto(storefrontUrl(`/festivals/${handle}`))
    await preorder(page, "Kaju Katli")
    await page.goto(storefrontUrl("/cart"))
    await page.getByRole("button", { name: "Make it an ordinary order" }).click()
    await page.getByTestId("cart-festival").waitFor({ state: "detached", ...WAIT })

    await page.goto(storefrontUrl("/checkout"))
    await page.getByTestId("checkout-total").waitFor(WAIT)
    expect(await page.getByTestId("checkout-festival").count()).toBe(0)
    const offered = await page.locator("#deliveryDate option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
    expect(offered).not.toContain(shopDay(9))
    expect(offered.length).toBeGreaterThan(1)
    await page.context().close()
  })
})
