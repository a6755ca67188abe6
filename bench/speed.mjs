#!/usr/bin/env node
// Speed, side by side: stock Medusa (bench/stock-medusa: the same Medusa
// version, no plugins, no caching) and the Sweet Shop backend, each on its own
// database seeded with the same catalogue, started with `medusa start`
// (NODE_ENV=production), loaded from this machine. Every scenario runs on
// both in the same run; rounds alternate which goes first.
//
//   npm run bench                      (node bench/speed.mjs [--seconds 10] [--rounds 2] [--concurrency 10])
//
// Both shops hold issue 9's baseline catalogue: the shop's seed topped up to 60
// products × 3 sizes (bench/lib/more-sweets.ts). Then the storefront's
// production build runs against ours and its home, category and product pages
// are loaded the same way (bench/lib/storefront-pages.mjs).
//
// Prints a table and writes bench/results/latest.md, latest.json and latest.svg.
//   --ours-env MEDUSA_FF_CACHING=true   settings for our shop only, to measure one change
//   --no-storefront                     skip the storefront pages
// The fresh-clone start (`npm install && npm start`) is its own run: npm run bench:fresh-start.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { provideTestPostgres, withClient } from "../scripts/lib/postgres.mjs"
import { BACKEND, backendNodeArgs, DATA, ROOT } from "../scripts/lib/shop.mjs"
import { load } from "./lib/load.mjs"
import { ensurePluginsBuilt, log, measureCheckouts, redisUrlIfAny, scenarios, setupShop, STOCK_APP } from "./lib/shops.mjs"
import { checkLiveStock, measureStorefrontPages, PAGES_GOAL_RPS, prepareStorefrontBuild, startBenchStorefront, stopBenchStorefront } from "./lib/storefront-pages.mjs"

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const flagValue = (name) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}
const SECONDS = arg("seconds", 10)
// --ours-env KEY=value,KEY=value: settings for our shop only (to measure one change at a time).
const OURS_ENV = Object.fromEntries(
  String(flagValue("ours-env") ?? "")
    .split(",")
    .filter(Boolean)
    .map((pair) => pair.split("="))
)
const ROUNDS = arg("rounds", 2)
const CONCURRENCY = arg("concurrency", 10)
const SEQUENTIAL_CHECKOUTS = arg("checkouts", 10)
const PARALLEL_CHECKOUTS = 24
const WITH_STOREFRONT = !process.argv.includes("--no-storefront")
const RESULTS = path.join(ROOT, "bench", "results")
const FRESH_START_JSON = path.join(RESULTS, "latest-start.json")

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-IN", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–")

const plural = (n, word) => `${fmt(n)} ${word}${n === 1 ? "" : "s"}`

/** Rows of the API scenarios: both shops side by side. */
function apiRows(results, stock, ours) {
  return Object.keys(results[stock.name].load).map((id) => {
    const s = results[stock.name].load[id]
    const o = results[ours.name].load[id]
    const ratio = o.rps / s.rps
    const goal = s.goal
    const met = goal ? ratio >= goal.ratio && o.p99 <= goal.p99 : null
    return { id, title: s.title, stock: s, ours: o, ratio, goal: goal ? `≥ ${goal.ratio}× req/s, p99 ≤ ${goal.p99} ms` : "", met }
  })
}

function checkoutRowsOf(results, stock, ours) {
  const cs = results[stock.name].checkout
  const co = results[ours.name].checkout
  return [
    {
      title: "COD checkout, one shopper (median)",
      stock: `${fmt(cs.sequentialMedianMs)} ms`,
      ours: `${fmt(co.sequentialMedianMs)} ms`,
      ratio: co.sequentialMedianMs / cs.sequentialMedianMs,
      goal: "≤ 0.5×",
      met: co.sequentialMedianMs / cs.sequentialMedianMs <= 0.5,
    },
    {
      title: `${PARALLEL_CHECKOUTS} checkouts at once (all done)`,
      stock: `${fmt(cs.parallelSeconds, 1)} s`,
      ours: `${fmt(co.parallelSeconds, 1)} s`,
      ratio: co.parallelSeconds / cs.parallelSeconds,
      goal: "≤ 0.33×",
      met: co.parallelSeconds / cs.parallelSeconds <= 1 / 3,
    },
  ]
}

