/**
 * A phone order's delivery day and slot in the admin, in Debian's chromium (issue 21): on a
 * draft order, the Delivery day widget lists the days and slots the backend gives for the
 * draft's sweets (GET /admin/draft-orders/:id/delivery), staff pick a day and a slot and save,
 * and the draft carries delivery_date, delivery_slot and its label (what the payment link's
 * and convert-to-order's middleware judge and book).
 *
 * It starts its own seeded shop with the admin (tests/support/admin-shop.mjs). A screenshot is
 * written to the system's temp directory; `UPDATE_SCREENSHOTS=1` also writes
 * docs/screenshots/admin-draft-order-delivery.png.
 */
import os from "node:os"
import path from "node:path"
import { ROOT, useAdminShop } from "./support/admin-browser"

const t = useAdminShop("admin draft order delivery day")

t.describeIf("draft order delivery day widget (Debian chromium)", () => {
  it("lists the backend's days and slots for the draft; a day and slot picked and saved are on the draft", async () => {
    const draft = await t.homeDeliveryDraft()
    const listed = await t.call("GET", `/admin/draft-orders/${draft.id}/delivery`, t.admin())
    expect(listed.delivery).toEqual({ delivery_date: null, delivery_slot: null, delivery_slot_label: null })
    const day = listed.days.find((d: any, i: number) => i >= 2 && d.open && d.slots.some((s: any) => s.code === "evening" && s.open))

    const page = await t.browser.newPage({ viewport: { width: 1440, height: 1400 }, locale: "en-IN", timezoneId: "Asia/Kolkata" })
    const browserErrors: string[] = []
    page.on("pageerror", (e) => browserErrors.push(e.message))
    await t.login(page)
    await page.goto(`${t.shop.backendUrl}/app/draft-orders/${draft.id}`, { waitUntil: "domcontentloaded", timeout: 300_000 })
    const widget = page.getByTestId("draft-order-delivery")
    await widget.getByRole("heading", { name: "Delivery day" }).waitFor({ timeout: 300_000 })
    await widget.getByText(/No day chosen/).waitFor({ timeout: 60_000 })

    await widget.getByRole("combobox", { name: "Delivery day" }).click()
    await page.getByRole("option", { name: day.label, exact: true }).click()
    const evening = widget.getByRole("radio", { name: "16:00–20:00" })
    await evening.check()
    const left = day.slots.find((s: any) => s.code === "evening").places_left
    await widget.getByText(`${left} of 40 places left`).first().waitFor({ timeout: 10_000 })
    await widget.getByRole("button", { name: "Save day and slot" }).click()
    await widget.getByText(/^Saved\./).waitFor({ timeout: 60_000 })
    await widget.getByText(`${day.label}, 16:00–20:00`).waitFor({ timeout: 60_000 })

    const { draft_order } = await t.call("GET", `/admin/draft-orders/${draft.id}?fields=id,metadata`, t.admin())
    expect(draft_order.metadata).toMatchObject({ delivery_date: day.date, delivery_slot: "evening", delivery_slot_label: "16:00–20:00" })

    await page.screenshot({ path: path.join(os.tmpdir(), "admin-draft-order-delivery.png"), fullPage: true })
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: path.join(ROOT, "docs/screenshots/admin-draft-order-delivery.png"), fullPage: true })
    expect(browserErrors).toEqual([])
    await page.close()
  })
})
