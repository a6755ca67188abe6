import { execFileSync, spawn } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { FakeTwilio, startFakeTwilio } from "@sweetshop/sandbox"
import { Client } from "pg"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { parseExposition, sampleValue } from "../helpers/prometheus"
import { adminHeaders, DELHI_ADDRESS, seedShop, Shopper, shopperFor, twilioEnv, useFakeBeforeBoot } from "../helpers/shopper"
import { PNG_2X2 } from "../helpers/images"

jest.setTimeout(300_000)

/**
 * `npm run backup` and `npm run restore` (scripts/backup.mjs, scripts/restore.mjs) on a shop with
 * orders, customers, pool history and an uploaded picture: the database and the uploads are wiped
 * and restored, and everything is found again, byte for byte; a damaged archive is refused; a
 * backup taken while 20 shoppers check out restores every order whole; a nightly backup that fails
 * alerts the staff number and counts as a failed job.
 */
const ROOT = path.resolve(__dirname, "../../..")
// The app reads UPLOAD_DIR when it boots (after this file loads): a folder of this suite's own.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-backup-test-"))
process.env.UPLOAD_DIR = path.join(work, "uploads")
const backupDir = path.join(work, "backups")
// The nightly job runs scripts/backup.mjs with the app's environment: into this suite's folder too.
process.env.BACKUP_DIR = backupDir
const STAFF_PHONE = "+919812345678"
const METRICS_TOKEN = "backup-test-metrics-token-0123456789"
let twilio: FakeTwilio

useFakeBeforeBoot(async () => {
  twilio = await startFakeTwilio()
  return { fake: twilio, env: { ...twilioEnv(twilio), SHOP_STAFF_PHONE: STAFF_PHONE, METRICS_TOKEN } }
})

function serverUrl(database: string) {
  const user = encodeURIComponent(process.env.DB_USERNAME || "postgres")
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  return `postgres://${user}${password}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || "5432"}/${database}`
}

/** Runs one of the repository's scripts; resolves with its exit code and output. */
function script(file: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", file), ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: "", BACKUP_DIR: backupDir, ...env },
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

async function sql<T = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, params)).rows
  } finally {
    await client.end()
  }
}

// Every table that holds what a shopper or the staff would miss, compared whole (row by row, as text).
const TABLES = [
  "order", "order_item", "order_line_item", "order_line_item_adjustment", "order_summary", "order_shipping", "order_shipping_method",
  "order_address", "order_transaction", "order_payment_collection", "order_cart", "payment_collection", "payment_session", "payment",
  "capture", "refund", "customer", "customer_address", "reservation_item", "inventory_item", "inventory_level", "pool_adjustment",
  "pool_setting", "shop_order", "shop_order_status_change", "product", "product_variant", "price", "cart", "cart_line_item",
]

async function fingerprint(url: string) {
  const result: Record<string, { rows: number; md5: string }> = {}
  for (const table of TABLES) {
    const [exists] = await sql(url, "select to_regclass($1) as t", [`public.${table}`])
    if (!exists.t) continue
    const [row] = await sql(url, `select count(*)::int as rows, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as md5 from public."${table}" t`)
    result[table] = row
  }
  return result
}

/**
 * These tests restore pg_dump archives into the test server, so they need a pg_dump of its major
 * version or newer. With no local PostgreSQL the harness runs the embedded PostgreSQL 18, which has
 * none (README "Backups"; tests/backup-embedded.spec.ts covers that server's own way): skipped then.
 */
