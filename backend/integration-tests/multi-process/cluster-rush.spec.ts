import { ChildProcess, spawn, spawnSync } from "child_process"
import crypto from "crypto"
import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import { FakeGraph, FakeRazorpay, FakeTwilio, startFakeGraph, startFakeRazorpay, startFakeTwilio } from "@sweetshop/sandbox"
import { freePort } from "../helpers/processes"
import { SHOP } from "../../src/scripts/seed-data/shop"
import { DELHI_ADDRESS, razorpayEnv, twilioEnv } from "../helpers/shopper"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { noteSkipped } = require("../../../scripts/lib/skips.cjs")

jest.setTimeout(900_000)

/**
 * A Diwali rush on the cluster (issue 18): `scripts/cluster.mjs` with 2 servers, a worker and
 * Debian's nginx on a fresh database and a Redis of the test's own. Shoppers check out (cash on
 * delivery and Razorpay at the fake) through nginx with an Idempotency-Key, retrying as the
 * storefront does; one server is killed with SIGKILL in the middle of the rush, the worker later.
 * Afterwards: every checkout that got a 2xx has exactly one order, every payment the fake Razorpay
 * took is an order or a refund, no pool is below zero, no message was sent twice, and the killed
 * processes rejoined (the cluster starts them again) and serve through nginx.
 */
const ROOT = path.resolve(__dirname, "../../..")
const SUITE = "a rush on the cluster (2 servers, a worker, nginx) with a server and the worker killed"
const installed = (command: string) => spawnSync("sh", ["-c", `command -v ${command} || test -x /usr/sbin/${command}`]).status === 0
const skipReason = !installed("nginx")
  ? "nginx is not installed (apt-get install nginx; .ci/run installs it)"
  : !installed("redis-server")
    ? "redis-server is not installed (the cluster needs a Redis of the test's own)"
    : undefined
if (skipReason) noteSkipped(SUITE, skipReason)
const describeCluster = skipReason ? describe.skip : describe

const dbUrl = (name: string) =>
  `postgres://${encodeURIComponent(process.env.DB_USERNAME ?? "postgres")}:${encodeURIComponent(process.env.DB_PASSWORD ?? "")}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? "5432"}/${name}`

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, ms: number): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > until) throw new Error(`waited ${Math.round(ms / 1000)} s for ${what}`)
    await sleep(500)
  }
}

type State = {
  url: string
  publishableKey: string
  nginx: { pid: number; access_log: string }
  processes: { name: string; mode: string; port: number; pid: number; restarts: number; healthy: boolean; log: string }[]
}
type Answer = { status: number; data: any; headers: Headers | null }
type Shopper = {
  index: number
  way: "cod" | "razorpay"
  cartId?: string
  key: string
  body?: Record<string, unknown>
  checkout?: Answer
  confirmation?: Answer
  razorpayPaymentId?: string
  /** Every 5xx or network failure this shopper saw, and on what. */
  failures: string[]
}

