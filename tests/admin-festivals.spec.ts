/**
 * Festival pre-orders in the admin, in Debian's chromium (issue 19): staff add a festival on the
 * Delivery settings page (a refused form shows the admin API's sentence); its pre-orders, once
 * confirmed, are what the kitchen sheet's "Next 7 days" counts when the festival is chosen (an
 * ordinary order on the same day is not), and what the Shop orders page lists for the festival.
 *
 * It starts its own seeded shop with the admin (tests/support/admin-shop.mjs). `UPDATE_SCREENSHOTS=1`
 * also writes docs/screenshots/admin-festivals.png and admin-kitchen-ahead.png.
 */
import path from "node:path"
import { indiaDay, ROOT, useAdminShop } from "./support/admin-browser"

const t = useAdminShop("admin festivals")

/** A cash-on-delivery order through the store API, confirmed by staff; `festival` makes it that festival's pre-order. */
async function confirmedOrder(lines: [handle: string, size: string, quantity: number][], day: string, festival: string | null) {
  const store = { "x-publishable-api-key": t.shop.publishableKey }
  const { regions } = await t.call("GET", "/store/regions", store)
  const handles = lines.map(([h]) => `handle[]=${h}`).join("&")
  const { products } = await t.call("GET", `/store/products?${handles}&fields=id,handle,*variants`, store)
  const items = lines.map(([handle, size, quantity]) => ({ variant_id: products.find((p: any) => p.handle === handle).variants.find((v: any) => v.title === size).id, quantity }))
  const { cart } = await t.call("POST", "/store/carts?fields=id", store, { region_id: regions[0].id, items })
  const { shipping_options } = await t.call("GET", `/store/shipping-options?cart_id=${cart.id}`, store)
  const done = await t.call("POST", `/store/carts/${cart.id}/checkout`, store, {
    email: "priya@example.in",
    shipping_address: { first_name: "Priya", last_name: "Sharma", address_1: "221 Lajpat Nagar", city: "New Delhi", postal_code: "110024", phone: "9845012345" },
    shipping_option_id: shipping_options.find((o: any) => o.name === "Home delivery").id,
    payment_provider_id: "pp_system_default",
    metadata: { delivery_date: day, delivery_slot: "evening", ...(festival ? { festival } : {}) },
  })
  await t.call("POST", `/admin/shop-orders/${done.order.id}/status`, t.admin(), { status: "confirmed" })
  return done.order as { id: string; display_id: number }
}

