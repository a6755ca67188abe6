#!/usr/bin/env node
// Lighthouse 12.2.3 (mobile: its default emulation and simulated throttling) on the
// storefront's production build: home, a category and a product page, against a
// fresh seeded shop (the browser tests' one). Reports the four category scores
// per page and the JavaScript the product page sends, gzipped as served.
//
//   npm run bench:storefront [-- --runs 3]
//
// Prints a table and writes bench/results/storefront-lighthouse.json (median run per page).
import fs from "node:fs"
import path from "node:path"
import lighthouse from "lighthouse"
import * as chromeLauncher from "chrome-launcher"
import { ROOT } from "../scripts/lib/shop.mjs"
import { startTestShop } from "../storefront/e2e/support/test-shop.mjs"

const runsArg = process.argv.indexOf("--runs")
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3
const PAGES = [
  ["home", "/"],
  ["category", "/categories/dry-fruit-sweets"],
  ["product", "/products/kaju-katli"],
]
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
const log = (line) => process.stdout.write(`[bench] ${line}\n`)

const shop = await startTestShop()
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
})
const results = {}
try {
  for (const [name, pagePath] of PAGES) {
    const url = `${shop.storefrontUrl}${pagePath}`
    await fetch(url) // fills the storefront's catalogue cache, as any visit before Lighthouse's would
    const runs = []
    for (let i = 0; i < RUNS; i++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES })
      const requests = lhr.audits["network-requests"].details.items
      const scripts = requests.filter((r) => r.resourceType === "Script")
      runs.push({
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
        metrics: {
          lcp_ms: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
          fcp_ms: Math.round(lhr.audits["first-contentful-paint"].numericValue),
          tbt_ms: Math.round(lhr.audits["total-blocking-time"].numericValue),
          cls: Number(lhr.audits["cumulative-layout-shift"].numericValue.toFixed(3)),
        },
        js_transfer_bytes: scripts.reduce((n, r) => n + (r.transferSize ?? 0), 0),
        js_files: scripts.length,
        failed_audits: Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable")
          .map((a) => a.id),
      })
      log(`${name} run ${i + 1}: ${JSON.stringify(runs.at(-1).scores)}`)
    }
    runs.sort((a, b) => a.scores.performance - b.scores.performance)
    results[name] = { url: pagePath, ...runs[Math.floor(runs.length / 2)], performance_runs: runs.map((r) => r.scores.performance).sort((a, b) => a - b) }
  }
} finally {
  await chrome.kill()
  await shop.stop()
}

const out = {
  tool: "lighthouse 12.2.3, mobile emulation, simulated throttling, Debian chromium",
  runs_per_page: RUNS,
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  date: new Date().toISOString(),
  pages: results,
}
fs.mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true })
fs.writeFileSync(path.join(ROOT, "bench", "results", "storefront-lighthouse.json"), JSON.stringify(out, null, 2) + "\n")
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
process.stdout.write("\npage       perf  a11y  best  seo   LCP      JS (gzipped)\n")
for (const [name, r] of Object.entries(results)) {
  process.stdout.write(
    `${name.padEnd(10)} ${String(r.scores.performance).padEnd(5)} ${String(r.scores.accessibility).padEnd(5)} ${String(r.scores["best-practices"]).padEnd(5)} ${String(r.scores.seo).padEnd(5)} ${String(r.metrics.lcp_ms + " ms").padEnd(8)} ${kb(r.js_transfer_bytes)} in ${r.js_files} files\n`
  )
}