describeCluster(SUITE, () => {
  const database = `sweetshop_cluster_${crypto.randomBytes(6).toString("hex")}`
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-cluster-"))
  const stateFile = path.join(dir, "cluster.json")
  let cluster: ChildProcess | undefined
  let clusterOutput = ""
  let redis: ChildProcess | undefined
  let razorpay: FakeRazorpay
  let twilio: FakeTwilio
  let graph: FakeGraph
  let db: Client
  const state = () => JSON.parse(fs.readFileSync(stateFile, "utf8")) as State

  beforeAll(async () => {
    ;[razorpay, twilio, graph] = await Promise.all([startFakeRazorpay(), startFakeTwilio(), startFakeGraph()])
    const redisPort = await freePort()
    redis = spawn("redis-server", ["--bind", "127.0.0.1", "--port", String(redisPort), "--save", "", "--appendonly", "no"], { stdio: "ignore" })
    const admin = new Client({ connectionString: dbUrl("postgres") })
    await admin.connect()
    await admin.query(`create database "${database}"`)
    await admin.end()

    const env = {
      ...process.env,
      ...razorpayEnv(razorpay),
      ...twilioEnv(twilio),
      WHATSAPP_ACCESS_TOKEN: graph.accessToken,
      WHATSAPP_PHONE_NUMBER_ID: graph.phoneNumberId,
      WHATSAPP_APP_SECRET: graph.appSecret,
      WHATSAPP_VERIFY_TOKEN: graph.verifyToken,
      WHATSAPP_GRAPH_BASE_URL: graph.url,
      NODE_ENV: "development",
      DATABASE_URL: dbUrl(database),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "error",
      // A payment whose browser answer was lost with its server is settled by the worker's reconciliation.
      RAZORPAY_RECONCILE_AFTER_SECONDS: "5",
      // A message the killed worker left "being sent" is settled after this (the default is 5 minutes).
      NOTIFICATION_IN_FLIGHT_SECONDS: "15",
      SANDBOX: "false",
    }
    cluster = spawn(
      process.execPath,
      [path.join(ROOT, "scripts/cluster.mjs"), "--servers", "2", "--port", "0", "--from-sources", "--dir", dir, "--state", stateFile],
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }
    )
    cluster.stdout!.on("data", (d) => (clusterOutput += d))
    cluster.stderr!.on("data", (d) => (clusterOutput += d))
    await waitFor(
      "the cluster to start",
      async () => {
        if (cluster!.exitCode !== null) throw new Error(`the cluster exited:\n${clusterOutput}`)
        return fs.existsSync(stateFile) && Boolean(state().url) && state().processes.every((p) => p.healthy)
      },
      420_000
    )
    db = new Client({ connectionString: dbUrl(database) })
    await db.connect()
  })

  afterAll(async () => {
    if (cluster && cluster.exitCode === null) {
      const exited = new Promise((r) => cluster!.once("exit", r))
      cluster.kill("SIGTERM")
      await Promise.race([exited, sleep(30_000)])
      if (cluster.exitCode === null) cluster.kill("SIGKILL")
    }
    redis?.kill("SIGTERM")
    await db?.end()
    await Promise.all([razorpay?.close(), twilio?.close(), graph?.close()])
    const admin = new Client({ connectionString: dbUrl("postgres") })
    await admin.connect()
    await admin.query(`drop database if exists "${database}" with (force)`)
    await admin.end()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("loses, duplicates and oversells nothing, and the killed processes rejoin", async () => {
    const { url, publishableKey } = state()
    const headers = { "content-type": "application/json", "x-publishable-api-key": publishableKey }
    const call = async (method: string, route: string, body?: unknown, extra: Record<string, string> = {}, base = url): Promise<Answer> => {
      try {
        const res = await fetch(`${base}${route}`, { method, headers: { ...headers, ...extra }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(90_000) })
        const text = await res.text()
        let data: any = text
        try {
          data = JSON.parse(text)
        } catch {}
        return { status: res.status, data, headers: res.headers }
      } catch (error: any) {
        return { status: 0, data: String(error?.cause?.code ?? error?.message), headers: null }
      }
    }
    /** A call the shopper repeats after a 5xx or a dropped connection, as the storefront does (same key for the checkout). */
    const retrying = async (shopper: Shopper, what: string, attempt: () => Promise<Answer>, tries = 6): Promise<Answer> => {
      let answer = await attempt()
      for (let i = 1; i < tries && (answer.status === 0 || answer.status >= 500 || (answer.status === 409 && answer.data?.code === "checkout_in_progress")); i++) {
        if (answer.status !== 409) shopper.failures.push(`${what}: ${answer.status} ${typeof answer.data === "string" ? (answer.data.match(/<title>([^<]*)/)?.[1] ?? answer.data.slice(0, 60)) : answer.data?.message ?? ""}`)
        await sleep(1000)
        answer = await attempt()
      }
      return answer
    }

    const { data: regions } = await call("GET", "/store/regions")
    const regionId = regions.regions[0].id
    const { data: catalogue } = await call("GET", `/store/products?region_id=${regionId}&limit=50&fields=id,handle,*variants`)
    const variants: { id: string; title: string }[] = catalogue.products.flatMap((p: any) => p.variants)
    expect(variants.length).toBeGreaterThan(20)

    async function shop(shopper: Shopper) {
      const created = await retrying(shopper, "create cart", () => call("POST", "/store/carts", { region_id: regionId }))
      if (created.status !== 200) return
      const cartId: string = created.data.cart.id
      shopper.cartId = cartId
      // 1 to 3 sizes, each once; a line whose answer was lost is looked for before it is added again.
      const lines = 1 + (shopper.index % 3)
      for (let l = 0; l < lines; l++) {
        const variant = variants[(shopper.index * 7 + l * 5) % variants.length]
        const added = await retrying(shopper, "add line", async () => {
          const cart = await call("GET", `/store/carts/${cartId}?fields=items.variant_id`)
          if (cart.status === 200 && cart.data.cart.items.some((i: any) => i.variant_id === variant.id)) return { status: 200, data: cart.data, headers: null }
          return call("POST", `/store/carts/${cartId}/line-items`, { variant_id: variant.id, quantity: 1 })
        })
        if (added.status !== 200) return
      }
      const options = await retrying(shopper, "shipping options", () => call("GET", `/store/shipping-options?cart_id=${cartId}`))
      const delivery = options.data.shipping_options.find((o: any) => o.name === "Home delivery")
      const phone = `+9198${String(10_000_000 + shopper.index).padStart(8, "0")}`
      const body = {
        email: `shopper${shopper.index}@example.in`,
        shipping_address: { ...DELHI_ADDRESS, phone },
        shipping_option_id: delivery.id,
        payment_provider_id: shopper.way === "cod" ? SHOP.cashOnDeliveryProviderId : "pp_razorpay_razorpay",
      }
      shopper.body = body
      shopper.checkout = await retrying(shopper, "checkout", () => call("POST", `/store/carts/${cartId}/checkout`, body, { "idempotency-key": shopper.key }))
      if (shopper.way === "razorpay" && shopper.checkout.status === 200 && shopper.checkout.data.type === "payment") {
        const { payment, checkout_response } = await razorpay.pay(shopper.checkout.data.payment_session.data.razorpay_order_id, { status: "captured" })
        shopper.razorpayPaymentId = payment.id
        shopper.confirmation = await retrying(shopper, "razorpay checkout response", () =>
          call("POST", "/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response })
        )
      }
    }

    // The rush: 24 shoppers, 6 at a time, every other one paying online. Server 1 is killed once 6
    // shoppers are done (6 more are in the middle of theirs), the worker once 14 are.
    const shoppers: Shopper[] = Array.from({ length: 24 }, (_, index) => ({
      index,
      way: index % 2 ? "razorpay" : "cod",
      key: crypto.randomUUID(),
      failures: [],
    }))
    const before = state()
    const server1 = before.processes.find((p) => p.name === "server-1")!
    const worker = before.processes.find((p) => p.name === "worker")!
    let done = 0
    let killedAt = 0
    let workerKilledAt = 0
    const kills: string[] = []
    const queue = [...shoppers]
    const startedAt = Date.now()
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let shopper = queue.shift(); shopper; shopper = queue.shift()) {
          await shop(shopper)
          done += 1
          if (done === 6) {
            killedAt = Date.now()
            process.kill(server1.pid, "SIGKILL")
            kills.push(`server-1 (pid ${server1.pid}) after ${done} shoppers`)
          }
          if (done === 14) {
            workerKilledAt = Date.now()
            process.kill(worker.pid, "SIGKILL")
            kills.push(`worker (pid ${worker.pid}) after ${done} shoppers`)
          }
        }
      })
    )
    const rushSeconds = (Date.now() - startedAt) / 1000
    expect(kills).toHaveLength(2)

    // The killed processes are started again by the cluster and rejoin.
    const after = await waitFor(
      "the killed server and worker to rejoin",
      async () => {
        const s = state()
        const again = (name: string) => s.processes.find((p) => p.name === name)!
        return again("server-1").restarts >= 1 && again("server-1").healthy && again("worker").restarts >= 1 && again("worker").healthy && s
      },
      300_000
    )
    const server1Again = after.processes.find((p) => p.name === "server-1")!
    expect(server1Again.pid).not.toBe(server1.pid)
    expect(server1Again.port).toBe(server1.port)
    expect(after.processes.find((p) => p.name === "worker")!.pid).not.toBe(worker.pid)
    const ready = await call("GET", "/health/ready", undefined, {}, `http://127.0.0.1:${server1Again.port}`)
    expect(ready.status).toBe(200)

    // Every answer a shopper ended with: no 5xx after the storefront's retries.
    const finals = shoppers.flatMap((s) => [s.checkout, s.confirmation].filter(Boolean) as Answer[])
    expect(finals.filter((a) => a.status === 0 || a.status >= 500)).toEqual([])
    const ordered = shoppers.filter(
      (s) => (s.way === "cod" && s.checkout?.status === 200 && s.checkout.data.type === "order") || (s.way === "razorpay" && s.confirmation?.status === 200 && s.confirmation.data.order_id)
    )
    // Most shoppers get their order (some may be refused: a pool ran out, the COD cap).
    expect(ordered.length).toBeGreaterThan(shoppers.length / 2)

    // Every checkout that got a 2xx with an order has exactly one order; no cart has two.
    const { rows: perCart } = await db.query(`select cart_id, count(*)::int as n, min(order_id) as order_id from order_cart where deleted_at is null group by cart_id`)
    const ordersOfCart = new Map(perCart.map((r) => [r.cart_id, r]))
    expect(perCart.filter((r) => r.n !== 1)).toEqual([])
    for (const s of ordered) {
      expect({ cart: s.cartId, orders: ordersOfCart.get(s.cartId!)?.n ?? 0 }).toEqual({ cart: s.cartId, orders: 1 })
      const said = s.way === "cod" ? s.checkout!.data.order.id : s.confirmation!.data.order_id
      expect(ordersOfCart.get(s.cartId!)!.order_id).toBe(said)
    }

    // Every payment the fake Razorpay took is an order or a full refund (the reconciliation settles the lost answers).
    const taken = [...razorpay.payments.values()].filter((p) => p.status === "captured" || p.status === "authorized" || p.status === "refunded")
    expect(taken.length).toBeGreaterThan(0)
    const settlement = await waitFor(
      "every Razorpay payment to be an order or a refund",
      async () => {
        const { rows } = await db.query(
          `select p.data->>'razorpay_payment_id' as id from payment p
             join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
            where p.deleted_at is null and p.data->>'razorpay_payment_id' is not null`
        )
        const inOrders = new Set(rows.map((r) => r.id))
        const outcome = taken.map((p) => {
          const now = razorpay.payments.get(p.id)!
          const refunded = now.amount_refunded === now.amount
          return { id: p.id, order: inOrders.has(p.id), refunded }
        })
        return outcome.every((o) => o.order !== o.refunded) && outcome
      },
      240_000
    )
    expect(settlement.filter((o) => o.order === o.refunded)).toEqual([])

    // No pool below zero: nothing reserved beyond what is stocked.
    const { rows: pools } = await db.query(
      `select inventory_item_id, stocked_quantity::int as stocked, reserved_quantity::int as reserved from inventory_level where deleted_at is null`
    )
    expect(pools.length).toBeGreaterThan(0)
    expect(pools.filter((p) => p.stocked < 0 || p.reserved > p.stocked)).toEqual([])

    // The worker (killed and back) finishes what the orders started, its every-minute sweeps included:
    // an order whose order.placed was lost with the killed server still gets its shop record and its
    // "placed" SMS (announce-missed-orders, record-missed-orders), and a message the killed worker left
    // pending is looked up at Twilio and recorded as sent, or sent again (settle-pending-notifications).
    const { rows: orders } = await db.query(`select o.id, o.display_id, o.created_at from "order" o`)
    const smsed = (o: { display_id: number }) => twilio.messages.some((m) => m.body?.includes(`order #${o.display_id} placed`))
    const outstanding = async () => {
      const handled = new Set((await db.query(`select order_id from shop_order`)).rows.map((r) => r.order_id))
      const pending = (await db.query(`select id, channel, template, created_at from notification where status = 'pending' order by created_at`)).rows
      return { unsent: orders.filter((o) => !smsed(o)), unrecorded: orders.filter((o) => !handled.has(o.id)), pending }
    }
    await waitFor(
      "every order's shop record and SMS, and nothing pending",
      async () => {
        const left = await outstanding()
        return !left.unsent.length && !left.unrecorded.length && !left.pending.length
      },
      300_000
    ).catch(async (error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await outstanding())}; server-1 killed at ${new Date(killedAt).toISOString()}, worker at ${new Date(workerKilledAt).toISOString()}`)
    })
    // What the sweeps made up for (found in the servers' and worker's logs), for the figures.
    const logs = after.processes.map((p) => fs.readFileSync(p.log, "utf8")).join("\n")
    const announcedLate = (logs.match(/order\.placed was (never handled|lost)/gi) ?? []).length
    const { rows: unknown } = await db.query(`select id, channel, template from notification where status = 'failure' and data->>'outcome_unknown' = 'true'`)
    // A WhatsApp message the killed worker was sending cannot be looked up: left failed for staff, never sent twice.
    expect(unknown.filter((n) => n.channel !== "whatsapp")).toEqual([])
    const twice = <T>(items: T[], key: (item: T) => string) => {
      const seen = new Map<string, number>()
      for (const item of items) seen.set(key(item), (seen.get(key(item)) ?? 0) + 1)
      return [...seen].filter(([, n]) => n > 1)
    }
    expect(twice(twilio.messages, (m) => `${m.to}|${m.body}`)).toEqual([])
    expect(twice(graph.messages, (m) => `${m.to ?? m.recipient}|${m.template?.name ?? m.type}|${m.text}`)).toEqual([])

    // The same key, asked of each server directly, answers the first attempt's order: shared through Redis.
    const cod = ordered.find((s) => s.way === "cod")!
    for (const p of after.processes.filter((p) => p.mode === "server")) {
      const replay = await call("POST", `/store/carts/${cod.cartId}/checkout`, cod.body, { "idempotency-key": cod.key }, `http://127.0.0.1:${p.port}`)
      expect(replay.status).toBe(200)
      expect(replay.data).toEqual(cod.checkout!.data)
      expect(replay.headers!.get("idempotent-replayed")).toBe("true")
    }

    // nginx sends requests to the server that rejoined.
    const logBefore = fs.readFileSync(after.nginx.access_log, "utf8").length
    for (let i = 0; i < 10; i++) expect((await call("GET", "/store/regions")).status).toBe(200)
    const served = await waitFor(
      "nginx's access log",
      async () => {
        const lines = fs.readFileSync(after.nginx.access_log, "utf8").slice(logBefore).split("\n").filter((l) => l.includes("GET /store/regions"))
        return lines.length >= 10 && lines
      },
      10_000
    )
    expect(served.some((l) => l.includes(`upstream=127.0.0.1:${server1Again.port}`))).toBe(true)

    const failures = shoppers.flatMap((s) => s.failures)
    // What the servers logged as errors (the reasons behind any 5xx a shopper retried), for the figures.
    const serverErrors = after.processes
      .flatMap((p) => fs.readFileSync(p.log, "utf8").split("\n").filter((l) => /error/i.test(l) && !/^\s+at /.test(l)).map((l) => `${p.name}: ${l.replace(/\x1b\[[0-9;]*m/g, "").slice(0, 160)}`))
      .slice(0, 8)
    if (serverErrors.length) process.stdout.write(`[figures] cluster rush, errors in the servers' logs:\n  ${serverErrors.join("\n  ")}\n`)
    const notOrdered = shoppers
      .filter((s) => !ordered.includes(s))
      .map((s) => {
        const last = s.confirmation ?? s.checkout
        return `${s.way} ${last ? `${last.status} ${last.data?.code ?? ""} ${String(last.data?.message ?? "").slice(0, 80)}` : "no checkout"}`.trim()
      })
    process.stdout.write(
      `[figures] cluster rush: ${shoppers.length} shoppers in ${rushSeconds.toFixed(0)} s, ${ordered.length} orders, ` +
        `${taken.length} Razorpay payments (${settlement.filter((o) => o.refunded).length} refunded), killed ${kills.join(" and ")}; ` +
        `answers retried by shoppers: ${failures.length}${failures.length ? ` (${failures.slice(0, 5).join("; ")})` : ""}; ` +
        `without an order: ${notOrdered.length}${notOrdered.length ? ` (${notOrdered.join("; ")})` : ""}; ` +
        `made up for by the sweeps: ${announcedLate} log lines; WhatsApp messages left failed for staff (outcome unknown): ${unknown.length}\n`
    )
  })
})
