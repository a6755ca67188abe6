#!/usr/bin/env node
// Benchmark: add-to-cart and cart completion with the gram-inventory pool
// checks against the same flow on Medusa's stock inventory checks, side by
// side in one run. Two Medusa servers (pool checks on / off) on two fresh
// databases; rounds alternate between them so drift hits both alike.
//
//   node bench/pool-checks.mjs [--rounds 4] [--carts 15]
//
// Prints a table and writes bench/results/pool-checks.json.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { provideTestPostgres, withClient } from "../scripts/lib/postgres.mjs"
import { BACKEND, DATA, MEDUSA_CLI, ROOT } from "../scripts/lib/shop.mjs"

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const ROUNDS = arg("rounds", 4)
const CARTS = arg("carts", 15)

const log = (line) => process.stdout.write(`[bench] ${line}\n`)

function medusaSync(args, env) {
  const r = spawnSync(process.execPath, [MEDUSA_CLI, ...args], { cwd: BACKEND, env, encoding: "utf8" })
  if (r.status !== 0) throw new Error(`medusa ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`)
}

async function startServer(port, env) {
  const child = spawn(process.execPath, [MEDUSA_CLI, "start"], { cwd: BACKEND, env: { ...env, PORT: String(port) }, stdio: "ignore" })
  const url = `http://localhost:${port}`
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child }
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  child.kill("SIGKILL")
  throw new Error(`server on ${port} did not start`)
}

async function call(base, method, pathname, headers, body) {
  const res = await fetch(`${base}${pathname}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${data.message}`)
  return data
}

