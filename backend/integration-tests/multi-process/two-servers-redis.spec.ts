import axios, { AxiosInstance } from "axios"
import crypto from "crypto"
import { Client } from "pg"
import { freePort, medusaSync, Server, startServer, stopServer } from "../helpers/processes"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { noteSkipped } = require("../../../scripts/lib/skips.cjs")
import { SHOP } from "../../src/scripts/seed-data/shop"
import { shopperFor } from "../helpers/shopper"

jest.setTimeout(420_000)

/**
 * A shop that has outgrown one process: two Medusa servers on one database,
 * sharing Redis (event bus, workflow engine, locking). Thirty shoppers check
 * out on the last stock through both at once; the pool locks live in Redis,
 * so the two processes cannot both take the same grams.
 */
const REDIS_URL = process.env.SWEETSHOP_TEST_REDIS_URL

// Skipped only when no Redis answers (global-setup.mjs checks; .ci/run starts one):
// without Redis there is nothing for two processes to share. The reason is printed and listed by npm test.
const SUITE = "two server processes sharing Redis"
if (!REDIS_URL) noteSkipped(SUITE, process.env.SWEETSHOP_TEST_REDIS_SKIP_REASON ?? "no Redis for the tests (SWEETSHOP_TEST_REDIS_URL is not set)")
const describeWithRedis = REDIS_URL ? describe : describe.skip

const dbUrl = (name: string) =>
  `postgres://${encodeURIComponent(process.env.DB_USERNAME ?? "postgres")}:${encodeURIComponent(process.env.DB_PASSWORD ?? "")}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? "5432"}/${name}`

describeWithRedis(SUITE, () => {
  // A name no other run (on this machine or another sharing the server) can have: only this run creates and drops it.
  const database = `sweetshop_two_servers_${crypto.randomBytes(6).toString("hex")}`
  const servers: Server[] = []
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    const admin = new Client({ connectionString: dbUrl("postgres") })
    await admin.connect()
    await admin.query(`create database "${database}"`)
    await admin.end()

    env = {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: dbUrl(database),
      REDIS_URL,
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "error",
      DISABLE_ADMIN: "true",
    }
    medusaSync(["db:migrate"], env)
    medusaSync(["exec", "./src/scripts/seed.ts"], env)
    // Ports the kernel has free now (a shop or another run may hold any fixed one).
    const ports = [await freePort(), await freePort()]
    servers.push(...(await Promise.all(ports.map((port) => startServer(port, env)))))
  })

  afterAll(async () => {
    await Promise.all(servers.map(stopServer))
    const admin = new Client({ connectionString: dbUrl("postgres") })
    await admin.connect()
    await admin.query(`drop database if exists "${database}" with (force)`)
    await admin.end()
  })

  it("lets exactly as many of 30 simultaneous checkouts through as the pool allows", async () => {
    const [a, b] = servers.map((s) => axios.create({ baseURL: s.url }) as AxiosInstance)
    const db = new Client({ connectionString: env.DATABASE_URL })
    await db.connect()
    try {
      const { rows: keys } = await db.query(`select token from api_key where title = $1`, [SHOP.publishableKeyTitle])
      const headers = { headers: { "x-publishable-api-key": keys[0].token } }
      const shoppers = [shopperFor(a, headers), shopperFor(b, headers)]

      // Staff set the pool to 10 kg through server A's admin API.
      const { data: auth } = await a.post("/auth/user/emailpass", { email: SHOP.defaultAdmin.email, password: process.env.ADMIN_PASSWORD! })
      const box500 = await shoppers[0].variant("motichoor-laddoo", "500 g")
      const box1kg = await shoppers[0].variant("motichoor-laddoo", "1 kg")
      await a.post(
        `/admin/product-pools/${box500.product_id}/adjustments`,
        { set_to_units: 10_000, reason: "Test: last stock" },
        { headers: { authorization: `Bearer ${auth.token}` } }
      )

      // Thirty carts of 500 g + 1 kg, prepared and completed half on each server.
      const carts = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const shopper = shoppers[i % 2]
          const id = await shopper.createCart([
            { variant_id: box500.id, quantity: 1 },
            { variant_id: box1kg.id, quantity: 1 },
          ])
          await shopper.prepareCheckout(id, `shopper${i}@example.in`)
          return { id, shopper }
        })
      )
      const results = await Promise.all(carts.map(({ id, shopper }) => shopper.complete(id)))

      const placed = results.filter((r) => r.status === 200 && r.data.type === "order")
      const { rows } = await db.query(
        `select l.stocked_quantity::int as stocked, l.reserved_quantity::int as reserved
           from inventory_level l where l.inventory_item_id = $1 and l.deleted_at is null`,
        [box500.pool_id]
      )
      expect(rows[0].reserved).toBeLessThanOrEqual(rows[0].stocked)
      expect(placed).toHaveLength(6)
      expect(rows[0]).toEqual({ stocked: 10_000, reserved: 9_000 })
      const { rows: orders } = await db.query(`select count(*)::int as n from "order"`)
      expect(orders[0].n).toBe(6)
      for (const refused of results.filter((r) => r.status !== 200)) {
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("Only 1,000 g of Motichoor Laddoo left; your cart needs 1,500 g.")
      }
    } finally {
      await db.end()
    }
  })
  it("changes an order once when staff on both servers press the same button at the same moment", async () => {
    const [a, b] = servers.map((s) => axios.create({ baseURL: s.url }) as AxiosInstance)
    const db = new Client({ connectionString: env.DATABASE_URL })
    await db.connect()
    try {
      const { rows: keys } = await db.query(`select token from api_key where title = $1`, [SHOP.publishableKeyTitle])
      const shopper = shopperFor(a, { headers: { "x-publishable-api-key": keys[0].token } })
      const box = await shopper.variant("kaju-katli", "250 g")
      const cartId = await shopper.createCart([{ variant_id: box.id, quantity: 1 }])
      await shopper.prepareCheckout(cartId)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      const orderId = completed.data.order.id

      const { data: auth } = await a.post("/auth/user/emailpass", { email: SHOP.defaultAdmin.email, password: process.env.ADMIN_PASSWORD! })
      const admin = { headers: { authorization: `Bearer ${auth.token}` } }
      const press = (server: AxiosInstance, status: string) =>
        server.post(`/admin/shop-orders/${orderId}/status`, { status }, admin).catch((e: any) => e.response)
      for (const status of ["confirmed", "preparing"]) {
        const presses = await Promise.all([press(a, status), press(b, status), press(a, status), press(b, status)])
        expect(presses.map((r) => r.status).sort()).toEqual([200, 400, 400, 400])
      }
      const { rows: history } = await db.query(
        `select to_status from shop_order_status_change where order_id = $1 order by created_at`,
        [orderId]
      )
      expect(history.map((h) => h.to_status)).toEqual(["placed", "confirmed", "preparing"])
      const { rows: fulfillments } = await db.query(`select count(*)::int as n from order_fulfillment where order_id = $1`, [orderId])
      expect(fulfillments[0].n).toBe(1)
    } finally {
      await db.end()
    }
  })
})