/** The latest `npm run bench:fresh-start` figures, if it was ever run. */
function readFreshStart() {
  try {
    return JSON.parse(fs.readFileSync(FRESH_START_JSON, "utf8"))
  } catch {
    return null
  }
}

function memoryAndStartLines(results, stock, ours, freshStart) {
  const oursPeakMb = results[ours.name].peakMb
  const lines = [
    "| memory and start | stock | ours | goal |",
    "| --- | ---: | ---: | --- |",
    `| RSS after start | ${fmt(stock.afterStartMb)} MB | ${fmt(ours.afterStartMb)} MB | |`,
    `| peak RSS under these loads | ${fmt(results[stock.name].peakMb)} MB | ${fmt(oursPeakMb)} MB | ours ≤ 600 MB: ${oursPeakMb <= 600 ? "yes" : "no"} |`,
    `| warm restart: server ready after \`medusa start\` (database migrated; ours with all its plugins, see below) | ${fmt(stock.server.readySeconds, 1)} s | ${fmt(ours.server.readySeconds, 1)} s | ≤ 10 s: ${ours.server.readySeconds <= 10 ? "yes" : "no"} |`,
  ]
  if (freshStart) {
    const total = freshStart.total_seconds
    lines.push(
      `| fresh clone: \`npm install\` (${freshStart.measured_at.slice(0, 10)}, \`npm run bench:fresh-start\`, npm cache warm) | | ${fmt(freshStart.install_seconds)} s | |`,
      `| fresh clone: \`npm start\` until /health and the storefront's home answer | | ${fmt(freshStart.start_seconds)} s | |`,
      `| fresh clone: both | | ${fmt(total / 60, 1)} min | ≤ 6 min: ${total <= 360 ? "yes" : "no"} |`
    )
  } else {
    lines.push("| fresh clone `npm install && npm start` | | not measured: run `npm run bench:fresh-start` | ≤ 6 min |")
  }
  const { loaded, missing } = ours.plugins
  lines.push(
    "",
    `Ours answered on a route of each of these plugins: ${loaded.join(", ")}${missing.length ? `; not on those of ${missing.join(", ")}` : ""} (file-cloudinary is a file provider and an upload check, with no route of its own).`
  )
  return lines
}

/** "on the first request after the change (40 ms)" or "after 1,100 ms, on request 3". */
const liveAfter = (r) => (!r ? "never (within 10 s)" : r.requests === 1 ? `on the first request after the change (${fmt(r.seconds * 1000)} ms)` : `after ${fmt(r.seconds * 1000)} ms, on request ${r.requests}`)

/** How each page was served, from its caching headers (asked again after the warm-up visit). */
function cachingSentence(pages) {
  const how = (p) =>
    p.headers?.x_nextjs_cache
      ? `served from Next's page cache (\`x-nextjs-cache: ${p.headers.x_nextjs_cache}\`, \`Cache-Control: ${p.headers.cache_control}\`)`
      : `rendered per request (no \`x-nextjs-cache\`; \`Cache-Control: ${p.headers?.cache_control ?? "?"}\`), its catalogue data from Next's data cache`
  return `How the pages were served after their warm-up visit: ${pages.map((p) => `${p.title.split(" ")[0]} ${how(p)}`).join("; ")}.`
}

/** Where the product page's stock comes from, as this run's check found it. */
function liveStockSentence(live) {
  if (!live) return "The live stock was not checked in this run."
  const head = `Live stock, checked in this run with no revalidation sent: ${live.product}'s pool was emptied in our database, then refilled.`
  if (live.hasStockRoute) {
    return (
      `${head} The product page's HTML ${live.page ? `said "Sold out" ${liveAfter(live.page)}` : "did not change (it holds no stock)"}; ` +
      `the browser asks \`/api/stock?handle=<handle>\` after hydration, which asks our backend on every request (\`GET /store/catalogue/products/:handle/stock\`, no-store: the pool read at that moment): ` +
      `it said sold out ${liveAfter(live.route)} and in stock again ${liveAfter(live.routeBack)}.`
    )
  }
  return `${head} The product page renders the stock on the server (\`GET /store/product-pools\`, no-store, on every request): it said "Sold out" ${liveAfter(live.page)} and "Add to cart" again ${liveAfter(live.pageBack)}.`
}