async function setup(name, gramPoolChecks, port, dbBase) {
  const url = `${dbBase}/${name}`
  await withClient(`${dbBase}/postgres`, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`)
    await c.query(`create database "${name}"`)
  })
  const env = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: url,
    GRAM_POOL_CHECKS: String(gramPoolChecks),
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "error",
    DISABLE_ADMIN: "true",
  }
  delete env.REDIS_URL
  log(`${name}: migrating and seeding…`)
  medusaSync(["db:migrate"], env)
  medusaSync(["exec", "./src/scripts/seed.ts"], env)
  // Plenty of stock, so that no checkout is refused during the run.
  await withClient(url, (c) => c.query(`update inventory_level set stocked_quantity = 100000000, raw_stocked_quantity = '{"value": "100000000", "precision": 20}'::jsonb`))
  const key = await withClient(url, async (c) => (await c.query(`select token from api_key where type = 'publishable' and title = 'Sweet Shop Storefront'`)).rows[0].token)
  const server = await startServer(port, env)
  const headers = { "x-publishable-api-key": key }
  const { regions } = await call(server.url, "GET", "/store/regions", headers)
  const { products } = await call(server.url, "GET", `/store/products?handle=motichoor-laddoo&fields=id,*variants`, headers)
  if (!products.length) throw new Error(`${name}: the seeded laddoo is missing: ${JSON.stringify(await call(server.url, "GET", "/store/products?fields=handle&limit=3", headers))}`)
  const variants = Object.fromEntries(products[0].variants.map((v) => [v.title, v.id]))
  const { shipping_options } = await (async () => {
    const { cart } = await call(server.url, "POST", "/store/carts", headers, { region_id: regions[0].id })
    await call(server.url, "POST", `/store/carts/${cart.id}`, headers, { shipping_address: { country_code: "in", postal_code: "110024" } })
    return call(server.url, "GET", `/store/shipping-options?cart_id=${cart.id}`, headers)
  })()
  return { name, gramPoolChecks, server, headers, regionId: regions[0].id, variants, deliveryId: shipping_options.find((o) => o.name === "Home delivery").id }
}

/** One shopper: two add-to-cart calls and a completion are timed; the rest is setup. */
async function oneCheckout(shop, timings) {
  const { url } = shop.server
  const h = shop.headers
  const { cart } = await call(url, "POST", "/store/carts", h, { region_id: shop.regionId })
  let t = performance.now()
  await call(url, "POST", `/store/carts/${cart.id}/line-items`, h, { variant_id: shop.variants["500 g"], quantity: 1 })
  timings.add.push(performance.now() - t)
  t = performance.now()
  await call(url, "POST", `/store/carts/${cart.id}/line-items`, h, { variant_id: shop.variants["1 kg"], quantity: 1 })
  timings.add.push(performance.now() - t)
  await call(url, "POST", `/store/carts/${cart.id}`, h, {
    email: "bench@example.in",
    shipping_address: { first_name: "Bench", last_name: "Shopper", address_1: "1 MG Road", city: "New Delhi", postal_code: "110024", country_code: "in", phone: "+919876543210" },
  })
  await call(url, "POST", `/store/carts/${cart.id}/shipping-methods`, h, { option_id: shop.deliveryId })
  const { payment_collection } = await call(url, "POST", "/store/payment-collections", h, { cart_id: cart.id })
  await call(url, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, h, { provider_id: "pp_system_default" })
  t = performance.now()
  const done = await call(url, "POST", `/store/carts/${cart.id}/complete`, h, {})
  timings.complete.push(performance.now() - t)
  if (done.type !== "order") throw new Error(`cart ${cart.id} did not become an order`)
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]
}

async function main() {
  const db = await provideTestPostgres({ dataDir: path.join(DATA, "bench-postgres"), log })
  const dbBase = `postgres://${encodeURIComponent(process.env.DB_USERNAME)}:${encodeURIComponent(process.env.DB_PASSWORD)}@${process.env.DB_HOST}:${process.env.DB_PORT}`
  const shops = []
  try {
    shops.push(await setup("sweetshop_bench_pools_on", true, 9801, dbBase))
    shops.push(await setup("sweetshop_bench_pools_off", false, 9802, dbBase))
    const timings = Object.fromEntries(shops.map((s) => [s.name, { add: [], complete: [] }]))
    // Warm-up, not counted.
    for (const shop of shops) for (let i = 0; i < 3; i++) await oneCheckout(shop, { add: [], complete: [] })
    for (let round = 0; round < ROUNDS; round++) {
      for (const shop of round % 2 ? [...shops].reverse() : shops) {
        for (let i = 0; i < CARTS; i++) await oneCheckout(shop, timings[shop.name])
      }
      log(`round ${round + 1}/${ROUNDS} done`)
    }

    const summary = {}
    for (const shop of shops) {
      const t = timings[shop.name]
      summary[shop.gramPoolChecks ? "pool_checks" : "stock_medusa"] = {
        add_to_cart_ms: { p50: quantile(t.add, 0.5), p95: quantile(t.add, 0.95), n: t.add.length },
        complete_ms: { p50: quantile(t.complete, 0.5), p95: quantile(t.complete, 0.95), n: t.complete.length },
      }
    }
    const ratio = (op, q) => summary.pool_checks[op][q] / summary.stock_medusa[op][q]
    const result = {
      measured_at: new Date().toISOString(),
      machine: `${(await import("node:os")).cpus().length} cores, node ${process.version}`,
      rounds: ROUNDS,
      carts_per_round: CARTS,
      ...summary,
      ratio_pool_over_stock: {
        add_to_cart_p50: ratio("add_to_cart_ms", "p50"),
        add_to_cart_p95: ratio("add_to_cart_ms", "p95"),
        complete_p50: ratio("complete_ms", "p50"),
        complete_p95: ratio("complete_ms", "p95"),
      },
    }
    fs.mkdirSync(path.join(ROOT, "bench/results"), { recursive: true })
    fs.writeFileSync(path.join(ROOT, "bench/results/pool-checks.json"), JSON.stringify(result, null, 2) + "\n")
    const f = (n) => n.toFixed(1).padStart(8)
    process.stdout.write(
      [
        "",
        "operation        stock Medusa p50/p95 (ms)   pool checks p50/p95 (ms)   ratio p50 / p95",
        `add to cart      ${f(summary.stock_medusa.add_to_cart_ms.p50)} ${f(summary.stock_medusa.add_to_cart_ms.p95)}          ${f(summary.pool_checks.add_to_cart_ms.p50)} ${f(summary.pool_checks.add_to_cart_ms.p95)}          ${result.ratio_pool_over_stock.add_to_cart_p50.toFixed(2)} / ${result.ratio_pool_over_stock.add_to_cart_p95.toFixed(2)}`,
        `complete cart    ${f(summary.stock_medusa.complete_ms.p50)} ${f(summary.stock_medusa.complete_ms.p95)}          ${f(summary.pool_checks.complete_ms.p50)} ${f(summary.pool_checks.complete_ms.p95)}          ${result.ratio_pool_over_stock.complete_p50.toFixed(2)} / ${result.ratio_pool_over_stock.complete_p95.toFixed(2)}`,
        "",
      ].join("\n")
    )
  } finally {
    for (const shop of shops) shop.server.child.kill("SIGTERM")
    await new Promise((r) => setTimeout(r, 1000))
    await withClient(`${dbBase}/postgres`, async (c) => {
      for (const name of ["sweetshop_bench_pools_on", "sweetshop_bench_pools_off"]) await c.query(`drop database if exists "${name}" with (force)`)
    }).catch(() => {})
    await db.stop()
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exit(1)
})
