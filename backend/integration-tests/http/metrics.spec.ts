import fs from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { FakeRazorpay, FakeTwilio, startFakeRazorpay, startFakeTwilio } from "@sweetshop/sandbox"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { adminHeaders, DELHI_ADDRESS, razorpayEnv, seedShop, Shopper, shopperFor, twilioEnv } from "../helpers/shopper"
import { parseExposition, sampleValue } from "../helpers/prometheus"

jest.setTimeout(240_000)

/**
 * GET /metrics counts what happened: scraped before and after a checkout, a failed Razorpay payment
 * and an SMS that Twilio refused, each is there. The official SDKs talk to the fakes in sandbox/.
 */
const TOKEN = "metrics-test-token-0123456789"
let razorpay: FakeRazorpay
let twilio: FakeTwilio
const env: Record<string, string> = {}

beforeAll(async () => {
  razorpay = await startFakeRazorpay()
  twilio = await startFakeTwilio()
  Object.assign(env, razorpayEnv(razorpay), twilioEnv(twilio), { RAZORPAY_TIMEOUT_MS: "1500", TWILIO_TIMEOUT_MS: "1500", METRICS_TOKEN: TOKEN })
  Object.assign(process.env, env)
})
afterAll(async () => {
  for (const key of Object.keys(env)) delete process.env[key]
  await Promise.all([razorpay?.close(), twilio?.close()])
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: { headers: Record<string, string> }
    let shopper: Shopper
    let events: SubscriberTracker

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      events = trackSubscribers(getContainer())
    })
    afterAll(() => events?.restore())
    beforeEach(() => {
      shopper = shopperFor(api, storeHeaders)
      razorpay.failNext(0)
      twilio.failNext(0)
    })

    const scrape = async () => {
      const response = await api.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } })
      expect(response.status).toBe(200)
      expect(response.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/)
      return parseExposition(response.data)
    }

    it("refuses a scrape without the token, with a wrong one, and when no token is set", async () => {
      const none = await api.get("/metrics").catch((e: any) => e.response)
      expect(none.status).toBe(401)
      const wrong = await api.get("/metrics", { headers: { authorization: "Bearer not-the-token-at-all" } }).catch((e: any) => e.response)
      expect(wrong.status).toBe(401)
      expect(JSON.stringify(wrong.data)).not.toContain(TOKEN)
      delete process.env.METRICS_TOKEN
      try {
        const off = await api.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }).catch((e: any) => e.response)
        expect(off.status).toBe(403)
      } finally {
        process.env.METRICS_TOKEN = TOKEN
      }
    })

    it("counts a cash-on-delivery checkout by route pattern and outcome, and times the request by its route, never its URL", async () => {
      const before = await scrape()
      const box = await shopper.variant("kaju-katli", "250 g")
      const id = await shopper.createCart([{ variant_id: box.id, quantity: 1 }])
      await shopper.prepareCheckout(id)
      const completed = await shopper.complete(id)
      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")
      await events.settled()
      const after = await scrape()

      const checkout = { route: "/store/carts/:id/complete", outcome: "order" }
      expect(sampleValue(after, "sweetshop_checkout_duration_seconds_count", checkout)).toBe(sampleValue(before, "sweetshop_checkout_duration_seconds_count", checkout) + 1)
      const request = { method: "POST", route: "/store/carts/:id/complete", status: "200" }
      expect(sampleValue(after, "sweetshop_http_request_duration_seconds_count", request)).toBe(
        sampleValue(before, "sweetshop_http_request_duration_seconds_count", request) + 1
      )
      // Route patterns only: no cart id (or any other id) in a label.
      const routes = after.samples.filter((s) => s.name.startsWith("sweetshop_http_request_duration_seconds")).map((s) => s.labels.route)
      expect(routes.some((route) => route.includes(id))).toBe(false)
      expect(routes.every((route) => !/(cart|order|prod|variant|pay)_[0-9A-Z]{10,}/.test(route))).toBe(true)
      // The process's own: event-loop lag, heap, RSS.
      for (const name of ["nodejs_eventloop_lag_seconds", "nodejs_heap_size_used_bytes", "process_resident_memory_bytes"]) {
        expect(after.types.has(name)).toBe(true)
      }
      // The pool the order drew on, read from the database.
      const reserved = after.samples.filter((s) => s.name === "sweetshop_pool_units" && s.labels.kind === "reserved" && s.labels.pool.includes("kaju-katli"))
      expect(reserved.length).toBe(1)
      expect(reserved[0].value).toBeGreaterThan(0)
    })

    it("counts a Razorpay payment that failed at the bank", async () => {
      const before = await scrape()
      const box = await shopper.variant("kaju-katli", "250 g")
      const cartId = await shopper.createCart([{ variant_id: box.id, quantity: 1 }])
      const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
      const started = await api.post(
        `/store/carts/${cartId}/checkout`,
        { email: "asha@example.in", shipping_address: DELHI_ADDRESS, shipping_option_id: delivery.id, payment_provider_id: "pp_razorpay_razorpay" },
        storeHeaders
      )
      expect(started.data.type).toBe("payment")
      const { payment } = await razorpay.pay(started.data.payment_session.data.razorpay_order_id, { status: "failed" })
      const webhook = razorpay.webhook("payment.failed", payment)
      const delivered = await api.post("/hooks/payment/razorpay_razorpay", webhook.body, { headers: webhook.headers, transformRequest: [(d: any) => d] })
      expect(delivered.status).toBe(200)
      await events.settled()
      const after = await scrape()

      const failed = { method: "razorpay", outcome: "failed" }
      // The shopper was told (the plugin emits razorpay.payment_failed, which the notifications plugin and the metrics both take).
      expect(twilio.messages.map((m) => m.body ?? "").join("\n")).toMatch(/did not go through/)
      expect(sampleValue(after, "sweetshop_payments_total", failed)).toBe(sampleValue(before, "sweetshop_payments_total", failed) + 1)
      // The one-call checkout that started the payment: counted as such, not as an order.
      const startedCheckout = { route: "/store/carts/:id/checkout", outcome: "payment_started" }
      expect(sampleValue(after, "sweetshop_checkout_duration_seconds_count", startedCheckout)).toBe(
        sampleValue(before, "sweetshop_checkout_duration_seconds_count", startedCheckout) + 1
      )
      // The cart's grams are held while the shopper pays.
      expect(sampleValue(after, "sweetshop_payment_holds", { measure: "holds" })).toBeGreaterThan(0)
    })

    it("counts an SMS that Twilio refused, by channel and state", async () => {
      const before = await scrape()
      twilio.failNext(1)
      const box = await shopper.variant("rasgulla", "6 pieces")
      const cartId = await shopper.createCart([{ variant_id: box.id, quantity: 1 }])
      await shopper.prepareCheckout(cartId)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      await events.settled()
      const [record] = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: completed.data.order.id } as any)
      expect(record.status).toBe("failure")
      const after = await scrape()

      const failedTry = { channel: "sms", outcome: "failed" }
      expect(sampleValue(after, "sweetshop_message_attempts", failedTry)).toBe(sampleValue(before, "sweetshop_message_attempts", failedTry) + 1)
      const failedMessage = { channel: "sms", state: "failed" }
      expect(sampleValue(after, "sweetshop_messages", failedMessage)).toBe(sampleValue(before, "sweetshop_messages", failedMessage) + 1)
    })

    it("counts scheduled job runs by job and outcome", async () => {
      const before = await scrape()
      await getContainer().resolve(Modules.WORKFLOW_ENGINE).run("job-retry-failed-notifications", { input: {} })
      const after = await scrape()
      const run = { job: "retry-failed-notifications", outcome: "succeeded" }
      expect(sampleValue(after, "sweetshop_job_runs_total", run)).toBe(sampleValue(before, "sweetshop_job_runs_total", run) + 1)
    })

    it("counts a scheduled job that fails", async () => {
      // A job as Medusa's job loader makes one: workflow job-<name>, one step <name>-as-step.
      const name = "sweetshop-test-failing-job"
      const step = createStep(`${name}-as-step`, async () => {
        throw new Error("the test job fails on purpose")
      })
      createWorkflow(`job-${name}`, () => new WorkflowResponse(step()))
      const before = await scrape()
      const result = await getContainer().resolve(Modules.WORKFLOW_ENGINE).run(`job-${name}`, { input: {}, throwOnError: false })
      expect(result.errors?.length).toBeGreaterThan(0)
      const after = await scrape()
      const failed = { job: name, outcome: "failed" }
      expect(sampleValue(after, "sweetshop_job_runs_total", failed)).toBe(sampleValue(before, "sweetshop_job_runs_total", failed) + 1)
      expect(sampleValue(after, "sweetshop_job_runs_total", { job: name, outcome: "succeeded" })).toBe(0)
    })

    it("gives staff the day on the Today page: orders and revenue, orders per hour, failed messages", async () => {
      const refused = await api.get("/admin/today").catch((e: any) => e.response)
      expect(refused.status).toBe(401)
      // Two cash-on-delivery orders, the second one's SMS refused by Twilio.
      for (const fail of [0, 1]) {
        twilio.failNext(fail)
        const box = await shopper.variant("barfi", "250 g")
        const cartId = await shopper.createCart([{ variant_id: box.id, quantity: 1 }])
        await shopper.prepareCheckout(cartId)
        expect((await shopper.complete(cartId)).status).toBe(200)
        await events.settled()
      }
      const { data } = await api.get("/admin/today", await adminHeaders(api))
      const today = data.today
      expect(today.today.orders).toBeGreaterThanOrEqual(2)
      expect(today.week.orders).toBeGreaterThanOrEqual(today.today.orders)
      expect(today.today.revenue).toBeGreaterThan(0)
      expect(today.orders_per_hour).toHaveLength(24)
      expect(today.orders_per_hour.reduce((a: number, b: number) => a + b, 0)).toBe(today.today.orders)
      expect(today.failed_messages.count).toBeGreaterThanOrEqual(1)
      expect(today.failed_messages.latest[0]).toMatchObject({ channel: "sms" })
      expect(JSON.stringify(today)).not.toContain("9876543210")
      expect(Array.isArray(today.low_pools)).toBe(true)
    })

    it("exposes every metric the Grafana dashboard (docs/grafana-dashboard.json) reads", async () => {
      const exposed = await scrape()
      const dashboard = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../docs/grafana-dashboard.json"), "utf8"))
      const expressions: string[] = []
      const walk = (node: any) => {
        if (Array.isArray(node)) node.forEach(walk)
        else if (node && typeof node === "object") {
          if (typeof node.expr === "string") expressions.push(node.expr)
          Object.values(node).forEach(walk)
        }
      }
      walk(dashboard)
      expect(expressions.length).toBeGreaterThan(5)
      const used = new Set(expressions.flatMap((expr) => expr.match(/\b(sweetshop_\w+|nodejs_\w+|process_\w+)\b/g) ?? []))
      const missing = [...used].filter((name) => !exposed.names.has(name))
      expect(missing).toEqual([])
    })
  },
})
