// The two shops of the speed benchmarks (stock Medusa and ours), how they
// are set up and started, and the requests a shopper makes of them.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { withClient } from "../../scripts/lib/postgres.mjs"
import { BACKEND, backendNodeArgs, MEDUSA_CLI, pluginDirs, ROOT } from "../../scripts/lib/shop.mjs"
import { quantile } from "./load.mjs"
import { treeRssMb, watchMemory } from "./memory.mjs"

export const STOCK_APP = path.join(ROOT, "bench", "stock-medusa")
/** Issue 9's baseline catalogue: 60 products × 3 sizes (the shop's seed has 25; bench/lib/more-sweets.ts adds the rest). */
export const BENCH_PRODUCTS = 60
const MORE_SWEETS = path.join(ROOT, "bench", "lib", "more-sweets.ts")

export const log = (line) => process.stdout.write(`[bench] ${line}\n`)

export function medusaSync(cwd, args, env) {
  const r = spawnSync(process.execPath, [MEDUSA_CLI, ...args], { cwd, env, encoding: "utf8" })
  if (r.status !== 0) throw new Error(`medusa ${args.join(" ")} in ${cwd} failed:\n${r.stdout}\n${r.stderr}`)
}

export async function redisUrlIfAny() {
  const url = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/8"
  const { default: Redis } = await import("ioredis")
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  try {
    await redis.connect()
    await redis.flushdb()
    return url
  } catch {
    return null
  } finally {
    redis.disconnect()
  }
}

export async function call(base, method, pathname, headers, body) {
  const res = await fetch(`${base}${pathname}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${data.message}`)
  return data
}

export async function startServer(cwd, port, env, nodeArgs = []) {
  const begun = performance.now()
  const child = spawn(process.execPath, [...nodeArgs, MEDUSA_CLI, "start"], { cwd, env: { ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] })
  let errors = ""
  child.stderr.on("data", (d) => (errors = (errors + d).slice(-4000)))
  const url = `http://localhost:${port}`
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`server in ${cwd} exited:\n${errors}`)
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child, readySeconds: (performance.now() - begun) / 1000 }
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill("SIGKILL")
  throw new Error(`server in ${cwd} did not start:\n${errors}`)
}

/**
 * A shop on its own database: migrated, seeded, with plenty of stock, started.
 * `nodeArgs` go to the server's node only (--cpu-prof for a profile).
 */
