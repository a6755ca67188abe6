#!/usr/bin/env node
// Online (Razorpay) checkout with and without the payment hold (issue 14), and
// cash on delivery on the same shop for comparison. Ours only: stock Medusa has
// no Razorpay. The official SDK inside the shop talks to the fake Razorpay in
// sandbox/ (this process), so the figures are the shop's own work plus a local
// round trip per Razorpay call, not Razorpay's latency.
//
//   npm run bench:online-checkout        (node bench/online-checkout.mjs [--checkouts 10] [--parallel 24])
//
// One online checkout, as the storefront makes it: POST /store/carts/:id/checkout
// (the hold, then the Razorpay order), the shopper pays (the fake), then
// POST /store/razorpay/checkout-response (verified, settled: the order). "24 at
// once": 24 shoppers doing that together on the same pool. Each setting runs on
// its own fresh shop (PAYMENT_HOLD_MINUTES=15, then 0: no hold).
// Writes bench/results/online-checkout.md and .json.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { createRequire } from "node:module"
import { provideTestPostgres, withClient } from "../scripts/lib/postgres.mjs"
import { BACKEND, DATA, ROOT } from "../scripts/lib/shop.mjs"
import { quantile } from "./lib/load.mjs"
import { call, ensurePluginsBuilt, log, redisUrlIfAny, setupShop } from "./lib/shops.mjs"

const require = createRequire(import.meta.url)
const { startFakeRazorpay } = require("../sandbox")

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const SEQUENTIAL = arg("checkouts", 10)
const PARALLEL = arg("parallel", 24)
const RESULTS = path.join(ROOT, "bench", "results")
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-IN", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–")

const ADDRESS = { first_name: "Bench", last_name: "Shopper", address_1: "1 MG Road", city: "New Delhi", postal_code: "110024", country_code: "in", phone: "+919876543210" }

async function onlineCheckout(shop, fake, i) {
  const { url } = shop.server
  const h = shop.headers
  const { cart } = await call(url, "POST", "/store/carts?fields=id", h, { region_id: shop.regionId, items: [{ variant_id: shop.variantId, quantity: 1 }] })
  const started = await call(url, "POST", `/store/carts/${cart.id}/checkout`, h, {
    email: `online${i}@example.in`,
    shipping_address: ADDRESS,
    shipping_option_id: shop.deliveryId,
    payment_provider_id: "pp_razorpay_razorpay",
  })
  if (started.type !== "payment") throw new Error(`cart ${cart.id}: no payment session (${JSON.stringify(started).slice(0, 200)})`)
  const { checkout_response } = await fake.pay(started.payment_session.data.razorpay_order_id, { status: "captured" })
  const done = await call(url, "POST", "/store/razorpay/checkout-response", h, { cart_id: cart.id, ...checkout_response })
  if (!done.order_id) throw new Error(`cart ${cart.id}: the paid checkout made no order (${JSON.stringify(done).slice(0, 200)})`)
}

async function codCheckout(shop, i) {
  const { url } = shop.server
  const h = shop.headers
  const { cart } = await call(url, "POST", "/store/carts?fields=id", h, { region_id: shop.regionId, items: [{ variant_id: shop.variantId, quantity: 1 }] })
  const done = await call(url, "POST", `/store/carts/${cart.id}/checkout`, h, {
    email: `cod${i}@example.in`,
    shipping_address: ADDRESS,
    shipping_option_id: shop.deliveryId,
    payment_provider_id: "pp_system_default",
  })
  if (done.type !== "order") throw new Error(`cart ${cart.id} did not become an order`)
}

async function measure(run) {
  await run(-1) // warm-up
  const sequential = []
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t = performance.now()
    await run(i)
    sequential.push(performance.now() - t)
  }
  const t = performance.now()
  await Promise.all(Array.from({ length: PARALLEL }, (_, i) => run(1000 + i)))
  return { medianMs: quantile(sequential, 0.5), parallelSeconds: (performance.now() - t) / 1000 }
}

