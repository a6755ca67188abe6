import type { Browser, Page } from "playwright-core"
import { DESKTOP, launch, shopDay, storefrontUrl, textOf, WAIT } from "./support/browser"
import { addSize, closeDrawer, fillAddress, fillContact } from "./support/flows"
import { changeSlot, latestOrders, orderTotals, placeOrderThroughApi, setAreaCharge, setPickupHours, setPool, setSlotCapacity } from "./support/shop-api"

jest.setTimeout(240_000)

/**
 * The checkout's slot picker (issue 19): it offers the backend's open slots with places
 * left; a slot another shopper filled disappears on the next visit, and a stale page that
 * still offers it is refused with the reason by the slot. Picking "Pickup" shows the
 * counter's hours on the chosen day, as staff set them; pickup's days are the counter's open
 * days (a day without a delivery slot left included), and no slot is asked.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()

async function atCheckout(): Promise<Page> {
  const page = await (await browser.newContext(DESKTOP)).newPage()
  await page.goto(storefrontUrl("/products/kaju-katli"))
  await addSize(page, "250 g")
  await closeDrawer(page)
  await page.goto(storefrontUrl("/checkout"))
  await page.getByTestId("checkout-total").waitFor(WAIT)
  return page
}

it("a slot filled by another shopper: refused with the reason on the stale page, gone from the picker after", async () => {
  await setPool("kaju-katli", 20_000)
  // Five days ahead: clear of today's cut-offs, inside the picker's seven days.
  const day = shopDay(5)
  const weekday = weekdayOf(day)
  const before = await setSlotCapacity(weekday, "evening", 1)
  try {
    const page = await atCheckout()
    await page.locator("#deliveryDate").selectOption(day)
    await page.getByLabel(/^Evening/).check()
    expect(await page.getByLabel(/^Evening/).isChecked()).toBe(true)

    // Another shopper takes the evening's only place.
    await placeOrderThroughApi("+919812345678", [{ handle: "kaju-katli", units: 250, quantity: 1 }], { delivery_date: day, delivery_slot: "evening" })
    const ordersBefore = (await latestOrders(1))[0]?.id

    await fillContact(page)
    await fillAddress(page, "110024")
    await page.getByTestId("place-order").click()
    await page.locator("#slot-error").waitFor({ state: "visible", ...WAIT })
    expect(await textOf(page, "#slot-error")).toMatch(/is full/)
    expect((await latestOrders(1))[0]?.id).toBe(ordersBefore)

    // On the next visit the evening of that day is not offered; the morning still is.
    await page.reload()
    await page.getByTestId("checkout-total").waitFor(WAIT)
    await page.locator("#deliveryDate").selectOption(day)
    expect(await page.getByLabel(/^Evening/).count()).toBe(0)
    expect(await page.getByLabel(/^Morning/).count()).toBe(1)
    await page.context().close()
  } finally {
    await setSlotCapacity(weekday, "evening", before)
  }
})

it("pickup shows the counter's hours on the chosen day, as staff set them, and no longer offers a day staff closed", async () => {
  const day = shopDay(5)
  const weekday = weekdayOf(day)
  const before = await setPickupHours(weekday, { opens_at: "11:00", closes_at: "18:30", active: true })
  try {
    const page = await atCheckout()
    await page.locator("#deliveryDate").selectOption(day)
    expect(await page.getByTestId("pickup-hours").count()).toBe(0)
    await page.locator("#fulfilment-pickup").check()
    await page.getByTestId("pickup-hours").waitFor(WAIT)
    expect(await textOf(page, '[data-testid="pickup-hours"]')).toMatch(/: the counter is open 11:00–18:30\.$/)

    // Staff turn pickup off that weekday: the next visit offers that day for delivery only.
    await setPickupHours(weekday, { active: false })
    await page.reload()
    await page.getByTestId("checkout-total").waitFor(WAIT)
    expect(await page.locator(`#deliveryDate option[value="${day}"]`).count()).toBe(1)
    await page.locator("#fulfilment-pickup").check()
    await page.getByTestId("pickup-hours").waitFor(WAIT)
    expect(await page.locator(`#deliveryDate option[value="${day}"]`).count()).toBe(0)
    await page.context().close()
  } finally {
    await setPickupHours(weekday, before)
  }
})

it("pickup on a day with no delivery slot left: the day comes from the counter's hours, no slot is asked, and the order keeps the day without a slot", async () => {
  await setPool("kaju-katli", 20_000)
  // Four days ahead: both of its delivery slots turned off (as today is once the last cut-off passed), the counter open.
  const day = shopDay(4)
  const weekday = weekdayOf(day)
  const hoursBefore = await setPickupHours(weekday, { opens_at: "10:00", closes_at: "21:00", active: true })
  const slotsBefore = { morning: await changeSlot(weekday, "morning", { active: false }), evening: await changeSlot(weekday, "evening", { active: false }) }
  try {
    const page = await atCheckout()
    // Home delivery does not offer the day.
    expect(await page.locator(`#deliveryDate option[value="${day}"]`).count()).toBe(0)
    await page.locator("#fulfilment-pickup").check()
    const option = page.locator(`#deliveryDate option[value="${day}"]`)
    await option.waitFor({ state: "attached", ...WAIT })
    expect(await option.textContent()).toMatch(/, counter open 10:00–21:00$/)
    await page.locator("#deliveryDate").selectOption(day)
    expect(await page.locator('input[name="slot"]').count()).toBe(0)
    expect(await textOf(page, '[data-testid="pickup-hours"]')).toMatch(/: the counter is open 10:00–21:00\.$/)

    await fillContact(page)
    await page.getByTestId("place-order").click()
    await page.waitForURL("**/order/confirmed/**", WAIT)
    const [order] = await latestOrders(1)
    expect(order.shipping_methods.map((m) => m.name)).not.toContain("Home delivery")
    expect(order.metadata).toMatchObject({ fulfilment: "pickup", delivery_date: day })
    expect(order.metadata).not.toHaveProperty("delivery_slot")
    expect(order.metadata).not.toHaveProperty("delivery_slot_label")
    await page.context().close()
  } finally {
    await changeSlot(weekday, "morning", slotsBefore.morning)
    await changeSlot(weekday, "evening", slotsBefore.evening)
    await setPickupHours(weekday, hoursBefore)
  }
})

it("home delivery costs what the pincode's area charges: the total follows the pincode typed, and the order is charged the figure shown", async () => {
  await setPool("kaju-katli", 20_000)
  // Staff charge Gurugram ₹85 (the seed's areas all charge ₹60, free from ₹999).
  const before = await setAreaCharge("Gurugram", { delivery_charge_rupees: 85, free_above_rupees: 999 })
  try {
    const page = await atCheckout()
    // The delivery line once it reads `pattern` (the total is asked again of the backend as the pincode changes).
    const deliveryReads = async (pattern: RegExp) => {
      const deadline = Date.now() + 20_000
      let seen = ""
      while (Date.now() < deadline) {
        seen = await textOf(page, '[data-testid="checkout-shipping"]')
        if (pattern.test(seen) && (await page.getByTestId("checkout-total").getAttribute("data-total-paise"))) return seen
        await page.waitForTimeout(200)
      }
      throw new Error(`the delivery line read "${seen}", never ${pattern}`)
    }
    await fillContact(page)
    await fillAddress(page, "122002")
    await deliveryReads(/^Delivery ₹85$/)
    await fillAddress(page, "110024")
    await deliveryReads(/^Delivery ₹60$/)
    await fillAddress(page, "122002")
    await deliveryReads(/^Delivery ₹85$/)
    const shownPaise = Number(await page.getByTestId("checkout-total").getAttribute("data-total-paise"))

    const day = shopDay(5)
    await page.locator("#deliveryDate").selectOption(day)
    await page.getByLabel(/^Morning/).check()
    await page.getByTestId("place-order").click()
    await page.waitForURL("**/order/confirmed/**", WAIT)
    const [order] = await latestOrders(1)
    expect(order.shipping_address?.postal_code).toBe("122002")
    const totals = await orderTotals(order.id)
    expect(totals.shipping_total).toBe(85)
    expect(totals.total * 100).toBe(shownPaise)
    await page.context().close()
  } finally {
    await setAreaCharge("Gurugram", before)
  }
})
