import type { Browser, BrowserContextOptions, Page } from "playwright-core"
import { DESKTOP, launch, seriousAccessibilityViolations, storefrontUrl, textOf, WAIT } from "./support/browser"
import { addSize, closeDrawer, fillContact } from "./support/flows"
import { latestOrders, setPool } from "./support/shop-api"

jest.setTimeout(240_000)

/**
 * What shoppers met in a real browser (issue 17, items 1 to 5), on a phone (390 × 844) and a desktop:
 * errors in view and focused after a failed submit, the total before ordering equal to the order's,
 * the form unchanged behind Razorpay's window, "#13" tracks, the pincode fills city and state.
 */
const PHONE_390: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "en-IN" }

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** A cart with one size of a sweet, at the checkout. */
async function atCheckout(device: BrowserContextOptions, handle: string, size: string, quantity = 1): Promise<Page> {
  const page = await (await browser.newContext(device)).newPage()
  await page.goto(storefrontUrl(`/products/${handle}`))
  await page.locator("label.chip", { hasText: size }).click()
  for (let i = 1; i < quantity; i++) await page.getByRole("button", { name: "One more" }).click()
  await addSize(page, size)
  await closeDrawer(page)
  await page.goto(storefrontUrl("/checkout"))
  await page.getByTestId("checkout-total").waitFor(WAIT)
  return page
}

async function fillAddress(page: Page, pincode: string) {
  await page.getByLabel("House number and street").fill("221 Lajpat Nagar")
  await page.getByLabel("Pincode").fill(pincode)
  await page.getByLabel("Pincode").blur()
}

/** The error summary holds focus and its top is on the screen. */
async function summaryFocusedInView(page: Page): Promise<{ focused: boolean; inView: boolean; text: string }> {
  const summary = page.getByTestId("error-summary")
  await summary.waitFor({ state: "visible", ...WAIT })
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "error-summary", null, WAIT)
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>("[data-testid=error-summary]")!
    const box = el.getBoundingClientRect()
    return {
      focused: document.activeElement === el,
      inView: box.top >= 0 && box.top < window.innerHeight && box.bottom > 0,
      text: el.innerText.replace(/\s+/g, " ").trim(),
    }
  })
}

/** The figure the checkout shows as the total, in paise, once the backend's cart totals are in. */
async function totalShown(page: Page, fulfilment: "delivery" | "pickup"): Promise<{ paise: number; text: string; shipping: string }> {
  await page.waitForFunction(
    (kind) => {
      const total = document.querySelector("[data-testid=checkout-total]")
      const shipping = document.querySelector("[data-testid=checkout-shipping]")?.textContent ?? ""
      return total?.getAttribute("data-total-paise") && (kind === "pickup" ? shipping.startsWith("Pickup") : shipping.startsWith("Delivery"))
    },
    fulfilment,
    WAIT
  )
  return {
    paise: Number(await page.getByTestId("checkout-total").getAttribute("data-total-paise")),
    text: await textOf(page, "[data-testid=checkout-total]"),
    shipping: await textOf(page, "[data-testid=checkout-shipping]"),
  }
}

