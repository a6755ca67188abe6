import type { Page } from "playwright-core"
import { WAIT } from "./browser"

/** Steps a shopper takes, shared by the browser tests. */

/** Picks a size chip on the product page and adds it; resolves once the drawer shows the cart. */
export async function addSize(page: Page, size: string) {
  await page.locator("label.chip", { hasText: size }).click()
  await page.getByTestId("add-to-cart").click()
  await page.getByTestId("add-result").waitFor(WAIT)
}

export async function closeDrawer(page: Page) {
  await page.getByRole("button", { name: "Close cart" }).click()
  await page.getByTestId("cart-drawer").waitFor({ state: "hidden", ...WAIT })
}

export async function fillContact(page: Page, { name = "Priya Sharma", phone = "98765 43210" } = {}) {
  await page.getByLabel("Full name").fill(name)
  await page.getByLabel("Mobile number").fill(phone)
}

export async function fillAddress(page: Page, pincode: string) {
  await page.getByLabel("House number and street").fill("221 Lajpat Nagar")
  await page.getByLabel("Pincode").fill(pincode)
  await page.getByLabel("Pincode").blur()
}