async function main() {
  ensurePluginsBuilt()
  const db = await provideTestPostgres({ dataDir: path.join(DATA, "bench-postgres"), log })
  const dbBase = `postgres://${encodeURIComponent(process.env.DB_USERNAME)}:${encodeURIComponent(process.env.DB_PASSWORD)}@${process.env.DB_HOST}:${process.env.DB_PORT}`
  const redis = await redisUrlIfAny()
  const fake = await startFakeRazorpay()
  const results = {}
  const name = "sweetshop_bench_online"
  try {
    for (const hold of [15, 0]) {
      const shop = await setupShop({
        name,
        label: `Sweet Shop, PAYMENT_HOLD_MINUTES=${hold}`,
        cwd: BACKEND,
        port: 9813,
        dbBase,
        extraEnv: {
          ...(redis ? { REDIS_URL: redis } : {}),
          RAZORPAY_KEY_ID: fake.keyId,
          RAZORPAY_KEY_SECRET: fake.keySecret,
          RAZORPAY_WEBHOOK_SECRET: fake.webhookSecret,
          RAZORPAY_API_BASE_URL: fake.url,
          PAYMENT_HOLD_MINUTES: String(hold),
        },
      })
      try {
        // The seed enables Razorpay on the region only when its keys are set, as here.
        const online = await measure((i) => onlineCheckout(shop, fake, i))
        const cod = await measure((i) => codCheckout(shop, i))
        const { rows } = await withClient(shop.databaseUrl, (c) =>
          c.query(`select count(*)::int as n from reservation_item where description = 'Payment hold' and deleted_at is null`)
        )
        results[hold] = { online, cod, holdsLeft: rows[0].n }
        log(`hold ${hold} min: online median ${fmt(online.medianMs)} ms, ${PARALLEL} at once ${fmt(online.parallelSeconds, 1)} s; COD median ${fmt(cod.medianMs)} ms, ${PARALLEL} at once ${fmt(cod.parallelSeconds, 1)} s`)
      } finally {
        shop.memory.stop()
        shop.server.child.kill("SIGTERM")
        await new Promise((r) => setTimeout(r, 1500))
      }
    }
    const on = results[15]
    const off = results[0]
    const md = `# Online checkout with and without the payment hold

Measured ${new Date().toISOString()} on ${os.cpus().length} cores, Node ${process.version}; ours only (\`medusa start\`, NODE_ENV=production${redis ? ", Redis" : ""}), the fake Razorpay in the bench process; ${SEQUENTIAL} checkouts one after another (median), then ${PARALLEL} at once on the same pool. Each setting on a fresh shop. \`npm run bench:online-checkout\`.

| checkout | hold on (15 min) | no hold (0) | on / off |
| --- | ---: | ---: | ---: |
| online (Razorpay), one shopper: start, pay, response → order (median) | ${fmt(on.online.medianMs)} ms | ${fmt(off.online.medianMs)} ms | ${fmt(on.online.medianMs / off.online.medianMs, 2)}× |
| online, ${PARALLEL} at once (all done) | ${fmt(on.online.parallelSeconds, 1)} s | ${fmt(off.online.parallelSeconds, 1)} s | ${fmt(on.online.parallelSeconds / off.online.parallelSeconds, 2)}× |
| cash on delivery, one shopper (median) | ${fmt(on.cod.medianMs)} ms | ${fmt(off.cod.medianMs)} ms | ${fmt(on.cod.medianMs / off.cod.medianMs, 2)}× |
| cash on delivery, ${PARALLEL} at once | ${fmt(on.cod.parallelSeconds, 1)} s | ${fmt(off.cod.parallelSeconds, 1)} s | ${fmt(on.cod.parallelSeconds / off.cod.parallelSeconds, 2)}× |
| payment holds left after every order was made | ${on.holdsLeft} | ${off.holdsLeft} | |
`
    fs.mkdirSync(RESULTS, { recursive: true })
    fs.writeFileSync(path.join(RESULTS, "online-checkout.md"), md)
    fs.writeFileSync(path.join(RESULTS, "online-checkout.json"), JSON.stringify({ measuredAt: new Date().toISOString(), sequential: SEQUENTIAL, parallel: PARALLEL, results }, null, 2) + "\n")
    process.stdout.write(`\n${md}\n`)
  } finally {
    await fake.close()
    await withClient(`${dbBase}/postgres`, (c) => c.query(`drop database if exists "${name}" with (force)`)).catch(() => {})
    await db.stop()
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exit(1)
})
