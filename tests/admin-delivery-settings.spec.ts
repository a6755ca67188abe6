/**
 * The admin's Delivery settings page in Debian's chromium (issue 19): it lists the seeded
 * areas, slots, pickup hours, closed days and lead times, and a change made on it (a slot's
 * capacity, a closed day, a weekday's pickup hours) is what the admin API and the store's slot list answer next.
 *
 * It starts its own seeded shop with the admin (tests/support/admin-shop.mjs).
 * `UPDATE_SCREENSHOTS=1` also writes docs/screenshots/admin-delivery-settings.png.
 */
import path from "node:path"
import { indiaDay, ROOT, useAdminShop } from "./support/admin-browser"

const t = useAdminShop("admin delivery settings")

t.describeIf("admin delivery settings page (Debian chromium)", () => {
  it("shows the seeded settings; a capacity saved and a day closed on the page hold at once", async () => {
    const page = await t.browser.newPage({ viewport: { width: 1440, height: 1800 }, locale: "en-IN", timezoneId: "Asia/Kolkata" })
    const browserErrors: string[] = []
    page.on("pageerror", (e) => browserErrors.push(e.message))
    await t.login(page)
    await page.goto(`${t.shop.backendUrl}/app/delivery-settings`, { waitUntil: "domcontentloaded", timeout: 300_000 })
    await page.getByRole("heading", { name: "Delivery settings", exact: true }).waitFor({ timeout: 300_000 })
    await page.getByRole("cell", { name: "New Delhi", exact: true }).waitFor({ timeout: 60_000 })
    expect(await page.getByText("Rasgulla: 24 hours").count()).toBe(1)

    // Monday's morning slot takes 12 orders a day from now.
    const capacity = page.getByLabel("Orders per day, Monday morning")
    await capacity.fill("12")
    await capacity.locator("xpath=ancestor::tr[1]").getByRole("button", { name: "Save" }).click()
    await page.getByRole("status").filter({ hasText: "Saved: Monday morning" }).waitFor({ timeout: 60_000 })
    const { slots } = await t.call("GET", "/admin/delivery-settings", t.admin())
    expect(slots.find((s: any) => s.weekday === 1 && s.code === "morning").capacity).toBe(12)

    // A holiday closed on the page: the store's slot list shows that day closed.
    const day = indiaDay(4)
    await page.locator("#closed-day").fill(day)
    await page.locator("#closed-reason").fill("Shop outing")
    await page.getByRole("button", { name: "Close this day" }).click()
    await page.getByText(`${day} — Shop outing`).waitFor({ timeout: 60_000 })
    const listed = await t.call("GET", "/store/delivery/slots", { "x-publishable-api-key": t.shop.publishableKey })
    expect(listed.days.find((d: any) => d.date === day)).toMatchObject({ open: false, reason: "day_closed" })

    // Pickup hours: the counter closes at 19:00 on another day's weekday from now, and the store's list says so.
    const pickupDay = indiaDay(2)
    const weekday = new Date(`${pickupDay}T00:00:00Z`).getUTCDay()
    const closes = page.locator(`#pickup-closes-${weekday}`)
    expect(await closes.inputValue()).toBe("21:00")
    await closes.fill("19:00")
    await page.locator(`[data-weekday="${weekday}"]`).getByRole("button", { name: "Save" }).click()
    await page.getByRole("status").filter({ hasText: "pickup hours" }).waitFor({ timeout: 60_000 })
    // Reloaded with the stored hours, the row has nothing left to save.
    const saveHours = page.locator(`[data-weekday="${weekday}"]`).getByRole("button", { name: "Save" })
    for (let i = 0; i < 300 && !(await saveHours.isDisabled()); i++) await page.waitForTimeout(100)
    expect(await saveHours.isDisabled()).toBe(true)
    const { pickup_hours } = await t.call("GET", "/admin/delivery-settings", t.admin())
    expect(pickup_hours.find((h: any) => h.weekday === weekday)).toMatchObject({ opens_at: "10:00", closes_at: "19:00", active: true })
    const withHours = await t.call("GET", "/store/delivery/slots", { "x-publishable-api-key": t.shop.publishableKey })
    expect(withHours.pickup.find((d: any) => d.date === pickupDay)).toMatchObject({ open: true, opens_at: "10:00", closes_at: "19:00" })

    await page.mouse.move(0, 0)
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: path.join(ROOT, "docs/screenshots/admin-delivery-settings.png"), fullPage: true })
    expect(browserErrors).toEqual([])
    await page.close()
  })
})
