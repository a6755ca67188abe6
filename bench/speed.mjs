#!/usr/bin/env node
// Speed, side by side: stock Medusa (bench/stock-medusa: the same Medusa
// version, no plugins, no caching) and the Sweet Shop backend, each on its own
// database seeded with the same catalogue, started with `medusa start`
// (NODE_ENV=production), loaded from this machine. Every scenario runs on
// both in the same run; rounds alternate which goes first.
//
//   npm run bench                      (node bench/speed.mjs [--seconds 10] [--rounds 2] [--concurrency 10])
//
// Prints a table and writes bench/results/latest.md, latest.json and latest.svg.
//   --ours-env MEDUSA_FF_CACHING=true   settings for our shop only, to measure one change
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { provideTestPostgres, withClient } from "../scripts/lib/postgres.mjs"
import { BACKEND, DATA, ROOT } from "../scripts/lib/shop.mjs"
import { load } from "./lib/load.mjs"
import { ensurePluginsBuilt, log, measureCheckouts, redisUrlIfAny, scenarios, setupShop, STOCK_APP } from "./lib/shops.mjs"

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
const RESULTS = path.join(ROOT, "bench", "results")

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-IN", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–")

function report(results, shops, meta) {
  const [stock, ours] = shops
  const rows = []
  for (const id of Object.keys(results[stock.name].load)) {
    const s = results[stock.name].load[id]
    const o = results[ours.name].load[id]
    const ratio = o.rps / s.rps
    const goal = s.goal
    const met = goal ? ratio >= goal.ratio && o.p99 <= goal.p99 : null
    rows.push({ id, title: s.title, stock: s, ours: o, ratio, goal: goal ? `≥ ${goal.ratio}× req/s, p99 ≤ ${goal.p99} ms` : "", met })
  }
  const cs = results[stock.name].checkout
  const co = results[ours.name].checkout
  const checkoutRows = [
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
  const md = [
    `# Speed: Sweet Shop vs stock Medusa`,
    "",
    `Measured ${meta.measuredAt} on ${meta.machine}; ${meta.concurrency} concurrent clients, ${meta.seconds} s per scenario after 2 s warm-up, ${meta.rounds} rounds alternating which shop goes first (figures are the mean of the rounds). Both shops: Medusa 2.21.2, \`medusa start\` with NODE_ENV=production, the same seeded catalogue (${stock.productIds.length} products), PostgreSQL ${meta.postgres}. Ours ${meta.redis ? "with Redis (" + meta.redis + ")" : "without Redis"}${Object.keys(meta.oursEnv).length ? `, and ${Object.entries(meta.oursEnv).map(([k, v]) => `${k}=${v}`).join(", ")}` : ""}. Load generator on the same machine.`,
    "",
    "| scenario | stock req/s | stock p50 / p99 ms | ours req/s | ours p50 / p99 ms | ours / stock | goal | met |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.title} | ${fmt(r.stock.rps, 1)} | ${fmt(r.stock.p50)} / ${fmt(r.stock.p99)} | ${fmt(r.ours.rps, 1)} | ${fmt(r.ours.p50)} / ${fmt(r.ours.p99)} | ${r.ratio.toFixed(2)}× | ${r.goal} | ${r.met === null ? "" : r.met ? "yes" : "no"} |`
    ),
    "",
    "| checkout | stock | ours | ours / stock | goal | met |",
    "| --- | ---: | ---: | ---: | --- | --- |",
    ...checkoutRows.map((r) => `| ${r.title} | ${r.stock} | ${r.ours} | ${r.ratio.toFixed(2)}× | ${r.goal} | ${r.met ? "yes" : "no"} |`),
    "",
    "| memory and start | stock | ours | goal |",
    "| --- | ---: | ---: | --- |",
    `| RSS after start | ${fmt(stock.afterStartMb)} MB | ${fmt(ours.afterStartMb)} MB | |`,
    `| peak RSS under these loads | ${fmt(results[stock.name].peakMb)} MB | ${fmt(results[ours.name].peakMb)} MB | ours ≤ 600 MB: ${results[ours.name].peakMb <= 600 ? "yes" : "no"} |`,
    `| server ready after \`medusa start\` (database migrated) | ${fmt(stock.server.readySeconds, 1)} s | ${fmt(ours.server.readySeconds, 1)} s | warm restart ≤ 10 s: ${ours.server.readySeconds <= 10 ? "yes" : "no"} |`,
    "",
    `Response sizes: product list ${fmt(results[stock.name].load.list_default.bytes / 1024, 1)} KB (stock) vs ${fmt(results[ours.name].load.list_default.bytes / 1024, 1)} KB (ours).`,
    "",
  ].join("\n")
  return { md, rows, checkoutRows }
}

