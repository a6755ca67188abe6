import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import type { Browser } from "playwright-core"
import { DESKTOP, launch, textOf } from "./support/browser"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ports = require("../../scripts/lib/ports.cjs") as {
  freePort(): Promise<number>
  answersOn(port: number): Promise<boolean>
  assertPortFree(port: number, what?: string): Promise<void>
  ownsPort(pid: number, port: number): boolean | undefined
}

jest.setTimeout(120_000)

/**
 * The storefront's production build with a backend that does not answer:
 * every page says so in words a shopper understands, with the shop's header, never a blank page.
 */
const STOREFRONT = path.resolve(__dirname, "..")
let server: ChildProcess
let url: string
let browser: Browser

beforeAll(async () => {
  const [port, deadPort] = await Promise.all([ports.freePort(), ports.freePort()])
  // The storefront's port is free before it starts, and the "backend" port has nothing on it.
  await ports.assertPortFree(port, "the storefront")
  expect(await ports.answersOn(deadPort)).toBe(false)
  url = `http://localhost:${port}`
  const next = path.join(path.dirname(require.resolve("next/package.json", { paths: [STOREFRONT] })), "dist", "bin", "next")
  server = spawn(process.execPath, [next, "start", "-p", String(port)], {
    cwd: STOREFRONT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", MEDUSA_BACKEND_URL: `http://localhost:${deadPort}`, MEDUSA_PUBLISHABLE_KEY: "pk_test" },
    stdio: "ignore",
  })
  for (;;) {
    if (server.exitCode !== null) throw new Error("the storefront exited")
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) {
      // Only the storefront started here counts as the one answering.
      if (ports.ownsPort(server.pid!, port) === false) throw new Error(`something other than the storefront started here answers on ${port}`)
      break
    }
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
