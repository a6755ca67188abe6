/**
 * A phone order's payment link in the admin, in Debian's chromium (issue 21): on a draft order for
 * home delivery with its day chosen, staff press "Send payment link"; the Payment link widget
 * (plugins/payment-razorpay/src/admin/widgets/draft-order-payment-link.tsx) shows the link the
 * fake Razorpay (TEST MODE) made, its amount and status. The customer opens the link and pays on
 * the fake's page, which reports payment_link.paid to the shop as Razorpay's webhook would; the
 * widget sees the draft paid and become an order, and opens it.
 *
 * It starts its own seeded shop with the admin (tests/support/admin-shop.mjs). A screenshot is
 * written to the system's temp directory; `UPDATE_SCREENSHOTS=1` also writes
 * docs/screenshots/admin-draft-order-payment-link.png.
 */
import os from "node:os"
import path from "node:path"
import { ROOT, useAdminShop } from "./support/admin-browser"

const t = useAdminShop("admin draft order payment link")

t.describeIf("draft order payment link widget (Debian chromium)", () => {
  it("staff send the link and see it; the customer pays it at the fake Razorpay; the widget shows the draft paid and opens its order", async () => {
    const draft = await t.homeDeliveryDraft({ handle: "kaju-katli", size: "500 g", quantity: 2 })
    const listed = await t.call("GET", `/admin/draft-orders/${draft.id}/delivery`, t.admin())
    const day = listed.days.find((d: any, i: number) => i >= 2 && d.open && d.slots.some((s: any) => s.code === "evening" && s.open && s.places_left > 0))
    await t.call("POST", `/admin/draft-orders/${draft.id}/delivery`, t.admin(), { delivery_date: day.date, delivery_slot: "evening" })
    const paise = Math.round(Number(draft.total) * 100)

    const page = await t.browser.newPage({ viewport: { width: 1440, height: 1400 }, locale: "en-IN", timezoneId: "Asia/Kolkata" })
    const browserErrors: string[] = []
    page.on("pageerror", (e) => browserErrors.push(e.message))
    await t.login(page)
    await page.goto(`${t.shop.backendUrl}/app/draft-orders/${draft.id}`, { waitUntil: "domcontentloaded", timeout: 300_000 })
    // What the page showed when a step failed, to look at.
    const failed = () => page.screenshot({ path: path.join(os.tmpdir(), "admin-draft-order-payment-link-failed.png"), fullPage: true }).catch(() => undefined)
    const widget = page.getByTestId("draft-order-payment-link")
    await widget.getByRole("heading", { name: "Payment link" }).waitFor({ timeout: 300_000 })
    await widget.getByText(/^No link sent yet\./).waitFor({ timeout: 60_000 })

    await widget.getByRole("button", { name: "Send payment link" }).click()
    await widget.getByText("Sent to the customer by SMS and WhatsApp.").waitFor({ timeout: 60_000 }).catch(async (error) => {
      await failed()
      throw error
    })
    const { payment_link: link } = await t.call("GET", `/admin/draft-orders/${draft.id}/payment-link`, t.admin())
    expect(link).toMatchObject({ status: "created", amount_paise: paise })
    await widget.getByText("Sent, not paid yet").waitFor({ timeout: 10_000 })
    await widget.getByRole("link", { name: link.url }).waitFor({ timeout: 10_000 })
    // The draft's total (2 × 500 g of kaju katli and the delivery) as Indian staff read it: ₹1,260.00.
    await widget.getByText(`₹${(paise / 100).toLocaleString("en-IN", { minimumFractionDigits: 2 })}`).waitFor({ timeout: 10_000 })
    expect(await widget.getByRole("button", { name: "Send a new link" }).isVisible()).toBe(true)
    // The draft's day and slot went with it: its place is booked, and the Delivery day card above says so at once.
    const booked = await t.call("GET", `/admin/draft-orders/${draft.id}/delivery`, t.admin())
    expect(booked.place).toEqual({ day: day.date, slot_code: "evening" })
    const delivery = page.getByTestId("draft-order-delivery")
    await delivery.getByText("place booked").waitFor({ timeout: 30_000 })
    const left = day.slots.find((s: any) => s.code === "evening").places_left
    await delivery.getByText(`${left - 1} of 40 places left`).waitFor({ timeout: 30_000 })

    await page.screenshot({ path: path.join(os.tmpdir(), "admin-draft-order-payment-link.png"), fullPage: true })
    await widget.screenshot({ path: path.join(os.tmpdir(), "admin-draft-order-payment-link-sent.png") })
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: path.join(ROOT, "docs/screenshots/admin-draft-order-payment-link.png"), fullPage: true })

    // The customer opens the link (the fake's stand-in for Razorpay's hosted page) and pays with UPI.
    const customer = await t.browser.newPage()
    await customer.goto(link.url)
    await customer.getByRole("button", { name: "Pay with UPI (fake)" }).click()
    await customer.waitForLoadState("domcontentloaded")
    const answer = JSON.parse(await customer.locator("body").innerText())
    expect(answer.payment_link.status).toBe("paid")
    // The fake reported payment_link.paid to the shop, which answered once it had made the order.
    expect(answer.webhook).toMatchObject({ event: "payment_link.paid", status: 200 })
    await customer.close()

    // The widget asks again while its link is out: it shows the payment and the order.
    await widget.getByText("Paid", { exact: true }).waitFor({ timeout: 60_000 })
    await widget.getByText(answer.payment.id).waitFor({ timeout: 10_000 })
    await widget.getByText("The customer paid: this draft is now an order.").waitFor({ timeout: 10_000 })
    expect(await widget.getByRole("button", { name: /Send/ }).count()).toBe(0)
    expect(await widget.getByText("Sent to the customer by SMS and WhatsApp.").count()).toBe(0)
    const { order } = await t.call("GET", `/admin/orders/${draft.id}?fields=id,display_id,status,payment_status,total,summary`, t.admin())
    expect(order).toMatchObject({ status: "pending", payment_status: "captured" })
    // Nothing outstanding on the order page: the payment counts in the order's summary (as the admin reads it, with its totals).
    expect(Number(order.summary.pending_difference)).toBe(0)

    await widget.screenshot({ path: path.join(os.tmpdir(), "admin-draft-order-payment-link-paid.png") })
    await widget.getByRole("link", { name: "Open the order" }).click()
    await page.waitForURL((url) => url.pathname === `/app/orders/${draft.id}`, { timeout: 60_000 })
    // Medusa's order page: the order's summary (nothing outstanding) and payment-razorpay's card with the payment.
    await page.getByRole("heading", { name: "Summary" }).waitFor({ timeout: 120_000 })
    await page.getByText("Outstanding amount").waitFor({ timeout: 60_000 })
    await page.getByRole("heading", { name: "Razorpay", exact: true }).waitFor({ timeout: 60_000 })
    await page.getByText(answer.payment.id, { exact: true }).first().waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(os.tmpdir(), "admin-draft-order-payment-link-order.png"), fullPage: true })
    expect(browserErrors).toEqual([])
    await page.close()
  })
})
