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

/** The three pages; category and product pages take each handle in turn. */
export function storefrontPages(storefront, ours) {
  const rotate = (values) => {
    let i = 0
    return () => values[i++ % values.length]
  }
  const nextCategory = rotate(ours.categoryHandles)
  const nextProduct = rotate(ours.handles)
  return [
    { id: "page_home", title: "home `/`", paths: ["/"], make: () => ({ url: `${storefront.url}/` }) },
    {
      id: "page_category",
      title: `category \`/categories/<handle>\` (${ours.categoryHandles.length} in turn)`,
      paths: ours.categoryHandles.map((h) => `/categories/${h}`),
      make: () => ({ url: `${storefront.url}/categories/${nextCategory()}` }),
    },
    {
      id: "page_product",
      title: `product \`/products/<handle>\` (${ours.handles.length} in turn)`,
      paths: ours.handles.map((h) => `/products/${h}`),
      make: () => ({ url: `${storefront.url}/products/${nextProduct()}` }),
    },
  ]
}

/** Visits every path of a page once (fills Next's data cache); returns the first answer's caching headers. */
async function warm(storefront, page) {
  let headers = null
  for (const p of page.paths) {
    const res = await fetch(`${storefront.url}${p}`)
    await res.text()
    if (!res.ok) throw new Error(`storefront ${p} answered ${res.status}`)
    headers ??= { cache_control: res.headers.get("cache-control"), x_nextjs_cache: res.headers.get("x-nextjs-cache") }
  }
  return headers
}

/** Each page at `concurrency` clients for `seconds`, `rounds` times; the mean of the rounds. */
export async function measureStorefrontPages(storefront, ours, { concurrency, seconds, rounds }) {
  const results = {}
  storefront.memory.reset()
  for (const page of storefrontPages(storefront, ours)) {
    const headers = await warm(storefront, page)
    const runs = []
    for (let round = 0; round < rounds; round++) runs.push(await load({ makeRequest: page.make, concurrency, seconds }))
    const mean = (key) => runs.reduce((sum, r) => sum + r[key], 0) / runs.length
    results[page.id] = {
      title: page.title,
      rps: mean("rps"),
      p50: mean("p50"),
      p99: mean("p99"),
      bytes: mean("bytes"),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      headers,
    }
    log(`${page.id}: ${results[page.id].rps.toFixed(1)} req/s, p99 ${results[page.id].p99.toFixed(0)} ms (goal ≥ ${PAGES_GOAL_RPS})`)
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

/** How long until the product page says `text` (polled every 100 ms), and how many page requests that took; null after `timeoutMs`. */
async function untilPageSays(url, text, timeoutMs = 10_000) {
  const began = performance.now()
  for (let requests = 1; performance.now() - began < timeoutMs; requests++) {
    if ((await (await fetch(url)).text()).includes(text)) return { seconds: (performance.now() - began) / 1000, requests }
    await new Promise((r) => setTimeout(r, 100))
  }
  return null
}

/**
 * Empties one product's pool in the database and times how long the product
 * page (warm, its catalogue cached) takes to say "Sold out"; then refills it
 * and times "Add to cart" coming back. No revalidation is sent: only the
 * uncached stock request can carry the change.
 */
export async function checkLiveStock(storefront, ours) {
  const url = `${storefront.url}/products/${LIVE_PRODUCT}`
  const before = await (await fetch(url)).text()
  if (!before.includes("Add to cart")) throw new Error(`${url} does not offer "Add to cart" before the check`)
  await setPoolStock(ours, LIVE_PRODUCT, 0)
  const soldOut = await untilPageSays(url, "Sold out")
  await setPoolStock(ours, LIVE_PRODUCT, 100_000_000)
  const back = await untilPageSays(url, "Add to cart")
  const say = (r) => (r ? `after ${r.seconds.toFixed(1)} s (page request ${r.requests})` : "never")
  log(`live stock: "Sold out" ${say(soldOut)}, "Add to cart" back ${say(back)}`)
  return { product: LIVE_PRODUCT, soldOut, back, live: soldOut !== null && back !== null }
}