describe.each([
  ["phone (390 × 844)", PHONE_390],
  ["desktop", DESKTOP],
])("the checkout on a %s", (device, options) => {
  it("a 9-digit phone: the error summary is in view and focused, linked to the field", async () => {
    await setPool("aloo-bhujia", 3000)
    const page = await atCheckout(options, "aloo-bhujia", "250 g")
    await fillContact(page, { phone: "98765 4321" })
    await fillAddress(page, "110024")
    await page.getByTestId("place-order").scrollIntoViewIfNeeded()
    await page.getByTestId("place-order").click()
    const summary = await summaryFocusedInView(page)
    expect(summary).toMatchObject({ focused: true, inView: true })
    expect(summary.text).toContain("Mobile number: Please give a 10-digit Indian mobile number")
    // The link takes the shopper to the field.
    await page.getByTestId("summary-phone").click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("phone")
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await page.context().close()
  })

  it("an out-of-area pincode placed anyway: the backend's refusal is at the pincode and in the focused summary", async () => {
    await setPool("khatta-meetha", 3000)
    const page = await atCheckout(options, "khatta-meetha", "250 g")
    await fillContact(page)
    await fillAddress(page, "400001")
    await page.getByLabel("City").fill("Mumbai")
    await page.getByLabel("State").fill("Maharashtra")
    const before = (await latestOrders(1))[0]?.id
    await page.getByTestId("place-order").click()
    const summary = await summaryFocusedInView(page)
    expect(summary).toMatchObject({ focused: true, inView: true })
    expect(summary.text).toContain("We do not deliver to 400001 yet")
    expect(await textOf(page, "[data-testid=error-pincode]")).toMatch(/^We do not deliver to 400001 yet/)
    expect((await latestOrders(1))[0]?.id).toBe(before)
    await page.context().close()
  })

  it("cash on delivery above its cap: the sentence at the payment choice and in the focused summary", async () => {
    await setPool("pista-lauj", 6000)
    const page = await atCheckout(options, "pista-lauj", "1 kg", 3)
    await fillContact(page)
    await fillAddress(page, "110024")
    await page.getByTestId("place-order").click()
    const summary = await summaryFocusedInView(page)
    expect(summary).toMatchObject({ focused: true, inView: true })
    expect(summary.text).toContain("Cash on delivery is available for orders up to ₹5,000")
    expect(await textOf(page, "[data-testid=error-payment]")).toMatch(/^Cash on delivery is available for orders up to ₹5,000/)
    await page.context().close()
  })

  it("stock dropped before ordering: the lines in the focused summary, no order", async () => {
    await setPool("besan-laddoo", 3000)
    const page = await atCheckout(options, "besan-laddoo", "1 kg")
    await setPool("besan-laddoo", 400)
    await fillContact(page)
    await fillAddress(page, "110024")
    const before = (await latestOrders(1))[0]?.id
    await page.getByTestId("place-order").click()
    const summary = await summaryFocusedInView(page)
    expect(summary).toMatchObject({ focused: true, inView: true })
    expect(summary.text).toContain("Only 400 g of Besan Laddoo left")
    expect((await latestOrders(1))[0]?.id).toBe(before)
    await page.context().close()
  })

  it("Razorpay's window: the form keeps Pay online and the chosen day and slot while it is open; closed, the summary takes focus", async () => {
    await setPool("sandesh", 3000)
    const page = await atCheckout(options, "sandesh", "250 g")
    await fillContact(page)
    await fillAddress(page, "110024")
    const lastDay = await page.locator("#deliveryDate option").last().getAttribute("value")
    await page.locator("#deliveryDate").selectOption(lastDay!)
    await page.getByLabel(/^Evening/).check()
    await page.getByLabel(/Pay online now/).check()
    await page.getByTestId("place-order").click()
    await page.getByRole("dialog", { name: "Sweet Shop" }).waitFor(WAIT)
    // Behind the open window the form still says what the shopper chose.
    expect(await page.locator("#payment-razorpay").isChecked()).toBe(true)
    expect(await page.locator("#payment-cod").isChecked()).toBe(false)
    expect(await page.locator("#deliveryDate").inputValue()).toBe(lastDay)
    expect(await page.getByLabel(/^Evening/).isChecked()).toBe(true)
    expect(await page.getByLabel("Pincode").inputValue()).toBe("110024")

    await page.getByRole("button", { name: "Close Razorpay Checkout" }).click()
    const summary = await summaryFocusedInView(page)
    expect(summary).toMatchObject({ focused: true, inView: true })
    expect(summary.text).toContain("You closed the payment window before paying; nothing was charged.")
    // The outcome beside the pay button too.
    const beside = await page.evaluate(() => {
      const message = document.querySelector("[data-testid=payment-message]")!.getBoundingClientRect()
      const button = document.querySelector("[data-testid=place-order]")!.getBoundingClientRect()
      return button.top - message.bottom
    })
    expect(beside).toBeGreaterThanOrEqual(0)
    expect(beside).toBeLessThan(40)
    expect(await page.locator("#payment-razorpay").isChecked()).toBe(true)
    expect(await page.getByLabel(/^Evening/).isChecked()).toBe(true)
    await page.context().close()
  })
})

