import axios, { AxiosInstance } from "axios"
import crypto from "crypto"
import { Client } from "pg"
import { FakeRazorpay, startFakeRazorpay } from "@sweetshop/sandbox"
import { freePort, medusaSync, Server, startServer } from "../helpers/processes"
import { SHOP } from "../../src/scripts/seed-data/shop"
import { DELHI_ADDRESS, razorpayEnv, shopperFor } from "../helpers/shopper"

jest.setTimeout(420_000)

/**
 * The shop's process killed (SIGKILL: no shutdown, no compensation) while a
 * paid Razorpay checkout is being completed, in the middle of Medusa's
 * completion: the order row exists, its payment is not attached yet (and, when
 * the kill falls before Medusa's linking step, nothing links the order to its
 * cart: razorpay-money.spec.ts makes that state on purpose). After a
 * restart, the reconciliation job alone (nothing else is sent) ends it with
 * the order holding the payment, once: no refund, no second order.
 */
const dbUrl = (name: string) =>
  `postgres://${encodeURIComponent(process.env.DB_USERNAME ?? "postgres")}:${encodeURIComponent(process.env.DB_PASSWORD ?? "")}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? "5432"}/${name}`

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, ms: number): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > until) throw new Error(`waited ${ms} ms for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

describe("the backend killed between a Razorpay payment and its order", () => {
  // Only this run creates and drops it.
  const database = `sweetshop_crash_${crypto.randomBytes(6).toString("hex")}`
  let fake: FakeRazorpay
  let server: Server | undefined
  let env: NodeJS.ProcessEnv
  let db: Client

  beforeAll(async () => {
    fake = await startFakeRazorpay()
    const admin = new Client({ connectionString: dbUrl("postgres") })
    await admin.connect()
    await admin.query(`create database "${database}"`)
    await admin.end()
    env = {
      ...process.env,
      ...razorpayEnv(fake),
      NODE_ENV: "development",
      DATABASE_URL: dbUrl(database),
      REDIS_URL: "",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "error",
      DISABLE_ADMIN: "true",
      // Razorpay's answer is awaited long enough for the test to kill the process meanwhile.
      RAZORPAY_TIMEOUT_MS: "60000",
      // The every-minute job settles checkouts older than this (the browser's time to come back).
      RAZORPAY_RECONCILE_AFTER_SECONDS: "5",
    }
    medusaSync(["db:migrate"], env)
    medusaSync(["exec", "./src/scripts/seed.ts"], env)
    db = new Client({ connectionString: env.DATABASE_URL })
    await db.connect()
  })

  afterAll(async () => {
    server?.process.kill("SIGKILL")
    await db?.end()
    await fake?.close()
    const admin = new Client({ connectionString: dbUrl("postgres") })
    await admin.connect()
    await admin.query(`drop database if exists "${database}" with (force)`)
    await admin.end()
  })

  it("ends, after a restart, with the order holding the payment, once", async () => {
    server = await startServer(await freePort(), env)
    const api = axios.create({ baseURL: server.url }) as AxiosInstance
    const { rows: keys } = await db.query(`select token from api_key where title = $1`, [SHOP.publishableKeyTitle])
    const headers = { headers: { "x-publishable-api-key": keys[0].token } }
    const shopper = shopperFor(api, headers)
    const box = await shopper.variant("kaju-katli", "500 g")
    const cartId = await shopper.createCart([{ variant_id: box.id, quantity: 1 }])
    const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
    const { data: started } = await api.post(
      `/store/carts/${cartId}/checkout`,
      { email: "ravi@example.in", shipping_address: DELHI_ADDRESS, shipping_option_id: delivery.id, payment_provider_id: "pp_razorpay_razorpay" },
      headers
    )
    const { payment, checkout_response } = await fake.pay(started.payment_session.data.razorpay_order_id, { status: "captured" })

    // Completion reaches the provider's last question to Razorpay (the payment itself) and waits there...
    fake.failNext(1, "hang", { only: new RegExp(`GET /v1/payments/${payment.id}$`) })
    const pending = api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response }, headers).catch((e: any) => e)
    // ...with the order already written: then the process dies.
    await waitFor("the order row", async () => (await db.query(`select count(*)::int as n from "order"`)).rows[0].n === 1, 60_000)
    server.process.kill("SIGKILL")
    await pending
    const { rows: midway } = await db.query(`select count(*)::int as n from payment where deleted_at is null`)
    expect(midway[0].n).toBe(0) // the order exists without its payment: the hole a crash leaves

    // Restart. Nothing else is sent: no browser, no webhook; only the shop's own job.
    server = await startServer(await freePort(), env)
    const paid = await waitFor(
      "the reconciliation job to attach the payment",
      async () => {
        const { rows } = await db.query(
          // One row per payment (the order may be linked to its payment collection by more than one link
          // row when the kill fell inside Medusa's completion; the money is the payment rows).
          `select distinct p.id, p.data->>'razorpay_payment_id' as razorpay_payment_id, p.captured_at
             from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
            where p.deleted_at is null`
        )
        return rows.length ? rows : undefined
      },
      150_000
    )
    expect(paid).toHaveLength(1)
    expect(paid[0].razorpay_payment_id).toBe(payment.id)
    expect(paid[0].captured_at).not.toBeNull()
    const { rows: orders } = await db.query(`select count(*)::int as n from "order"`)
    expect(orders[0].n).toBe(1)
    // The capture is recorded on the order, as Medusa's completion records it (the job's last step).
    const transactions = await waitFor(
      "the capture on the order",
      async () => {
        const { rows } = await db.query(`select amount::numeric as amount from order_transaction where reference = 'capture' and deleted_at is null`)
        return rows.length ? rows : undefined
      },
      30_000
    )
    expect(transactions.map((t) => Number(t.amount))).toEqual([660])
    // Kept, not refunded: the shopper paid once and has their order.
    expect(fake.payments.get(payment.id)).toMatchObject({ status: "captured", amount_refunded: 0 })
    expect([...fake.refunds.values()]).toHaveLength(0)

    // The webhook Razorpay retries meanwhile changes nothing.
    const { body, headers: signed } = fake.webhook("payment.captured", fake.payments.get(payment.id)!)
    const answer = await axios.post(`${server.url}/hooks/payment/razorpay_razorpay`, body, { headers: signed, transformRequest: [(d: any) => d] })
    expect(answer.status).toBe(200)
    const { rows: after } = await db.query(`select count(*)::int as n from payment where deleted_at is null`)
    expect(after[0].n).toBe(1)
    expect([...fake.refunds.values()]).toHaveLength(0)
  })
})
