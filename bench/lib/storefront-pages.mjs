// Issue 9's storefront goal: the home, category and product pages of the
// storefront's production build (`next start`) against our backend, loaded at
// 10 clients after every page was visited once. Also the storefront's RSS, how
// its responses are cached, and a check that the product page's stock is live.
import { performance } from "node:perf_hooks"
import { freePort, withClient } from "../../scripts/lib/postgres.mjs"
import { buildStorefrontIfChanged, startStorefront } from "../../scripts/lib/storefront.mjs"
import { load } from "./load.mjs"
import { treeRssMb, watchMemory } from "./memory.mjs"
import { log } from "./shops.mjs"

export const PAGES_GOAL_RPS = 500
const LIVE_PRODUCT = "kaju-katli"

/** The storefront's live stock route (app/api/stock), which the browser asks on the product page when the page is cached HTML. */
const stockPath = (_ours, handle) => `/api/stock?handle=${handle}`

/** `next build` when the storefront's sources changed (a no-op otherwise); before any server starts, so it skews nothing. */
export async function prepareStorefrontBuild() {
  const began = performance.now()
  const built = await buildStorefrontIfChanged({ say: log })
  if (built) log(`storefront built in ${((performance.now() - began) / 1000).toFixed(0)} s`)
}

/** `next start` on a free port, talking to our shop's backend. */
export async function startBenchStorefront(ours) {
  const port = await freePort()
  const began = performance.now()
  const storefront = await startStorefront({
    port,
    backendUrl: ours.server.url,
    publishableKey: ours.headers["x-publishable-api-key"],
    quiet: true,
    env: { SITE_URL: `http://localhost:${port}`, STOREFRONT_REVALIDATE_SECRET: "bench-only-revalidate-secret" },
  })
  const readySeconds = (performance.now() - began) / 1000
  return { ...storefront, readySeconds, afterStartMb: treeRssMb(storefront.process.pid), memory: watchMemory(storefront.process.pid) }
}

export function stopBenchStorefront(storefront) {
  storefront.memory.stop()
  storefront.process.kill("SIGTERM")
}

/** The three pages; category and product pages take each handle in turn. Then the stock route, when the storefront has one. */
export function storefrontPages(storefront, ours) {
  const rotate = (values) => {
    let i = 0
    return () => values[i++ % values.length]
  }
  const nextCategory = rotate(ours.categoryHandles)
  const nextProduct = rotate(ours.handles)
  const nextStock = rotate(ours.handles.map((h) => stockPath(ours, h)))
  return [
    { id: "page_home", title: "home `/`", goal: true, paths: ["/"], make: () => ({ url: `${storefront.url}/` }) },
    {
      id: "page_category",
      title: `category \`/categories/<handle>\` (${ours.categoryHandles.length} in turn)`,
      goal: true,
      paths: ours.categoryHandles.map((h) => `/categories/${h}`),
      make: () => ({ url: `${storefront.url}/categories/${nextCategory()}` }),
    },
    {
      id: "page_product",
      title: `product \`/products/<handle>\` (${ours.handles.length} in turn)`,
      goal: true,
      paths: ours.handles.map((h) => `/products/${h}`),
      make: () => ({ url: `${storefront.url}/products/${nextProduct()}` }),
    },
    {
      id: "stock_route",
      title: `the product page's live stock, \`/api/stock?handle=<handle>\` (${ours.handles.length} in turn; asked by the browser)`,
      goal: false,
      optional: true,
      paths: ours.handles.map((h) => stockPath(ours, h)),
      make: () => ({ url: `${storefront.url}${nextStock()}` }),
    },
  ]
}

/**
 * Visits every path of a page once (renders it into Next's cache, fills the data cache), then asks
 * the first again for its caching headers. Null when an optional page is not there (404).
 */
async function warm(storefront, page) {
  for (const p of page.paths) {
    const res = await fetch(`${storefront.url}${p}`)
    await res.text()
    if (res.status === 404 && page.optional) return null
    if (!res.ok) throw new Error(`storefront ${p} answered ${res.status}`)
  }
  const again = await fetch(`${storefront.url}${page.paths[0]}`)
  await again.text()
  return { cache_control: again.headers.get("cache-control"), x_nextjs_cache: again.headers.get("x-nextjs-cache") }
}