describe("the total before ordering is the order's total", () => {
  it("home delivery below ₹999 (₹60 delivery): the total shown is the order's", async () => {
    await setPool("sandesh", 3000)
    const page = await atCheckout(PHONE_390, "sandesh", "250 g")
    const shown = await totalShown(page, "delivery")
    expect(shown.shipping).toBe("Delivery ₹60")
    await fillContact(page)
    await fillAddress(page, "110024")
    await page.getByTestId("place-order").click()
    await page.waitForURL("**/order/confirmed/**", WAIT)
    const [order] = await latestOrders(1)
    expect(order.shipping_methods.map((m) => m.name)).toEqual(["Home delivery"])
    expect(shown.paise).toBe(Math.round(Number(order.total) * 100))
    expect(shown.text).toBe(await textOf(page, "[data-testid=order-total]"))
    await page.context().close()
  })

  it("store pickup: 'Pickup: free', and the total shown is the order's", async () => {
    await setPool("sandesh", 3000)
    const page = await atCheckout(DESKTOP, "sandesh", "250 g")
    const delivery = await totalShown(page, "delivery")
    await page.getByLabel(/Pick up from the shop/).check()
    const pickup = await totalShown(page, "pickup")
    expect(pickup.shipping).toBe("Pickup free")
    expect(delivery.paise - pickup.paise).toBe(6000)
    await fillContact(page)
    await page.getByTestId("place-order").click()
    await page.waitForURL("**/order/confirmed/**", WAIT)
    const [order] = await latestOrders(1)
    expect(order.shipping_methods.map((m) => m.name)).toEqual(["Store pickup"])
    expect(pickup.paise).toBe(Math.round(Number(order.total) * 100))
    await page.context().close()
  })
})

describe("pincode and address", () => {
  it("fills city and state from the pincode; '110 024' with a space is taken whole; a landmark goes with the address", async () => {
    await setPool("mathri", 3000)
    const page = await atCheckout(PHONE_390, "mathri", "250 g")
    await fillAddress(page, "122001")
    expect(await textOf(page, "[data-testid=pincode-ok]")).toBe("Good news: we deliver to 122001 (Gurugram).")
    await page.waitForFunction(() => (document.getElementById("city") as HTMLInputElement).value === "Gurugram", null, WAIT)
    expect(await page.getByLabel("State").inputValue()).toBe("Haryana")

    await page.getByLabel("Pincode").fill("110 024")
    expect(await page.getByLabel("Pincode").inputValue()).toBe("110 024")
    expect(await textOf(page, "[data-testid=pincode-ok]")).toBe("Good news: we deliver to 110024 (New Delhi).")
    await page.waitForFunction(() => (document.getElementById("city") as HTMLInputElement).value === "New Delhi", null, WAIT)
    expect(await page.getByLabel("State").inputValue()).toBe("Delhi")

    await page.getByLabel("Landmark (optional)").fill("Near the Sai temple")
    await fillContact(page)
    await page.getByTestId("place-order").click()
    await page.waitForURL("**/order/confirmed/**", WAIT)
    const [order] = await latestOrders(1)
    expect(order.shipping_address).toMatchObject({ postal_code: "110024" })
    expect(await textOf(page, "main")).toContain("Near the Sai temple")
    await page.context().close()
  })
})

describe("tracking", () => {
  it("'#13' as printed tracks the order, with the phone in another format", async () => {
    await setPool("kalakand", 3000)
    const page = await atCheckout(DESKTOP, "kalakand", "250 g")
    await fillContact(page, { phone: "98765 43210" })
    await page.getByLabel(/Pick up from the shop/).check()
    await page.getByTestId("place-order").click()
    await page.waitForURL("**/order/confirmed/**", WAIT)
    const [order] = await latestOrders(1)
    await page.goto(storefrontUrl("/track"))
    await page.getByLabel("Order number").fill(`#${order.display_id}`)
    await page.getByLabel("Mobile number").fill("+91-98765-43210")
    await page.getByTestId("track-submit").click()
    expect(await textOf(page, "[data-testid=tracked-order] h2")).toBe(`Order #${order.display_id}: Placed`)
    await page.getByLabel("Order number").fill(`SS-${order.display_id}`)
    await page.getByLabel("Mobile number").fill("098765 43210")
    await page.getByTestId("track-submit").click()
    expect(await textOf(page, "[data-testid=tracked-order] h2")).toBe(`Order #${order.display_id}: Placed`)
    await page.context().close()
  })
})
