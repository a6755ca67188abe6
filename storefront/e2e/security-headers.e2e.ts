import http from "node:http"
import type { AddressInfo } from "node:net"
import type { Browser } from "playwright-core"
import { DESKTOP, launch, storefrontUrl, WAIT } from "./support/browser"

jest.setTimeout(120_000)

/**
 * Issue 23: the storefront's pages carry the CSP and framing headers, and a page on
 * another origin that frames the checkout (clickjacking) gets nothing: the browser
 * refuses to render it inside the frame.
 */
let browser: Browser
let attacker: http.Server
let attackerUrl: string

beforeAll(async () => {
  browser = await launch()
  // Another origin: the storefront is at localhost, this page at 127.0.0.1 on its own port.
  attacker = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" })
    res.end(`<!doctype html><title>Win a prize</title><iframe id="shop" src="${storefrontUrl("/checkout")}" width="800" height="600"></iframe>`)
  })
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve))
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => attacker?.close(resolve))
})

it("sends the CSP, no-framing, referrer, permissions and nosniff headers with its pages", async () => {
  for (const path of ["/", "/checkout", "/track"]) {
    const res = await fetch(storefrontUrl(path))
    const csp = res.headers.get("content-security-policy") ?? ""
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline' http:\/\/(127\.0\.0\.1|localhost):\d+(;|$)/)
    expect(res.headers.get("x-frame-options")).toBe("DENY")
    expect(res.headers.get("x-content-type-options")).toBe("nosniff")
    expect(res.headers.get("permissions-policy")).toContain("camera=()")
    expect(res.headers.get("referrer-policy")).toBe(path === "/track" ? "no-referrer" : "strict-origin-when-cross-origin")
  }
})

it("refuses to show the checkout inside another site's frame", async () => {
  const page = await (await browser.newContext(DESKTOP)).newPage()
  const refused: string[] = []
  page.on("console", (message) => {
    if (/frame-ancestors|X-Frame-Options|Refused to (display|frame)/i.test(message.text())) refused.push(message.text())
  })
  await page.goto(attackerUrl)
  await page.locator("#shop").waitFor(WAIT)
  await page.waitForLoadState("load")
  const frame = page.frames().find((f) => f !== page.mainFrame())
  expect(frame).toBeDefined()
  // Chromium puts its error page in a refused frame: none of the checkout is there.
  await expect(frame!.locator("[data-testid=place-order]").count()).resolves.toBe(0)
  expect(frame!.url()).not.toBe(storefrontUrl("/checkout"))

  // The same checkout, opened as a page of its own, is there.
  const own = await (await browser.newContext(DESKTOP)).newPage()
  await own.goto(storefrontUrl("/checkout"))
  expect(await own.title()).not.toBe("")
})