function storefrontLines(storefront) {
  if (storefront.skipped) return [`Storefront pages: not measured (${storefront.skipped}).`]
  const rows = Object.values(storefront.pages)
  const goalRows = rows.filter((r) => r.goal)
  const goalCell = (r) => (r.goal ? `≥ ${PAGES_GOAL_RPS} req/s` : "none (not a page)")
  const metCell = (r) => (!r.goal ? "" : r.rps >= PAGES_GOAL_RPS && !r.errors ? "yes" : "no")
  return [
    `| storefront page (\`next start\`, production build, against ours) | req/s | p50 / p99 ms | errors | goal | met |`,
    "| --- | ---: | ---: | ---: | --- | --- |",
    ...rows.map((r) => `| ${r.title} | ${fmt(r.rps, 1)} | ${fmt(r.p50)} / ${fmt(r.p99)} | ${fmt(r.errors)} | ${goalCell(r)} | ${metCell(r)} |`),
    `| storefront process RSS: after start / peak under these loads | ${fmt(storefront.afterStartMb)} MB / ${fmt(storefront.peakMb)} MB | | | | |`,
    "",
    cachingSentence(goalRows),
    "",
    liveStockSentence(storefront.live),
  ]
}

function report(results, shops, meta, storefront, freshStart) {
  const [stock, ours] = shops
  const rows = apiRows(results, stock, ours)
  const checkoutRows = checkoutRowsOf(results, stock, ours)
  const catalogue = `the same catalogue on both: the shop's seed topped up to ${plural(meta.catalogue.products, "product")}, ${plural(meta.catalogue.variants, "variant")} (3 sizes each, INR, one stock pool per product), ${fmt(meta.catalogue.categories)} categories, of which the product list answers ${meta.catalogue.listAnswer}`
  const md = [
    `# Speed: Sweet Shop vs stock Medusa`,
    "",
    `Measured ${meta.measuredAt} on ${meta.machine}; ${meta.concurrency} concurrent clients, ${meta.seconds} s per scenario after 2 s warm-up, ${plural(meta.rounds, "round")} alternating which shop goes first (figures are the mean of the rounds). Both shops: Medusa 2.21.2, \`medusa start\` with NODE_ENV=production, PostgreSQL ${meta.postgres}; ${catalogue}. Ours ${meta.redis ? "with Redis (" + meta.redis + ")" : "without Redis"}${Object.keys(meta.oursEnv).length ? `, and ${Object.entries(meta.oursEnv).map(([k, v]) => `${k}=${v}`).join(", ")}` : ""}, node flags as \`npm start\` gives them: ${meta.oursNodeArgs.length ? meta.oursNodeArgs.map((a) => `\`${a}\``).join(" ") : "none"} (stock: none). Load generator on the same machine.`,
    "",
    `| scenario (${meta.catalogue.products} products × 3 sizes) | stock req/s | stock p50 / p99 ms | ours req/s | ours p50 / p99 ms | ours / stock | goal | met |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.title} | ${fmt(r.stock.rps, 1)} | ${fmt(r.stock.p50)} / ${fmt(r.stock.p99)} | ${fmt(r.ours.rps, 1)} | ${fmt(r.ours.p50)} / ${fmt(r.ours.p99)} | ${r.ratio.toFixed(2)}× | ${r.goal} | ${r.met === null ? "" : r.met ? "yes" : "no"} |`
    ),
    "",
    "| checkout | stock | ours | ours / stock | goal | met |",
    "| --- | ---: | ---: | ---: | --- | --- |",
    ...checkoutRows.map((r) => `| ${r.title} | ${r.stock} | ${r.ours} | ${r.ratio.toFixed(2)}× | ${r.goal} | ${r.met ? "yes" : "no"} |`),
    ...(checkoutRows.some((r) => !r.met)
      ? [
          "",
          "What stands in the way of the checkout goals: the time is in Medusa's own cart workflows (about 400 SQL statements per checkout, the cart read 22 times), which ours runs as stock does, minus the round trips and one of the two cart refreshes. Profile: `bench/results/profile-ours-checkout.md` (`node bench/profile.mjs --scenario checkout`); the reasoning and the figures: `docs/performance.md`.",
        ]
      : []),
    "",
    ...storefrontLines(storefront),
    "",
    ...memoryAndStartLines(results, stock, ours, freshStart),
    "",
    `Response sizes: product list ${fmt(results[stock.name].load.list_default.bytes / 1024, 1)} KB (stock) vs ${fmt(results[ours.name].load.list_default.bytes / 1024, 1)} KB (ours).`,
    "",
  ].join("\n")
  return { md, rows, checkoutRows }
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;")
const CHART_WIDTH = 900
const CHART_LEFT = 410
const ROW_H = 34

/** One labelled bar from x0 to x1 at row y, green when ok, with the goal as a dashed line. */
function bar({ y, title, x0, x1, ok, goalX, label }) {
  return [
    `<text x="${CHART_LEFT - 8}" y="${y + 18}" text-anchor="end" font-size="13">${esc(title)}</text>`,
    `<rect x="${Math.min(x0, x1)}" y="${y + 6}" width="${Math.max(2, Math.abs(x1 - x0))}" height="18" fill="${ok ? "#2e7d32" : "#c62828"}"/>`,
    goalX === null ? "" : `<line x1="${goalX}" x2="${goalX}" y1="${y + 2}" y2="${y + 28}" stroke="#000" stroke-dasharray="3,2"/>`,
    `<text x="${Math.max(x0, x1) + 6}" y="${y + 20}" font-size="12">${esc(label)}</text>`,
  ].join("")
}

