import type { Browser, Page } from "playwright-core"
import { DESKTOP, launch, storefrontUrl, textOf, WAIT } from "./support/browser"
import { addSize, closeDrawer, fillAddress, fillContact } from "./support/flows"
import { latestOrders, orderPayments, setPool } from "./support/shop-api"

jest.setTimeout(180_000)

/**
 * Online payment through checkout.js: the sandbox's fake Razorpay serves a stand-in for
 * Razorpay's checkout.js (same page-facing API) and the REST API the backend's Razorpay
 * plugin calls through the official SDK. Pay, fail and close, as a shopper meets them.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** A cart with one box of a sweet, at the checkout with contact and address filled in. */
async function checkoutWith(handle: string, size: string, quantity = 1): Promise<Page> {
  const page = await (await browser.newContext(DESKTOP)).newPage()
  await page.goto(storefrontUrl(`/products/${handle}`))
  await page.locator("label.chip", { hasText: size }).click()
  for (let i = 1; i < quantity; i++) await page.getByRole("button", { name: "One more" }).click()
  await addSize(page, size)
  await closeDrawer(page)
  await page.goto(storefrontUrl("/checkout"))
  await fillContact(page)
  await fillAddress(page, "110024")
  return page
}

/** Chooses online payment and presses the button; resolves once Razorpay's window is open. */
async function payOnline(page: Page) {
  await page.getByLabel(/Pay online now/).check()
  await page.getByTestId("place-order").click()
  await page.getByRole("dialog", { name: "Sweet Shop" }).waitFor(WAIT)
}

describe("paying online through Razorpay's checkout.js (fake Razorpay)", () => {
  it("pay: the order is placed and the payment is Razorpay's, for the exact amount", async () => {
    await setPool("anjeer-barfi", 2500)
    const page = await checkoutWith("anjeer-barfi", "1 kg")
    await payOnline(page)
    const dialog = page.getByRole("dialog", { name: "Sweet Shop" })
    expect(await textOf(page, "[data-razorpay-fake] [data-field=amount]")).toBe("₹1,600.00")
    await dialog.getByRole("button", { name: "Pay ₹1,600.00" }).click()

    await page.waitForURL("**/order/confirmed/**", WAIT)
    expect(await textOf(page, "main")).toContain("Paid online: ₹1,600.")
    const [order] = await latestOrders(1)
    expect(order.items.map((i) => `${i.product_handle} ${i.variant_title}`)).toEqual(["anjeer-barfi 1 kg"])
    expect(await orderPayments(order.id)).toEqual([expect.objectContaining({ provider_id: "pp_razorpay_razorpay", amount: 1600 })])
    await page.context().close()
  })

  it("fail: the shopper is told, no order is made, and a second try can pay", async () => {
    await setPool("kaju-roll", 2000)
    const before = (await latestOrders(1))[0]?.id
    const page = await checkoutWith("kaju-roll", "500 g")
    await payOnline(page)
    await page.getByRole("button", { name: "Make the payment fail" }).click()
    expect(await textOf(page, "[data-testid=payment-message]")).toBe(
      "The payment did not go through: Your payment didn't go through as it was declined by the bank. No order was placed. You can try again, or choose cash on delivery."
    )
    expect((await latestOrders(1))[0]?.id).toBe(before)

    await page.getByTestId("place-order").click()
    await page.getByRole("dialog", { name: "Sweet Shop" }).getByRole("button", { name: "Pay ₹760.00" }).click()
    await page.waitForURL("**/order/confirmed/**", WAIT)
    expect(await textOf(page, "main")).toContain("Paid online: ₹760.") // ₹700 of sweets + ₹60 delivery
    await page.context().close()
  })

  it("close: the window closed before paying keeps the cart and says nothing was charged", async () => {
    await setPool("sandesh", 2000)
    const before = (await latestOrders(1))[0]?.id
    const page = await checkoutWith("sandesh", "250 g")
    await payOnline(page)
    await page.getByRole("button", { name: "Close Razorpay Checkout" }).click()
    expect(await textOf(page, "[data-testid=payment-message]")).toMatch(/^You closed the payment window before paying; nothing was charged\./)
    expect((await latestOrders(1))[0]?.id).toBe(before)
    expect(await page.getByTestId("cart-count").textContent()).toBe("1")
    await page.context().close()
  })

  it("cash on delivery above its cap is refused with the backend's sentence; paying online places the order", async () => {
    await setPool("pista-lauj", 5000)
    const page = await checkoutWith("pista-lauj", "1 kg", 3)
    await page.getByTestId("place-order").click()
    expect(await textOf(page, "[data-testid=error-payment]")).toBe(
      "Cash on delivery is available for orders up to ₹5,000; this order is ₹6,600. Please pay online."
    )
    await payOnline(page)
    await page.getByRole("dialog", { name: "Sweet Shop" }).getByRole("button", { name: "Pay ₹6,600.00" }).click()
    await page.waitForURL("**/order/confirmed/**", WAIT)
    expect(await textOf(page, "[data-testid=order-total]")).toBe("₹6,600")
    await page.context().close()
  })
})