function pgDumpMissingReason(): string | null {
  const script = `const { Client } = require("pg"); const c = new Client({ host: process.env.DB_HOST, port: process.env.DB_PORT, user: process.env.DB_USERNAME, password: process.env.DB_PASSWORD, database: "postgres" });
    c.connect().then(() => c.query("show server_version_num")).then((r) => { console.log(r.rows[0].server_version_num); return c.end() })`
  let major = 0
  try {
    major = Math.floor(Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 15_000 }).trim()) / 10000)
  } catch {
    return null // the runner reports an unreachable database itself
  }
  const dirs = [process.env.PG_BIN_DIR, ...(fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin`) : []), ...(process.env.PATH ?? "").split(path.delimiter)]
  for (const dir of dirs.filter(Boolean) as string[]) {
    try {
      const version = execFileSync(path.join(dir, "pg_dump"), ["--version"], { encoding: "utf8" })
      if (Number(/(\d+)/.exec(version.replace(/^[^)]*\)/, ""))?.[1]) >= major) return null
    } catch {}
  }
  return `no pg_dump of PostgreSQL ${major} or newer here for the test server (apt-get install postgresql-client-${major}, or run the tests on a local PostgreSQL of Debian's version)`
}
const skipReason = pgDumpMissingReason()
if (skipReason) {
  for (const test of ["backs up a shop with orders", "refuses a damaged archive", "a backup taken while 20 shoppers"]) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    require("../../../scripts/lib/skips.cjs").noteSkipped(test, skipReason)
  }
}
const itWithPgDump = skipReason ? it.skip : it

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let shopper: Shopper
    let dbUrl: string
    let dbName: string
    let events: SubscriberTracker
    const extraDatabases: string[] = []

    beforeAll(async () => {
      events = trackSubscribers(getContainer())
      storeHeaders = await seedShop(getContainer())
      dbName = (await dbConnection.raw("select current_database() as d")).rows[0].d
      dbUrl = serverUrl(dbName)
    })

    beforeEach(async () => {
      shopper = shopperFor(api, storeHeaders)
      admin = await adminHeaders(api)
    })

    afterAll(async () => {
      events?.restore()
      for (const name of extraDatabases) await sql(serverUrl("postgres"), `drop database if exists "${name}" with (force)`).catch(() => undefined)
      fs.rmSync(work, { recursive: true, force: true })
    })

    async function placeOrder(email: string, lines: [string, string, number][]) {
      const variants = await Promise.all(lines.map(([handle, title]) => shopper.variant(handle, title)))
      const cartId = await shopper.createCart(variants.map((v, i) => ({ variant_id: v.id, quantity: lines[i][2] })))
      await shopper.prepareCheckout(cartId, email)
      const done = await shopper.complete(cartId)
      expect(done.status).toBe(200)
      return done.data.order as { id: string; display_id: number; total: number }
    }

    /** An order as the admin shows it (items in a fixed order: the API lists them in any). */
    async function adminOrder(id: string) {
      const { order } = (await api.get(`/admin/orders/${id}?fields=id,display_id,status,total,payment_status,fulfillment_status,*items,*payment_collections.payments`, admin)).data
      order.items.sort((a: any, b: any) => a.id.localeCompare(b.id))
      return order
    }

    const newest = () => fs.readdirSync(backupDir).filter((n) => /^sweetshop-.*\.tar$/.test(n)).sort().pop()!

    itWithPgDump("backs up a shop with orders, customers, pool history and a picture; after a wipe, restores every row and the picture's bytes", async () => {
      // The shop's life: orders from three customers, one moved on by staff, stock counted, a picture uploaded.
      const orders = [
        await placeOrder("priya@example.in", [["kaju-katli", "250 g", 2], ["rasgulla", "6 pieces", 1]]),
        await placeOrder("arjun@example.in", [["kaju-katli", "500 g", 1]]),
        await placeOrder("meera@example.in", [["rasgulla", "12 pieces", 1]]),
      ]
      expect((await api.post(`/admin/shop-orders/${orders[0].id}/status`, { status: "confirmed" }, admin)).status).toBe(200)
      const katli = await shopper.variant("kaju-katli", "250 g")
      await api.post(`/admin/product-pools/${katli.product_id}/adjustments`, { delta_units: 800, reason: "Fresh batch" }, admin)
      await api.post(`/admin/product-pools/${katli.product_id}/adjustments`, { set_to_units: 5000, reason: "Evening count" }, admin)
      const form = new FormData()
      form.append("files", new Blob([new Uint8Array(PNG_2X2)], { type: "image/png" }), "barfi.png")
      const uploaded = (await api.post("/admin/uploads", form, admin)).data.files[0]
      const pictureFile = path.join(process.env.UPLOAD_DIR!, uploaded.id)
      const pictureBytes = fs.readFileSync(pictureFile)

      // The order messages and the catalogue's refresh are done before the snapshot is compared.
      await events.settled()
      const before = await fingerprint(dbUrl)
      expect(before.order.rows).toBe(3)
      expect(before.pool_adjustment.rows).toBeGreaterThanOrEqual(2)
      expect(before.customer.rows).toBeGreaterThanOrEqual(3)
      const adminViewBefore = await Promise.all(
        orders.map(async (o) => adminOrder(o.id))
      )
      const poolBefore = (await api.get(`/admin/product-pools/${katli.product_id}`, admin)).data

      const backup = await script("backup.mjs", ["--json"], { DATABASE_URL: dbUrl })
      expect({ code: backup.code, stderr: backup.stderr }).toMatchObject({ code: 0 })
      const result = JSON.parse(backup.stdout.trim().split("\n").pop()!)
      expect(result).toMatchObject({ ok: true, method: "logical", counts: { orders: 3 } })
      const archive = result.archive as string
      expect(fs.existsSync(`${archive}.sha256`)).toBe(true)

      // The disk dies: the database's tables and the uploads are gone.
      await sql(dbUrl, "drop schema public cascade; create schema public")
      fs.rmSync(process.env.UPLOAD_DIR!, { recursive: true, force: true })
      expect((await sql(dbUrl, "select to_regclass('public.order') as t"))[0].t).toBeNull()

      const restore = await script("restore.mjs", [archive], { DATABASE_URL: dbUrl })
      expect({ code: restore.code, stderr: restore.stderr }).toMatchObject({ code: 0, stderr: "" })
      expect(restore.stdout).toMatch(/orders\s+3\s+3\n/)
      expect(restore.stdout).toContain("No migrations needed.")
      const restoreSeconds = Number(/ in ([\d.]+) s:/.exec(restore.stdout)?.[1])
      console.log(`seeded shop, 3 orders, ${result.bytes} bytes: backup ${result.seconds.toFixed(2)} s, restore ${restoreSeconds} s`)

      // Every row of every table that matters is back as it was, and so is the picture.
      expect(await fingerprint(dbUrl)).toEqual(before)
      expect(fs.readFileSync(pictureFile).equals(pictureBytes)).toBe(true)
      const served = await api.get(new URL(uploaded.url).pathname, { responseType: "arraybuffer" })
      expect(Buffer.from(served.data).equals(pictureBytes)).toBe(true)
      // The running shop reads the restored orders and pool as before: totals, items, statuses, payments.
      const adminViewAfter = await Promise.all(
        orders.map(async (o) => adminOrder(o.id))
      )
      expect(adminViewAfter).toEqual(adminViewBefore)
      expect(adminViewAfter[0].items.length).toBe(2)
      expect(adminViewAfter.every((o: any) => o.payment_collections[0].payments.length === 1)).toBe(true)
      expect((await api.get(`/admin/product-pools/${katli.product_id}`, admin)).data).toEqual(poolBefore)

      // With orders in the database again, a second restore is refused unless told --force.
      const again = await script("restore.mjs", [archive], { DATABASE_URL: dbUrl })
      expect(again.code).toBe(1)
      expect(again.stderr).toContain("already holds 3 order(s); restoring would replace them. Run again with --force to replace them.")
      expect(await fingerprint(dbUrl)).toEqual(before)
    })

    itWithPgDump("refuses a damaged archive with a sentence and changes nothing", async () => {
      const archive = path.join(backupDir, newest())
      const damaged = path.join(work, "damaged.tar")
      const bytes = fs.readFileSync(archive)
      bytes[Math.floor(bytes.length / 2)] ^= 0xff
      fs.writeFileSync(damaged, bytes)
      fs.copyFileSync(`${archive}.sha256`, `${damaged}.sha256`)
      const target = `${dbName}_damaged`
      extraDatabases.push(target)
      await sql(serverUrl("postgres"), `create database "${target}"`)

      const refused = await script("restore.mjs", [damaged, "--force"], { DATABASE_URL: serverUrl(target) })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(/^Restore refused: damaged\.tar is damaged: its SHA-256 is [0-9a-f]{16}…, not the [0-9a-f]{16}… recorded when it was made; nothing was restored\.\n$/)
      expect((await sql(serverUrl(target), "select count(*)::int as n from pg_tables where schemaname = 'public'"))[0].n).toBe(0)

      fs.rmSync(`${damaged}.sha256`)
      const unchecked = await script("restore.mjs", [damaged], { DATABASE_URL: serverUrl(target) })
      expect(unchecked.code).toBe(1)
      expect(unchecked.stderr).toContain("has no checksum file beside it")
    })

    itWithPgDump("a backup taken while 20 shoppers check out restores every order whole: items, payment, reservations", async () => {
      const katli = await shopper.variant("kaju-katli", "250 g")
      const rasgulla = await shopper.variant("rasgulla", "6 pieces")
      // Stock for everyone, so every checkout becomes an order.
      await api.post(`/admin/product-pools/${katli.product_id}/adjustments`, { set_to_units: 50000, reason: "Festival stock" }, admin)
      await api.post(`/admin/product-pools/${rasgulla.product_id}/adjustments`, { set_to_units: 1000, reason: "Festival stock" }, admin)
      // 20 carts of two lines, each made in one request (Medusa's cart creation takes the items).
      const region_id = await shopper.region()
      const items = [{ variant_id: katli.id, quantity: 1 }, { variant_id: rasgulla.id, quantity: 1 }]
      const carts: string[] = []
      for (let i = 0; i < 20; i += 5) {
        const made = await Promise.all(Array.from({ length: 5 }, () => api.post("/store/carts", { region_id, items }, storeHeaders)))
        carts.push(...made.map((r) => r.data.cart.id as string))
      }
      const delivery = (await shopper.shippingOptions(carts[0])).find((o) => o.name === "Home delivery")!.id
      const ordersBefore = Number((await sql(dbUrl, `select count(*)::int as n from "order"`))[0].n)
      // The storefront's one-call checkout (address, delivery, cash on delivery, order), 20 at once.
      const checkouts = carts.map(async (id, i) => {
        const response = await api
          .post(
            `/store/carts/${id}/checkout`,
            { email: `rush${i}@example.in`, shipping_address: DELHI_ADDRESS, shipping_option_id: delivery, payment_provider_id: "pp_system_default" },
            storeHeaders
          )
          .catch((e: any) => e.response)
        return { status: response.status as number, data: response.data }
      })
      // The backup starts while the checkouts are under way: once the first of them is an order.
      const deadline = Date.now() + 60_000
      while (Number((await sql(dbUrl, `select count(*)::int as n from "order"`))[0].n) === ordersBefore && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25))
      }
      const backup = await script("backup.mjs", ["--json"], { DATABASE_URL: dbUrl })
      const results = await Promise.all(checkouts)
      expect(backup.code).toBe(0)
      expect(results.filter((r) => r.status !== 200).map((r) => r.data)).toEqual([])
      const manifestOrders = JSON.parse(backup.stdout.trim().split("\n").pop()!).counts.orders as number
      expect(backup.stderr).not.toContain("were still being written")
      const archive = JSON.parse(backup.stdout.trim().split("\n").pop()!).archive as string

      const target = `${dbName}_rush`
      extraDatabases.push(target)
      await sql(serverUrl("postgres"), `create database "${target}"`)
      const restore = await script("restore.mjs", [archive], { DATABASE_URL: serverUrl(target), UPLOAD_DIR: path.join(work, "rush-uploads") })
      expect({ code: restore.code, stderr: restore.stderr }).toMatchObject({ code: 0 })
      const restoredUrl = serverUrl(target)
      const restoredOrders = Number((await sql(restoredUrl, `select count(*)::int as n from "order"`))[0].n)
      expect(restoredOrders).toBe(manifestOrders)
      // The backup saw part of the rush: at least the orders from before it, at most all of them.
      expect(restoredOrders).toBeGreaterThanOrEqual(ordersBefore)
      expect(restoredOrders).toBeLessThanOrEqual(ordersBefore + 20)
      const settle = JSON.parse(backup.stdout.trim().split("\n").pop()!).settle
      console.log(`backup during 20 checkouts: ${restoredOrders - ordersBefore} of the 20 orders in the archive; snapshot taken ${settle.tries} time(s), ${settle.waited_ms} ms waiting for checkouts under way`)

      // Every order in the archive is whole: its line items, an authorized payment, and a reservation per line.
      const broken = await sql(
        restoredUrl,
        `select o.id,
                (select count(*) from order_item oi where oi.order_id = o.id and oi.deleted_at is null)::int as items,
                (select count(*) from order_payment_collection opc join payment p on p.payment_collection_id = opc.payment_collection_id
                  where opc.order_id = o.id and opc.deleted_at is null)::int as payments,
                (select count(*) from order_item oi join order_line_item li on li.id = oi.item_id
                  where oi.order_id = o.id and oi.deleted_at is null
                    and not exists (select 1 from reservation_item r where r.line_item_id = li.id and r.deleted_at is null))::int as unreserved
           from "order" o`
      )
      const incomplete = broken.filter((o) => o.items === 0 || o.payments === 0 || o.unreserved > 0)
      expect(incomplete).toEqual([])
      // Each pool's reserved amount is the sum of its reservations, as in the shop that was saved.
      const pools = await sql(
        restoredUrl,
        `select l.inventory_item_id, l.reserved_quantity::int as reserved,
                coalesce((select sum(r.quantity) from reservation_item r where r.inventory_item_id = l.inventory_item_id and r.deleted_at is null), 0)::int as reservations
           from inventory_level l where l.deleted_at is null`
      )
      expect(pools.filter((p) => p.reserved !== p.reservations)).toEqual([])

      // The check itself: an order whose reservations are not written yet holds the snapshot back
      // (BACKUP_SETTLE_SECONDS), and the backup then says so.
      await sql(
        restoredUrl,
        `delete from reservation_item where line_item_id in (select oi.item_id from order_item oi where oi.order_id = (select id from "order" order by created_at desc limit 1))`
      )
      const held = await script("backup.mjs", ["--json"], { DATABASE_URL: restoredUrl, BACKUP_SETTLE_SECONDS: "1", UPLOAD_DIR: path.join(work, "rush-uploads") })
      expect(held.code).toBe(0)
      const heldResult = JSON.parse(held.stdout.trim().split("\n").pop()!)
      expect(heldResult.settle).toMatchObject({ half_written_orders: 1 })
      expect(heldResult.settle.tries).toBeGreaterThan(1)
      expect(heldResult.settle.waited_ms).toBeGreaterThanOrEqual(1000)
      expect(held.stderr).toContain("warning: 1 order(s) were still being written after 1 s; the archive holds them as they were.")
    })

    it("a nightly backup that fails alerts the staff number and counts as a failed job in /metrics", async () => {
      const scrape = async () => parseExposition((await api.get("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).data)
      const failed = { job: "nightly-backup", outcome: "failed" }
      await events.settled()
      const before = await scrape()
      const staffBefore = twilio.messages.filter((m) => m.to === STAFF_PHONE).length
      // The job's backup gets a database that does not exist (its process reads DATABASE_URL when it starts).
      const appDatabase = process.env.DATABASE_URL
      process.env.DATABASE_URL = serverUrl(`${dbName}_missing`)
      let result: any
      try {
        result = await getContainer().resolve(Modules.WORKFLOW_ENGINE).run("job-nightly-backup", { input: {}, throwOnError: false })
      } finally {
        process.env.DATABASE_URL = appDatabase
      }
      expect(result.errors.map((e: any) => e.error?.message)).toEqual([expect.stringContaining("Nightly backup failed: the database at")])
      await events.settled()

      const after = await scrape()
      expect(sampleValue(after, "sweetshop_job_runs_total", failed)).toBe(sampleValue(before, "sweetshop_job_runs_total", failed) + 1)
      const alerts = twilio.messages.filter((m) => m.to === STAFF_PHONE).slice(staffBefore)
      expect(alerts).toHaveLength(1)
      expect(alerts[0].body).toMatch(/^The shop's backup of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC failed: the database at postgres:\/\/.+ does not answer \(.+\)\. Check the worker's log and run npm run backup by hand\.$/)
    })
  },
})