/** Ours/stock per scenario on a log scale (0.1× … 100× or more), from y0; returns its SVG and height. */
function ratioPanel(rows, checkoutRows, y0) {
  const items = [
    ...rows.filter((r) => r.id !== "health").map((r) => ({ title: r.title, value: r.ratio, goal: r.met === null ? null : 10, met: r.met })),
    ...checkoutRows.map((r, i) => ({ title: r.title, value: 1 / r.ratio, goal: i === 0 ? 2 : 3, met: r.met })),
  ]
  const decades = Math.max(2, Math.ceil(Math.log10(Math.max(...items.map((i) => i.value))))) // up to 100×, or 1,000× when a ratio passes 100×
  const scale = (v) => CHART_LEFT + (Math.log10(Math.max(v, 0.1)) + 1) * ((CHART_WIDTH - CHART_LEFT - 70) / (decades + 1))
  const height = 30 + items.length * ROW_H
  const axis = Array.from({ length: decades + 2 }, (_, i) => 10 ** (i - 1))
    .map((t) => `<line x1="${scale(t)}" x2="${scale(t)}" y1="${y0 + 24}" y2="${y0 + height}" stroke="#ddd"/><text x="${scale(t)}" y="${y0 + 18}" text-anchor="middle" font-size="12">${fmt(t, t < 1 ? 1 : 0)}×</text>`)
    .join("")
  const bars = items.map((item, i) =>
    bar({
      y: y0 + 30 + i * ROW_H,
      title: item.title,
      x0: scale(1),
      x1: scale(item.value),
      ok: item.met ?? item.value >= 1,
      goalX: item.goal ? scale(item.goal) : null,
      label: `${item.value.toFixed(2)}×`,
    })
  )
  return { svg: [axis, ...bars].join("\n"), height }
}