/** Each page at `concurrency` clients for `seconds`, `rounds` times; the mean of the rounds. */
export async function measureStorefrontPages(storefront, ours, { concurrency, seconds, rounds }) {
  const results = {}
  storefront.memory.reset()
  for (const page of storefrontPages(storefront, ours)) {
    const headers = await warm(storefront, page)
    if (!headers) continue
    const runs = []
    for (let round = 0; round < rounds; round++) runs.push(await load({ makeRequest: page.make, concurrency, seconds }))
    const mean = (key) => runs.reduce((sum, r) => sum + r[key], 0) / runs.length
    results[page.id] = {
      title: page.title,
      goal: page.goal,
      rps: mean("rps"),
      p50: mean("p50"),
      p99: mean("p99"),
      bytes: mean("bytes"),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      headers,
    }
    log(`${page.id}: ${results[page.id].rps.toFixed(1)} req/s, p99 ${results[page.id].p99.toFixed(0)} ms${page.goal ? ` (goal ≥ ${PAGES_GOAL_RPS})` : ""}`)
  }
  return { pages: results, afterStartMb: storefront.afterStartMb, peakMb: storefront.memory.peak, readySeconds: storefront.readySeconds }
}

/** Sets the product's pool (stocked units at the kitchen) in our database. */
async function setPoolStock(ours, handle, units) {
  await withClient(ours.databaseUrl, (c) =>
    c.query(
      `update inventory_level set stocked_quantity = $2::numeric, raw_stocked_quantity = jsonb_build_object('value', $3::text, 'precision', 20)
       where inventory_item_id in (select id from inventory_item where sku = $1 and deleted_at is null)`,
      [`POOL-${handle.toUpperCase()}`, units, String(units)]
    )
  )
}

/** How long until `isNow(answer text)` holds for `url` (polled every 100 ms), and how many requests that took; null after `timeoutMs`. */
async function until(url, isNow, timeoutMs) {
  const began = performance.now()
  for (let requests = 1; performance.now() - began < timeoutMs; requests++) {
    const res = await fetch(url)
    if (isNow(await res.text(), res)) return { seconds: (performance.now() - began) / 1000, requests }
    await new Promise((r) => setTimeout(r, 100))
  }
  return null
}

const poolSoldOut = (text) => {
  try {
    return JSON.parse(text).pool?.soldOut
  } catch {
    return undefined
  }
}

/**
 * Empties one product's pool in the database (no revalidation sent) and times
 * how long until the stock shows it: in the product page's HTML when the page
 * renders the stock itself, and from the stock route the browser asks
 * (/api/stock) when the storefront has one; then refills it and times the way back.
 */
export async function checkLiveStock(storefront, ours) {
  const pageUrl = `${storefront.url}/products/${LIVE_PRODUCT}`
  const stockUrl = `${storefront.url}${stockPath(ours, LIVE_PRODUCT)}`
  const hasStockRoute = (await fetch(stockUrl)).status !== 404
  const before = await (await fetch(pageUrl)).text()
  if (!before.includes("Add to cart")) throw new Error(`${pageUrl} does not offer "Add to cart" before the check`)

  await setPoolStock(ours, LIVE_PRODUCT, 0)
  const route = hasStockRoute ? await until(stockUrl, (t) => poolSoldOut(t) === true, 10_000) : null
  // Given 3 s when the stock route carries the change: a cached page keeping its HTML is expected.
  const page = await until(pageUrl, (t) => t.includes("Sold out"), hasStockRoute ? 3_000 : 10_000)
  await setPoolStock(ours, LIVE_PRODUCT, 100_000_000)
  const routeBack = hasStockRoute ? await until(stockUrl, (t) => poolSoldOut(t) === false, 10_000) : null
  const pageBack = page ? await until(pageUrl, (t) => t.includes("Add to cart"), 10_000) : null

  const say = (r) => (r ? `after ${(r.seconds * 1000).toFixed(0)} ms (request ${r.requests})` : "never")
  log(`live stock: page HTML "Sold out" ${say(page)}${hasStockRoute ? `; /api/stock sold out ${say(route)}, back ${say(routeBack)}` : ""}`)
  const live = hasStockRoute ? route !== null && routeBack !== null : page !== null && pageBack !== null
  return { product: LIVE_PRODUCT, hasStockRoute, page, pageBack, route, routeBack, live }
}