/** A bar chart of ours/stock per scenario (log scale), with the goal marked. */
function chart(rows, checkoutRows) {
  const items = [
    ...rows.filter((r) => r.id !== "health").map((r) => ({ title: r.title, value: r.ratio, goal: r.met === null ? null : 10, better: "higher" })),
    ...checkoutRows.map((r, i) => ({ title: r.title, value: 1 / r.ratio, goal: i === 0 ? 2 : 3, better: "higher" })),
  ]
  const width = 820
  const rowH = 34
  const left = 330
  const height = 60 + items.length * rowH
  const scale = (v) => left + (Math.log10(Math.max(v, 0.1)) + 1) * ((width - left - 40) / 3) // 0.1× … 100×
  const ticks = [0.1, 1, 10, 100]
  const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;")
  const bars = items
    .map((item, i) => {
      const y = 40 + i * rowH
      const x0 = scale(1)
      const x1 = scale(item.value)
      const ok = item.goal ? item.value >= item.goal : item.value >= 1
      return [
        `<text x="${left - 8}" y="${y + 18}" text-anchor="end" font-size="13">${esc(item.title)}</text>`,
        `<rect x="${Math.min(x0, x1)}" y="${y + 6}" width="${Math.max(2, Math.abs(x1 - x0))}" height="18" fill="${ok ? "#2e7d32" : "#c62828"}"/>`,
        item.goal ? `<line x1="${scale(item.goal)}" x2="${scale(item.goal)}" y1="${y + 2}" y2="${y + 28}" stroke="#000" stroke-dasharray="3,2"/>` : "",
        `<text x="${Math.max(x0, x1) + 6}" y="${y + 20}" font-size="12">${item.value.toFixed(2)}×</text>`,
      ].join("")
    })
    .join("\n")
  const axis = ticks
    .map((t) => `<line x1="${scale(t)}" x2="${scale(t)}" y1="34" y2="${height - 10}" stroke="#ddd"/><text x="${scale(t)}" y="28" text-anchor="middle" font-size="12">${t}×</text>`)
    .join("")
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="16" font-size="14" font-weight="bold">Sweet Shop vs stock Medusa: how many times better (dashed line: the goal)</text>
${axis}
${bars}
</svg>
`
}

async function main() {
  ensurePluginsBuilt()
  const db = await provideTestPostgres({ dataDir: path.join(DATA, "bench-postgres"), log })
  const dbBase = `postgres://${encodeURIComponent(process.env.DB_USERNAME)}:${encodeURIComponent(process.env.DB_PASSWORD)}@${process.env.DB_HOST}:${process.env.DB_PORT}`
  const redis = await redisUrlIfAny()
  const shops = []
  try {
    shops.push(await setupShop({ name: "sweetshop_bench_stock", label: "stock Medusa", cwd: STOCK_APP, port: 9811, dbBase, extraEnv: {} }))
    shops.push(
      await setupShop({ name: "sweetshop_bench_ours", label: "Sweet Shop", cwd: BACKEND, port: 9812, dbBase, extraEnv: { ...(redis ? { REDIS_URL: redis } : {}), ...OURS_ENV } })
    )
    const results = Object.fromEntries(shops.map((s) => [s.name, { load: {}, peakMb: 0 }]))
    for (const shop of shops) shop.memory.reset()

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
      postgres: await withClient(`${dbBase}/postgres`, async (c) => (await c.query("show server_version")).rows[0].server_version),
    }
    const { md, rows, checkoutRows } = report(results, shops, meta)
    fs.mkdirSync(RESULTS, { recursive: true })
    fs.writeFileSync(path.join(RESULTS, "latest.md"), md)
    fs.writeFileSync(path.join(RESULTS, "latest.svg"), chart(rows, checkoutRows))
    fs.writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify({ meta, results }, null, 2) + "\n")
    process.stdout.write(`\n${md}\n`)
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