/** Storefront pages in req/s on a linear scale, the goal dashed; from y0. */
function pagesPanel(storefront, y0) {
  const pages = Object.values(storefront.pages).filter((p) => p.goal)
  const top = Math.max(PAGES_GOAL_RPS * 2, ...pages.map((p) => p.rps * 1.1))
  const scale = (v) => CHART_LEFT + (v / top) * (CHART_WIDTH - CHART_LEFT - 80)
  const step = top > 2000 ? 1000 : 250
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step)
  const height = 50 + pages.length * ROW_H
  const title = `<text x="10" y="${y0 + 16}" font-size="14" font-weight="bold">Storefront pages against ours, req/s at ${CONCURRENCY} clients (dashed line: the goal, ${PAGES_GOAL_RPS})</text>`
  const axis = ticks
    .map((t) => `<line x1="${scale(t)}" x2="${scale(t)}" y1="${y0 + 44}" y2="${y0 + height}" stroke="#ddd"/><text x="${scale(t)}" y="${y0 + 38}" text-anchor="middle" font-size="12">${t}</text>`)
    .join("")
  const bars = pages.map((p, i) =>
    bar({ y: y0 + 50 + i * ROW_H, title: p.title.replace(/`/g, ""), x0: scale(0), x1: scale(p.rps), ok: p.rps >= PAGES_GOAL_RPS, goalX: scale(PAGES_GOAL_RPS), label: `${fmt(p.rps)} req/s` })
  )
  return { svg: [title, axis, ...bars].join("\n"), height }
}

/** The chart: ours/stock per scenario (log scale) and, when measured, the storefront pages against their goal. */
function chart(rows, checkoutRows, storefront) {
  const ratios = ratioPanel(rows, checkoutRows, 24)
  const measured = !storefront.skipped
  const pages = measured ? pagesPanel(storefront, 24 + ratios.height + 20) : { svg: "", height: 0 }
  const height = 24 + ratios.height + (measured ? 20 + pages.height : 0) + 10
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="16" font-size="14" font-weight="bold">Sweet Shop vs stock Medusa: how many times better (dashed line: the goal; red: not met)</text>
${ratios.svg}
${pages.svg}
</svg>
`
}

/** Every API scenario on both shops, `ROUNDS` times, alternating which goes first; the mean per shop. */
async function measureApiScenarios(shops, results) {
  for (const id of scenarios(shops[0]).map((s) => s.id)) {
    const runs = Object.fromEntries(shops.map((s) => [s.name, []]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const shop of round % 2 ? [...shops].reverse() : shops) {
        const scenario = scenarios(shop).find((s) => s.id === id)
        runs[shop.name].push(await load({ makeRequest: scenario.make, concurrency: CONCURRENCY, seconds: SECONDS }))
      }
    }
    for (const shop of shops) {
      const scenario = scenarios(shop).find((s) => s.id === id)
      const mean = (key) => runs[shop.name].reduce((sum, r) => sum + r[key], 0) / runs[shop.name].length
      results[shop.name].load[id] = {
        title: scenario.title,
        goal: scenario.goal,
        rps: mean("rps"),
        p50: mean("p50"),
        p99: mean("p99"),
        bytes: mean("bytes"),
        errors: runs[shop.name].reduce((sum, r) => sum + r.errors, 0),
      }
      log(`${id} · ${shop.label}: ${fmt(results[shop.name].load[id].rps, 1)} req/s, p99 ${fmt(results[shop.name].load[id].p99)} ms`)
    }
  }
}

/** The storefront's production build against ours: page loads, its RSS, the live-stock check. */
async function measureStorefront(ours) {
  const storefront = await startBenchStorefront(ours)
  log(`storefront: ready in ${storefront.readySeconds.toFixed(1)} s at ${storefront.url}, ${storefront.afterStartMb.toFixed(0)} MB`)
  try {
    const measured = await measureStorefrontPages(storefront, ours, { concurrency: CONCURRENCY, seconds: SECONDS, rounds: ROUNDS })
    measured.live = await checkLiveStock(storefront, ours)
    return measured
  } finally {
    stopBenchStorefront(storefront)
  }
}

/**
 * Stops the run when ours came up without a plugin's routes that this run did
 * not turn off: in a shared working tree, a plugin being rebuilt
 * (plugins/<name>/.medusa/server) while the server starts leaves it out.
 */
function refuseMissingPlugins(ours) {
  const turnedOff = OURS_ENV.GRAM_POOL_CHECKS === "false" ? ["gram-inventory"] : []
  const unexpected = ours.plugins.missing.filter((p) => !turnedOff.includes(p))
  if (unexpected.length) {
    throw new Error(`ours started without the routes of ${unexpected.join(", ")}: was the plugin being rebuilt (plugins/*/.medusa/server) while the server started? Run the bench again.`)
  }
}

/** Builds the storefront when needed; null when it is ready, else why its pages are skipped (a build that fails costs their rows, not the run). */
async function buildStorefrontOrSay() {
  if (!WITH_STOREFRONT) return "skipped with --no-storefront"
  try {
    await prepareStorefrontBuild()
    return null
  } catch (error) {
    log(`storefront pages skipped: ${error.message}\n${String(error.output ?? "").slice(-3000)}`)
    return `skipped: ${error.message}`
  }
}

async function main() {
  const began = performance.now()
  ensurePluginsBuilt()
  const storefrontSkipped = await buildStorefrontOrSay()
  const db = await provideTestPostgres({ dataDir: path.join(DATA, "bench-postgres"), log })
  const dbBase = `postgres://${encodeURIComponent(process.env.DB_USERNAME)}:${encodeURIComponent(process.env.DB_PASSWORD)}@${process.env.DB_HOST}:${process.env.DB_PORT}`
  const redis = await redisUrlIfAny()
  const shops = []
  try {
    shops.push(await setupShop({ name: "sweetshop_bench_stock", label: "stock Medusa", cwd: STOCK_APP, port: 9811, dbBase, extraEnv: {} }))
    shops.push(
      await setupShop({ name: "sweetshop_bench_ours", label: "Sweet Shop", cwd: BACKEND, port: 9812, dbBase, extraEnv: { ...(redis ? { REDIS_URL: redis } : {}), ...OURS_ENV } })
    )
    const [stock, ours] = shops
    refuseMissingPlugins(ours)
    const results = Object.fromEntries(shops.map((s) => [s.name, { load: {}, peakMb: 0 }]))
    for (const shop of shops) shop.memory.reset()

    await measureApiScenarios(shops, results)
    const storefront = storefrontSkipped
      ? { skipped: storefrontSkipped }
      : await measureStorefront(ours).catch((error) => {
          log(`storefront pages failed: ${error.stack ?? error}`)
          return { skipped: `failed: ${error.message.split("\n")[0]}` }
        })
    for (const shop of shops) {
      results[shop.name].checkout = await measureCheckouts(shop, { sequential: SEQUENTIAL_CHECKOUTS, parallel: PARALLEL_CHECKOUTS })
      log(`checkout · ${shop.label}: median ${fmt(results[shop.name].checkout.sequentialMedianMs)} ms, ${PARALLEL_CHECKOUTS} at once ${fmt(results[shop.name].checkout.parallelSeconds, 1)} s`)
    }
    for (const shop of shops) results[shop.name].peakMb = shop.memory.peak

    const meta = {
      measuredAt: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      rounds: ROUNDS,
      redis,
      oursEnv: OURS_ENV,
      oursNodeArgs: backendNodeArgs({ ...process.env, ...OURS_ENV }),
      postgres: await withClient(`${dbBase}/postgres`, async (c) => (await c.query("show server_version")).rows[0].server_version),
      catalogue: { products: stock.productIds.length, variants: stock.variantCount, categories: stock.categoryHandles.length, listAnswer: stock.listCount },
      oursPlugins: ours.plugins,
      startSeconds: Object.fromEntries(shops.map((s) => [s.name, s.server.readySeconds])),
      afterStartMb: Object.fromEntries(shops.map((s) => [s.name, s.afterStartMb])),
    }
    const freshStart = readFreshStart()
    const { md, rows, checkoutRows } = report(results, shops, meta, storefront, freshStart)
    fs.mkdirSync(RESULTS, { recursive: true })
    fs.writeFileSync(path.join(RESULTS, "latest.md"), md)
    fs.writeFileSync(path.join(RESULTS, "latest.svg"), chart(rows, checkoutRows, storefront))
    fs.writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify({ meta, results, storefront, freshStart }, null, 2) + "\n")
    process.stdout.write(`\n${md}\n`)
    const minutes = (performance.now() - began) / 60_000
    log(`done in ${minutes.toFixed(1)} min; results in ${["latest.md", "latest.json", "latest.svg"].map((f) => path.relative(process.cwd(), path.join(RESULTS, f))).join(", ")}`)
  } finally {
    for (const shop of shops) {
      shop.memory.stop()
      shop.server.child.kill("SIGTERM")
    }
    await new Promise((r) => setTimeout(r, 1500))
    await withClient(`${dbBase}/postgres`, async (c) => {
      for (const name of ["sweetshop_bench_stock", "sweetshop_bench_ours"]) await c.query(`drop database if exists "${name}" with (force)`)
    }).catch(() => {})
    await db.stop()
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exit(1)
})
