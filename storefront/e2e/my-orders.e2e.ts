import fs from "node:fs"
import type { Browser, Page } from "playwright-core"
import { DESKTOP, launch, PHONE, seriousAccessibilityViolations, storefrontUrl, textOf, WAIT } from "./support/browser"
import { orderCodeSentTo, placeOrderThroughApi, setPool, smsTo, waitForShopOrder } from "./support/shop-api"
import { addSize, fillAddress, fillContact } from "./support/flows"
import { latestOrders } from "./support/shop-api"

jest.setTimeout(180_000)

/**
 * "My orders": every order of a phone after a one-time code by SMS. The code is
 * read where the shopper would read it: in the texts the backend sent through
 * Twilio (the sandbox's fake, its list of messages). The browser asks the store
 * API itself, as /track does.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

async function newPage(options = DESKTOP): Promise<Page> {
  return (await browser.newContext(options)).newPage()
}

describe("my orders by phone with a one-time code", () => {
  it("header link → mobile → code by SMS (a wrong one refused inline) → every order with its timeline, items and ₹ totals", async () => {
    const phone = "+919820012345"
    // The stock these two orders take, seeded here: no other test's orders can leave too little.
    await setPool("milk-cake", 500)
    await setPool("badam-barfi", 1000)
    const first = await placeOrderThroughApi(phone, [{ handle: "milk-cake", units: 250, quantity: 2 }])
    const second = await placeOrderThroughApi(phone, [{ handle: "badam-barfi", units: 1000, quantity: 1 }])
    await waitForShopOrder(first.display_id)
    await waitForShopOrder(second.display_id)
    const earlierTexts = (await smsTo(phone)).map((m) => m.sid)

    const page = await newPage()
    await page.goto(storefrontUrl("/"))
    await page.getByRole("banner").getByRole("link", { name: "My orders" }).click()
    await page.waitForURL("**/my-orders", WAIT)
    expect(await textOf(page, "h1")).toBe("My orders")

    // A number that is not an Indian mobile is explained at the field; nothing is sent.
    await page.getByLabel("Mobile number").fill("12345")
    await page.getByTestId("code-request").click()
    expect(await textOf(page, "[data-testid=error-phone]")).toMatch(/^Please give the 10-digit mobile number/)
    expect(await page.getByLabel("Mobile number").getAttribute("aria-invalid")).toBe("true")

    await page.getByLabel("Mobile number").fill("98200 12345")
    await page.getByTestId("code-request").click()
    expect(await textOf(page, "[data-testid=code-sent]")).toMatch(/^If this phone number has orders with us, a 6-digit code is on its way by SMS\./)
    const codeField = page.getByLabel("6-digit code from the SMS")
    expect(await codeField.getAttribute("autocomplete")).toBe("one-time-code")
    // The code field has the focus: the shopper types the code straight away.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("orderCode")

    const code = await orderCodeSentTo(phone, earlierTexts)
    const wrong = code === "000000" ? "111111" : "000000"
    await page.keyboard.type(wrong)
    await page.keyboard.press("Enter")
    expect(await textOf(page, "[data-testid=error-code]")).toBe("That code is not right, or it has expired. Please check it, or ask for a new code.")
    expect(await codeField.getAttribute("aria-invalid")).toBe("true")

    await codeField.fill(code)
    await page.keyboard.press("Enter")
    const list = page.getByTestId("my-orders-list")
    await list.waitFor(WAIT)
    expect(await textOf(page, "[data-testid=my-orders-list] h2")).toBe("Your 2 orders")
    // The heading has the focus, so a screen reader starts at the list.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("my-orders-title")
    const orders = list.getByTestId("tracked-order")
    expect(await orders.count()).toBe(2)
    // Newest first, each with its status, timeline, items and total in rupees (Indian grouping).
    const newest = (await orders.nth(0).innerText()).replace(/\s+/g, " ")
    const older = (await orders.nth(1).innerText()).replace(/\s+/g, " ")
    expect(newest).toContain(`Order #${second.display_id}: Placed`)
    expect(newest).toContain("Badam Barfi, 1 kg × 1: ₹1,500")
    expect(newest).toContain("Total ₹1,500 (Cash on delivery)")
    expect(newest).toMatch(/Placed, \d+ \w+, .*Confirmed \(not yet\)/)
    expect(older).toContain(`Order #${first.display_id}: Placed`)
    expect(older).toContain("Milk Cake, 250 g × 2: ₹340")
    expect(older).toContain("Total ₹400 (Cash on delivery)")
    // The address masked by the backend: never the full street.
    expect(newest).not.toContain("Hauz Khas")
    expect(await seriousAccessibilityViolations(page)).toEqual([])

    // Each order's GST invoice downloads with this page's session (it names the buyer and the address).
    const [download] = await Promise.all([page.waitForEvent("download", WAIT), page.getByRole("button", { name: `GST invoice for order #${first.display_id} (PDF)` }).click()])
    expect(download.suggestedFilename()).toBe(`sweet-shop-invoice-${first.display_id}.pdf`)
    const saved = await download.path()
    expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe("%PDF-")

    // The code works once: the SAME code, typed again on a new visit, is refused. The page has to ask
    // for a code before it shows the code field; that request is answered here in the browser and never
    // reaches the shop, so no new code exists and the one used above is still the newest for this phone.
    const textsBefore = (await smsTo(phone)).length
    await page.route("**/store/order-tracking/codes", (route) =>
      route.fulfill({
        status: 202,
        contentType: "application/json",
        headers: { "access-control-allow-origin": "*" },
        body: JSON.stringify({ message: "If this phone number has orders with us, a 6-digit code is on its way by SMS. It works for 10 minutes." }),
      })
    )
    await page.reload()
    await page.getByLabel("Mobile number").fill("98200 12345")
    await page.getByTestId("code-request").click()
    await page.getByLabel("6-digit code from the SMS").fill(code)
    await page.getByTestId("code-submit").click()
    expect(await textOf(page, "[data-testid=error-code]")).toBe("That code is not right, or it has expired. Please check it, or ask for a new code.")
    expect(await page.getByTestId("my-orders-list").count()).toBe(0)
    // No code was asked of the shop on this visit: the refusal is of the code already used.
    expect((await smsTo(phone)).length).toBe(textsBefore)
    await page.context().close()
  })

  it("too many codes for one phone: the backend's limit is said with when to try again (phone width)", async () => {
    const page = await newPage(PHONE)
    await page.goto(storefrontUrl("/my-orders"))
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.getByLabel("Mobile number").fill("98200 99999")
    await page.getByTestId("code-request").click()
    await page.getByTestId("code-sent").waitFor(WAIT)
    // Three codes per phone per quarter of an hour: the fourth is refused (429 with Retry-After).
    for (let i = 0; i < 3; i++) {
      await page.getByTestId("code-resend").click()
      await page.getByTestId("code-resend").waitFor(WAIT)
      await page.waitForFunction(() => !document.querySelector("[data-testid=code-resend]")?.hasAttribute("disabled"), undefined, WAIT)
    }
    const message = await textOf(page, "[data-testid=my-orders-message]")
    expect(message).toMatch(/^Too many tries\. Please wait \d+ (seconds|minutes) and try again\.$/)
    // The shopper stays where they were, with the code field to use a code already sent.
    expect(await page.getByLabel("6-digit code from the SMS").isVisible()).toBe(true)
    await page.context().close()
  })
})

