import { spawn, type ChildProcess } from "node:child_process"
import net from "node:net"
import path from "node:path"
import type { Browser } from "playwright-core"
import { DESKTOP, launch, textOf } from "./support/browser"

jest.setTimeout(120_000)

/**
 * The storefront's production build with a backend that does not answer:
 * every page says so in words a shopper understands, with the shop's header, never a blank page.
 */
const STOREFRONT = path.resolve(__dirname, "..")
let server: ChildProcess
let url: string
let browser: Browser

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.on("error", reject)
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

beforeAll(async () => {
  const [port, deadPort] = await Promise.all([freePort(), freePort()])
  url = `http://localhost:${port}`
  const next = path.join(path.dirname(require.resolve("next/package.json", { paths: [STOREFRONT] })), "dist", "bin", "next")
  server = spawn(process.execPath, [next, "start", "-p", String(port)], {
    cwd: STOREFRONT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", MEDUSA_BACKEND_URL: `http://localhost:${deadPort}`, MEDUSA_PUBLISHABLE_KEY: "pk_test" },
    stdio: "ignore",
  })
  for (;;) {
    if (server.exitCode !== null) throw new Error("the storefront exited")
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break
    await new Promise((r) => setTimeout(r, 200))
  }
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
  server?.kill("SIGTERM")
})

describe("when the backend does not answer", () => {
  it.each(["/", "/categories/laddoos", "/products/kaju-katli", "/search?q=laddoo"])("%s explains it, with the header and a way to retry", async (pagePath) => {
    const page = await (await browser.newContext(DESKTOP)).newPage()
    await page.goto(`${url}${pagePath}`)
    expect(await textOf(page, "h1")).toBe("Sorry, the shop is not answering right now")
    expect(await textOf(page, "[data-testid=error-page]")).toContain("Please try again in a moment.")
    expect(await page.getByRole("button", { name: "Try again" }).isVisible()).toBe(true)
    expect(await page.getByRole("link", { name: "Sweet Shop" }).isVisible()).toBe(true)
    await page.context().close()
  })
})