t.describeIf("admin festivals (Debian chromium)", () => {
  it("adds a festival on the Delivery settings page; the kitchen sheet's next 7 days and Shop orders filter by it", async () => {
    const page = await t.browser.newPage({ viewport: { width: 1440, height: 1800 }, locale: "en-IN", timezoneId: "Asia/Kolkata" })
    const browserErrors: string[] = []
    page.on("pageerror", (e) => browserErrors.push(e.message))
    await t.login(page)
    await page.goto(`${t.shop.backendUrl}/app/delivery-settings`, { waitUntil: "domcontentloaded", timeout: 300_000 })
    const section = page.locator("#festivals")
    await section.getByRole("heading", { name: "Festivals", exact: true }).waitFor({ timeout: 300_000 })

    // Refused: the admin API's own sentence, by the form; nothing added.
    await section.getByRole("button", { name: "Add festival" }).click()
    const problem = section.getByTestId("festival-problem")
    await problem.waitFor({ timeout: 60_000 })
    expect(await problem.innerText()).toMatch(/\.$/)
    expect((await t.call("GET", "/admin/delivery-settings/festivals", t.admin())).festivals).toEqual([])

    const days = [indiaDay(3), indiaDay(4), indiaDay(5)]
    await page.locator("#festival-name").fill("Diwali 2026")
    await page.locator("#festival-opens").fill(indiaDay(0))
    await page.locator("#festival-closes").fill(indiaDay(2))
    await page.locator("#festival-capacity").fill("30")
    await page.locator("#festival-description").fill("Kaju katli and laddoos for Lakshmi puja, made the morning they reach you.")
    for (const day of days) {
      await page.locator("#festival-day").fill(day)
      await section.getByRole("button", { name: "Add day" }).click()
    }
    for (const title of ["Kaju Katli", "Motichoor Laddoo", "Festive Assortment Box"]) await section.getByLabel(title, { exact: true }).click()
    await section.getByRole("button", { name: "Add festival" }).click()
    await section.getByTestId("festival-row").filter({ hasText: "Diwali 2026" }).waitFor({ timeout: 60_000 })
    const [festival] = (await t.call("GET", "/admin/delivery-settings/festivals", t.admin())).festivals
    expect(festival).toMatchObject({ handle: "diwali-2026", delivery_days: days, opens_on: indiaDay(0), closes_on: indiaDay(2), capacity_per_day: 30 })
    expect(festival.product_ids).toHaveLength(3)
    if (process.env.UPDATE_SCREENSHOTS) await section.screenshot({ path: path.join(ROOT, "docs/screenshots/admin-festivals.png") })

    // Two pre-orders and one ordinary order on the festival's days, all confirmed.
    const preorders = [
      await confirmedOrder([["kaju-katli", "500 g", 2]], days[0], "diwali-2026"),
      await confirmedOrder([["kaju-katli", "1 kg", 1], ["motichoor-laddoo", "500 g", 1]], days[1], "diwali-2026"),
    ]
    await confirmedOrder([["rasgulla", "6 pieces", 1]], days[0], null)

    await page.goto(`${t.shop.backendUrl}/app/kitchen-sheet`, { waitUntil: "domcontentloaded", timeout: 300_000 })
    const ahead = page.locator("#kitchen-ahead")
    await ahead.getByRole("heading", { name: "Next 7 days" }).waitFor({ timeout: 300_000 })
    await ahead.getByRole("cell", { name: "Rasgulla", exact: true }).waitFor({ timeout: 60_000 })
    await page.locator("#ks-festival").click()
    await page.getByRole("option", { name: "Diwali 2026" }).click()
    await ahead.getByRole("cell", { name: "Rasgulla", exact: true }).waitFor({ state: "detached", timeout: 60_000 })
    // The festival's first day: its sheet holds the first pre-order only, and the next 7 days start there.
    await page.locator("#ks-day").fill(days[0])
    await page.getByText(new RegExp(`^#${preorders[0].display_id} ·`)).waitFor({ timeout: 60_000 })
    expect(await page.getByText(new RegExp(`^#${preorders[1].display_id} ·`)).count()).toBe(0)
    const kaju = ahead.getByRole("row").filter({ hasText: "Kaju Katli" })
    // 2 × 500 g on the first day, 1 kg on the second.
    expect((await kaju.innerText()).replace(/\s+/g, " ")).toMatch(/Kaju Katli( –)* 1 kg 1 kg/)
    expect(await ahead.getByRole("row").filter({ hasText: "Motichoor Laddoo" }).count()).toBe(1)
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.locator("#ks-day").blur()
      await page.setViewportSize({ width: 1440, height: 900 })
      await page.screenshot({ path: path.join(ROOT, "docs/screenshots/admin-kitchen-ahead.png") })
    }

    await page.goto(`${t.shop.backendUrl}/app/shop-orders`, { waitUntil: "domcontentloaded", timeout: 300_000 })
    await page.getByRole("heading", { name: "Shop orders" }).waitFor({ timeout: 300_000 })
    await page.locator("#so-festival").click()
    await page.getByRole("option", { name: "Diwali 2026" }).click()
    await page.getByRole("button", { name: "Show orders" }).click()
    const listed = page.getByRole("link", { name: /^#\d+$/ })
    await page.waitForFunction((n) => document.querySelectorAll("tbody a[href*='/orders/']").length === n, preorders.length, { timeout: 60_000 })
    expect((await listed.allInnerTexts()).sort()).toEqual(preorders.map((o) => `#${o.display_id}`).sort())
    expect(browserErrors).toEqual([])
    await page.close()
  })
})