describe("the order confirmation is the shopper's own", () => {
  it("cash on delivery → the confirmation shows the whole order in this browser; its URL and links hold no order id; a forwarded copy shows it masked", async () => {
    await setPool("coconut-laddoo", 60)
    const phone = "+919820054321"
    const page = await newPage()
    await page.goto(storefrontUrl("/products/coconut-laddoo"))
    await addSize(page, "6 pieces")
    await page.goto(storefrontUrl("/checkout"))
    await fillContact(page, { name: "Meera Nair", phone: "98200 54321" })
    await fillAddress(page, "110024")
    await page.getByTestId("place-order").click()
    await page.waitForURL("**/order/confirmed/**", WAIT)

    // The shopper sees their order, their name, phone and address.
    const heading = await textOf(page, "[data-testid=order-number]")
    expect(heading).toMatch(/^Thank you! Order #\d+ is placed\.$/)
    const [order] = await latestOrders(1)
    expect(heading).toContain(`#${order.display_id} `)
    const main = await textOf(page, "main")
    expect(main).toContain("Coconut Laddoo, 6 pieces × 1")
    expect(main).toContain("Meera Nair, 221 Lajpat Nagar")
    expect(main).toContain("110024")
    expect(main).toMatch(/98200 ?54321/)

    // Its URL holds an opaque token: no order id, in the URL or in any part of the token decoded.
    const url = page.url()
    const token = url.split("/order/confirmed/")[1]
    const readable = [url, ...token.split(".").map((part) => Buffer.from(part, "base64url").toString("latin1"))].join("\n")
    expect(readable).not.toContain(order.id)
    expect(readable).not.toContain(order.id.replace(/^order_/, ""))
    expect(readable).not.toContain("9820054321")
    expect(readable).not.toContain("Lajpat")

    // The same link in another browser (forwarded, copied) opens the order masked: no name, street, phone.
    const other = await newPage()
    await other.goto(url)
    await other.waitForURL("**/track/**", WAIT)
    expect(await textOf(other, "[data-testid=tracked-order] h2")).toBe(`Order #${order.display_id}: Placed`)
    const masked = await textOf(other, "main")
    for (const secret of ["Meera", "Lajpat", "9820054321", "98200 54321"]) expect(masked).not.toContain(secret)
    expect(masked).toContain("110•••")

    // With only the order id and the public key, the store API tells nothing either.
    const byId = await fetch(`${process.env.E2E_BACKEND_URL}/store/orders/${order.id}?fields=*shipping_address,email`, {
      headers: { "x-publishable-api-key": process.env.E2E_PUBLISHABLE_KEY ?? "" },
    })
    expect(byId.status).toBe(404)
    expect(await byId.text()).not.toContain("Lajpat")

    // The tracking link in the order's SMS is opaque too, and opens the order.
    let sms: { body: string } | undefined
    for (const until = Date.now() + 30_000; !sms && Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
      sms = (await smsTo(phone)).find((m) => m.body.includes(`#${order.display_id} placed`))
    }
    const link = /(https?:\/\/\S+\/track\/\S+)$/.exec(sms?.body ?? "")?.[1]
    expect(link).toBeDefined()
    const sent = link!.split("/track/")[1]
    expect(sent.split(".").map((part) => Buffer.from(part, "base64url").toString("latin1")).join("\n")).not.toContain(order.id)
    await other.goto(storefrontUrl(`/track/${sent}`))
    expect(await textOf(other, "[data-testid=tracked-order] h2")).toBe(`Order #${order.display_id}: Placed`)
    // The forwarded link offers no invoice (it names the buyer and the address): only "My orders", after a code.
    expect(await textOf(other, "[data-testid=track-invoice-hint]")).toBe("The GST invoice is in My orders, after a code we send to the mobile number of the order.")
    expect(await other.locator("a[href*='invoice'], [data-testid=invoice-link]").count()).toBe(0)
    await other.context().close()
    await page.context().close()
  })
})
