import fs from "node:fs"
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core"

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

export function storefrontUrl(path = "/"): string {
  const base = process.env.E2E_STOREFRONT_URL
  if (!base) throw new Error("E2E_STOREFRONT_URL is not set: the browser tests run under jest's global setup (npm test).")
  return `${base}${path}`
}

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`)
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: "en-IN" }
/** A mid-range Android phone. */
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "en-IN" }

/** India's calendar day `daysAhead` from today, YYYY-MM-DD (the shop's days are India's). */
export const shopDay = (daysAhead: number) => new Date(Date.now() + 330 * 60_000 + daysAhead * 86_400_000).toISOString().slice(0, 10)

/** Generous upper bounds for waiting on the page; never asserted as durations. */
export const WAIT = { timeout: 30_000 }

export async function textOf(page: Page, selector: string): Promise<string> {
  const locator = page.locator(selector).first()
  await locator.waitFor({ state: "visible", ...WAIT })
  return (await locator.innerText()).replace(/\s+/g, " ").trim()
}

/** axe-core's serious and critical violations on the current page. */
export async function seriousAccessibilityViolations(page: Page): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8")
  await page.addScriptTag({ content: source })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? "", help: v.help, targets: v.nodes.map((n) => String(n.target)) }))
  })
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical")
}