export async function setupShop({ name, label, cwd, port, dbBase, extraEnv, nodeArgs = [] }) {
  const url = `${dbBase}/${name}`
  await withClient(`${dbBase}/postgres`, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`)
    await c.query(`create database "${name}"`)
  })
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "error",
    DISABLE_ADMIN: "true",
    JWT_SECRET: "bench-only-secret-0123456789",
    COOKIE_SECRET: "bench-only-secret-0123456789",
    TRACKING_SECRET: "bench-only-secret-0123456789",
    SANDBOX: "false",
    // Ours refuses a production start against the fake Razorpay or on http://localhost (backend/src/config/env.ts): the benches are that trial.
    ALLOW_TEST_MODE: "true",
    ALLOW_HTTP: "true",
    // The staff user the seed creates (no password is made up when this is set).
    ADMIN_PASSWORD: "bench-only-admin-password",
    // The seed's pictures go to a scratch folder, not into the repository.
    UPLOAD_DIR: path.join(os.tmpdir(), `sweetshop-bench-uploads-${name}`),
    ...extraEnv,
  }
  for (const key of ["REDIS_URL", "RAZORPAY_KEY_ID", "TWILIO_ACCOUNT_SID", "WHATSAPP_ACCESS_TOKEN", "CLOUDINARY_URL"]) {
    if (!(key in extraEnv)) delete env[key]
  }
  log(`${label}: migrating and seeding ${name}…`)
  medusaSync(cwd, ["db:migrate"], env)
  medusaSync(cwd, ["exec", path.relative(cwd, path.join(BACKEND, "src/scripts/seed.ts"))], env)
  medusaSync(cwd, ["exec", path.relative(cwd, MORE_SWEETS)], { ...env, BENCH_PRODUCTS: String(BENCH_PRODUCTS) })
  await withClient(url, (c) =>
    c.query(`update inventory_level set stocked_quantity = 100000000, raw_stocked_quantity = '{"value": "100000000", "precision": 20}'::jsonb`)
  )
  const key = await withClient(url, async (c) => (await c.query(`select token from api_key where type = 'publishable' and title = 'Sweet Shop Storefront'`)).rows[0].token)
  // Ours runs with the node flags `npm start` gives it (the heap ceiling, BACKEND_HEAP_MB; `--ours-env BACKEND_HEAP_MB=0` for V8's default).
  const server = await startServer(cwd, port, env, cwd === BACKEND ? [...backendNodeArgs(env), ...nodeArgs] : nodeArgs)
  const memory = watchMemory(server.child.pid)
  const headers = { "x-publishable-api-key": key }
  const { regions } = await call(server.url, "GET", "/store/regions", headers)
  const { products } = await call(server.url, "GET", `/store/products?limit=200&fields=id,handle,*variants`, headers)
  const variantCount = products.reduce((n, p) => n + p.variants.length, 0)
  if (products.length !== BENCH_PRODUCTS) throw new Error(`${label}: ${products.length} products, expected ${BENCH_PRODUCTS}`)
  const { product_categories } = await call(server.url, "GET", "/store/product-categories?fields=handle&limit=100", headers)
  const laddoo = products.find((p) => p.handle === "motichoor-laddoo")
  const shop = {
    name,
    label,
    server,
    memory,
    headers,
    regionId: regions[0].id,
    productIds: products.map((p) => p.id),
    variantCount,
    handles: products.map((p) => p.handle),
    categoryHandles: product_categories.map((c) => c.handle),
    databaseUrl: url,
    /** Ours serves the storefront's catalogue reads from its catalogue plugin; stock has only /store/products. */
    ours: cwd === BACKEND,
    variantId: laddoo.variants.find((v) => v.title === "500 g").id,
  }
  const { cart } = await call(server.url, "POST", "/store/carts", headers, { region_id: shop.regionId })
  await call(server.url, "POST", `/store/carts/${cart.id}`, headers, { shipping_address: { country_code: "in", postal_code: "110024" } })
  const { shipping_options } = await call(server.url, "GET", `/store/shipping-options?cart_id=${cart.id}`, headers)
  shop.deliveryId = shipping_options.find((o) => o.name === "Home delivery").id
  if (shop.ours) shop.plugins = await checkPluginsLoaded(shop)
  shop.listCount = await countListAnswer(shop)
  if (shop.listCount !== 20) throw new Error(`${label}: the product list answered ${shop.listCount} products, expected 20`)
  shop.afterStartMb = treeRssMb(server.child.pid)
  log(`${label}: ready in ${server.readySeconds.toFixed(1)} s, ${shop.afterStartMb.toFixed(0)} MB, ${products.length} products / ${variantCount} variants`)
  return shop
}

/**
 * One route of each of our plugins that has routes, asked with no or bad input:
 * any answer but 404 means the plugin's routes are loaded. (file-cloudinary
 * has no route of its own: it is a file provider and an upload check.)
 */
const PLUGIN_PROBES = [
  ["catalogue", "GET", "/store/catalogue/products?limit=1"],
  ["gram-inventory", "GET", (shop) => `/store/product-pools?product_id=${shop.productIds[0]}`],
  ["order-lifecycle", "POST", "/store/order-tracking/lookup"],
  ["payment-razorpay", "POST", "/store/razorpay/checkout-response"],
  ["notifications", "GET", "/hooks/whatsapp"],
]

/** Our plugins whose routes answer, and those that do not (GRAM_POOL_CHECKS=false leaves gram-inventory out). */
export async function checkPluginsLoaded(shop) {
  const loaded = []
  const missing = []
  for (const [plugin, method, route] of PLUGIN_PROBES) {
    const pathname = typeof route === "function" ? route(shop) : route
    const res = await fetch(`${shop.server.url}${pathname}`, { method, headers: { "content-type": "application/json", ...shop.headers }, body: method === "POST" ? "{}" : undefined })
    await res.arrayBuffer()
    ;(res.status === 404 ? missing : loaded).push(plugin)
  }
  if (missing.length) log(`${shop.label}: no answer from the routes of ${missing.join(", ")}`)
  return { loaded, missing }
}

/** How many products the "storefront's product list" scenario's request answers (it asks for 20). */
async function countListAnswer(shop) {
  const list = scenarios(shop).find((s) => s.id === "list_default").make()
  const res = await fetch(list.url, { headers: list.headers })
  if (!res.ok) throw new Error(`${shop.label}: ${list.url} answered ${res.status}`)
  return (await res.json()).products.length
}

/** A cash-on-delivery checkout: eight calls on stock Medusa's API; two on ours. */
export async function checkout(shop, i) {
  const { url } = shop.server
  const h = shop.headers
  if (shop.ours) {
    // Ours: the cart with its sweets, then checkout in one request (POST /store/carts/:id/checkout).
    const { cart } = await call(url, "POST", "/store/carts?fields=id", h, { region_id: shop.regionId, items: [{ variant_id: shop.variantId, quantity: 1 }] })
    const done = await call(url, "POST", `/store/carts/${cart.id}/checkout`, h, {
      email: `bench${i}@example.in`,
      shipping_address: { first_name: "Bench", last_name: "Shopper", address_1: "1 MG Road", city: "New Delhi", postal_code: "110024", country_code: "in", phone: "+919876543210" },
      shipping_option_id: shop.deliveryId,
      payment_provider_id: "pp_system_default",
    })
    if (done.type !== "order") throw new Error(`${shop.label}: cart ${cart.id} did not become an order`)
    return
  }
  const { cart } = await call(url, "POST", "/store/carts", h, { region_id: shop.regionId })
  await call(url, "POST", `/store/carts/${cart.id}/line-items`, h, { variant_id: shop.variantId, quantity: 1 })
  await call(url, "POST", `/store/carts/${cart.id}`, h, {
    email: `bench${i}@example.in`,
    shipping_address: { first_name: "Bench", last_name: "Shopper", address_1: "1 MG Road", city: "New Delhi", postal_code: "110024", country_code: "in", phone: "+919876543210" },
  })
  await call(url, "GET", `/store/shipping-options?cart_id=${cart.id}`, h)
  await call(url, "POST", `/store/carts/${cart.id}/shipping-methods`, h, { option_id: shop.deliveryId })
  const { payment_collection } = await call(url, "POST", "/store/payment-collections", h, { cart_id: cart.id })
  await call(url, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, h, { provider_id: "pp_system_default" })
  const done = await call(url, "POST", `/store/carts/${cart.id}/complete`, h, {})
  if (done.type !== "order") throw new Error(`${shop.label}: cart ${cart.id} did not become an order`)
}

/** The scenarios of issue 9, with the request each shop answers. */
export function scenarios(shop) {
  const base = shop.server.url
  const h = { headers: shop.headers }
  const region = `region_id=${shop.regionId}`
  let n = 0
  const nextProduct = () => shop.productIds[n++ % shop.productIds.length]
  let m = 0
  const nextHandle = () => shop.handles[m++ % shop.handles.length]
  return [
    { id: "health", title: "GET /health (Medusa's floor)", make: () => ({ url: `${base}/health` }) },
    { id: "regions", title: "GET /store/regions (key check + small query)", make: () => ({ url: `${base}/store/regions`, ...h }) },
    {
      id: "list_default",
      title: "storefront's product list: 20 with prices (+ stock, ours)",
      goal: { ratio: 10, p99: 100 },
      // Stock: Medusa's default list with prices. Ours: what the storefront asks, with pool stock too.
      make: () =>
        shop.ours
          ? { url: `${base}/store/catalogue/products?limit=20`, ...h }
          : { url: `${base}/store/products?limit=20&fields=*variants.calculated_price&${region}`, ...h },
    },
    {
      id: "list_lean",
      title: "Medusa's product list, 20, lean fields + prices (same on both)",
      make: () => ({ url: `${base}/store/products?limit=20&fields=id,title,handle,thumbnail,*variants.calculated_price&${region}`, ...h }),
    },
    {
      id: "detail",
      title: "product detail with prices (+ stock, ours)",
      goal: { ratio: 10, p99: 100 },
      make: () =>
        shop.ours
          ? { url: `${base}/store/catalogue/products/${nextHandle()}`, ...h }
          : { url: `${base}/store/products/${nextProduct()}?fields=*variants.calculated_price&${region}`, ...h },
    },
    {
      id: "create_cart",
      title: "POST /store/carts",
      make: () => ({ url: `${base}/store/carts`, method: "POST", body: { region_id: shop.regionId }, ...h }),
    },
  ]
}

export async function measureCheckouts(shop, { sequential: count = 10, parallel = 24 } = {}) {
  const sequential = []
  for (let i = 0; i < count; i++) {
    const t = performance.now()
    await checkout(shop, i)
    sequential.push(performance.now() - t)
  }
  const t = performance.now()
  await Promise.all(Array.from({ length: parallel }, (_, i) => checkout(shop, 1000 + i)))
  return { sequentialMedianMs: quantile(sequential, 0.5), parallelSeconds: (performance.now() - t) / 1000 }
}

export function ensurePluginsBuilt() {
  for (const dir of pluginDirs()) {
    if (!fs.existsSync(path.join(dir, ".medusa", "server"))) {
      log(`building ${path.basename(dir)}…`)
      medusaSync(dir, ["plugin:build"], process.env)
    }
  }
}

