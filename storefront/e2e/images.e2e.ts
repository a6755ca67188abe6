import fs from "node:fs"
import path from "node:path"
import type { Browser, Page } from "playwright-core"
import { launch, PHONE, storefrontUrl, WAIT } from "./support/browser"
import { setProductPictures } from "./support/shop-api"

jest.setTimeout(180_000)

/**
 * Product pictures in a real browser: the shop's default for a product without
 * one or whose picture fails, and Cloudinary pictures asked for at the size the
 * screen needs. Cloudinary itself is not reachable here: the browser's requests
 * to res.cloudinary.com are answered by the test (and recorded).
 */
let browser: Browser
const PICTURE = fs.readFileSync(path.join(__dirname, "..", "public", "sweet-placeholder.svg"))

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** Reloads until the page's main picture satisfies `done` (the change reaches the cached catalogue through revalidation). */
async function reloadUntil(page: Page, url: string, done: (img: { src: string; srcset: string | null }) => boolean) {
  let last = { src: "", srcset: null as string | null }
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.goto(url)
    const img = page.locator(".product-image img")
    await img.waitFor(WAIT)
    // Let a failed picture fall back before reading it.
    await page.waitForLoadState("load")
    last = await img.evaluate((el: HTMLImageElement) => ({ src: el.currentSrc || el.src, srcset: el.getAttribute("srcset") }))
    if (done(last)) return last
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the picture never changed: ${JSON.stringify(last)}`)
}

describe("product pictures", () => {
  it("no picture → the shop's default; a Cloudinary picture → a sized version for a phone; a broken one → the default", async () => {
    const page = await (await browser.newContext(PHONE)).newPage()
    const asked: string[] = []
    await page.route("https://res.cloudinary.com/**", (route) => {
      asked.push(route.request().url())
      return route.fulfill({ status: 200, contentType: "image/svg+xml", body: PICTURE })
    })
    const product = storefrontUrl("/products/cham-cham")

    await setProductPictures("cham-cham", null)
    const none = await reloadUntil(page, product, (img) => img.src.endsWith("/sweet-placeholder.svg"))
    expect(none.srcset).toBeNull()

    const upload = "https://res.cloudinary.com/sweetshop/image/upload/v1732512000/sweetshop/products/cham-cham.jpg"
    await setProductPictures("cham-cham", upload)
    const sized = await reloadUntil(page, product, (img) => img.src.includes("res.cloudinary.com"))
    // 300 CSS px at a device pixel ratio of 2: the 640 px version, never the full upload.
    expect(sized.src).toBe("https://res.cloudinary.com/sweetshop/image/upload/f_auto,q_auto,c_limit,w_640/v1732512000/sweetshop/products/cham-cham.jpg")
    expect(asked).not.toContain(upload)
    expect(asked.every((u) => /\/image\/upload\/f_auto,q_auto,c_limit,w_\d+\//.test(u))).toBe(true)

    // The category's cards (half a 360 px screen) ask for a smaller one.
    await page.goto(storefrontUrl("/categories/bengali-sweets"))
    const card = page.getByTestId("sweet-card").filter({ hasText: "Cham Cham" }).locator("img")
    await card.scrollIntoViewIfNeeded()
    await page.waitForFunction(() => [...document.querySelectorAll("img")].some((i) => i.currentSrc.includes("cham-cham.jpg") && i.complete), undefined, WAIT)
    expect(await card.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(/\/f_auto,q_auto,c_limit,w_(320|480)\//)

    // A picture that does not load shows the default, not a broken image.
    await setProductPictures("cham-cham", "http://127.0.0.1:9/no-such-picture.png")
    const broken = await reloadUntil(page, product, (img) => img.src.endsWith("/sweet-placeholder.svg"))
    expect(broken.src).toMatch(/\/sweet-placeholder\.svg$/)
    await page.context().close()
  })
})
