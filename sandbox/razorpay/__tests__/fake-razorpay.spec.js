// The fake Razorpay follows the vendor, never our code:
//  1. every webhook body it signs has exactly the keys and value types of Razorpay's published
//     sample for that event (razorpay/fixtures/, sources in razorpay/fixtures/README.md), at
//     every level: the envelope, payload, each entity;
//  2. its REST answers have the shape of Razorpay's documented entities, lists and errors;
//  3. the official `razorpay` SDK, pointed at it, works end to end with sensible answers.
"use strict"
process.env.NO_PROXY = "127.0.0.1,localhost"
const fs = require("fs")
const path = require("path")
const Razorpay = require("razorpay")
const { validateWebhookSignature } = require("razorpay/dist/utils/razorpay-utils")
const { startFakeRazorpay } = require("../fake-razorpay")

const FIXTURES = path.join(__dirname, "..", "fixtures")
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"))

const typeOf = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value)
const SCALARS = ["string", "number", "boolean"]

/**
 * The differences between the vendor's sample and the fake's value: keys missing or extra at any
 * level, and values of another type. `notes` is free-form (Razorpay writes an empty one as [] and a
 * filled one as an object), so only its being notes is compared. `nullable`: a null on either side
 * matches any scalar (Razorpay's samples show, say, `description` as null in one and a string in
 * another); without it a null must meet a null, so the fake has to produce the very scenario.
 */
function differences(expected, actual, { nullable = false, at = "$" } = {}) {
  const out = []
  const [te, ta] = [typeOf(expected), typeOf(actual)]
  if (at.endsWith(".notes")) {
    if (!["array", "object"].includes(ta)) out.push(`${at}: notes should be [] or an object, is ${ta}`)
    return out
  }
  if (te !== ta) {
    const scalarOrNull = (t) => t === "null" || SCALARS.includes(t)
    if (!(nullable && (te === "null" || ta === "null") && scalarOrNull(te) && scalarOrNull(ta))) {
      out.push(`${at}: ${te} in Razorpay's sample, ${ta} in the fake`)
    }
    return out
  }
  if (te === "object") {
    for (const key of Object.keys(expected)) {
      if (!(key in actual)) out.push(`${at}.${key}: missing in the fake`)
      else out.push(...differences(expected[key], actual[key], { nullable, at: `${at}.${key}` }))
    }
    for (const key of Object.keys(actual)) if (!(key in expected)) out.push(`${at}.${key}: not in Razorpay's sample`)
  }
  if (te === "array" && expected.length) {
    actual.forEach((item, i) => out.push(...differences(expected[0], item, { nullable, at: `${at}[${i}]` })))
  }
  return out
}

let fake
let rzp
beforeAll(async () => {
  fake = await startFakeRazorpay({ port: 0 })
  rzp = new Razorpay({ key_id: fake.keyId, key_secret: fake.keySecret })
  rzp.api.rq.defaults.baseURL = fake.url
})
afterAll(() => fake.close())
beforeEach(() => fake.failNext(0))

/** An order as the shop makes one: its session id in the order's notes. */
const newOrder = (amount = 100, extra = {}) =>
  rzp.orders.create({ amount, currency: "INR", receipt: "rcptid #1", notes: { session_id: "payses_01TEST" }, ...extra })

/** An SDK call's rejection: { statusCode, error } as the SDK throws it. */
const rejection = (promise) =>
  promise.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)}`)
    },
    (error) => error
  )

describe("webhook bodies have the keys and types of Razorpay's sample payloads", () => {
  async function capturedPayment(method) {
    const order = await newOrder()
    const { payment } = await fake.pay(order.id, { status: "authorized", method })
    return rzp.payments.capture(payment.id, payment.amount, "INR")
  }

  const scenarios = {
    "payment.authorized.json": async () => fake.webhook("payment.authorized", (await fake.pay((await newOrder()).id, { status: "authorized", method: "netbanking" })).payment),
    "payment.authorized.upi.json": async () => fake.webhook("payment.authorized", (await fake.pay((await newOrder()).id, { status: "authorized", method: "upi" })).payment),
    "payment.captured.json": async () => fake.webhook("payment.captured", await capturedPayment("netbanking")),
    "payment.captured.upi.json": async () => fake.webhook("payment.captured", await capturedPayment("upi")),
    "payment.failed.json": async () => fake.webhook("payment.failed", (await fake.pay((await newOrder()).id, { status: "failed", method: "netbanking" })).payment),
    "payment.failed.upi.json": async () => fake.webhook("payment.failed", (await fake.pay((await newOrder()).id, { status: "failed", method: "upi" })).payment),
    "order.paid.json": async () => fake.webhook("order.paid", await capturedPayment("netbanking")),
    "order.paid.upi.json": async () => fake.webhook("order.paid", await capturedPayment("upi")),
  }
  for (const event of ["refund.created", "refund.processed", "refund.failed"]) {
    scenarios[`${event}.json`] = async () => {
      const payment = await capturedPayment("netbanking")
      const refund = await rzp.payments.refund(payment.id, { amount: 50, speed: "optimum", notes: { comment: "Customer Notes for Webhooks." } })
      return fake.webhook(event, event === "refund.failed" ? { ...refund, status: "failed" } : refund)
    }
  }

  // Payment links as the shop makes them: a standard link, the customer's phone and email, the shop's notes.
  const newLink = (extra = {}) =>
    rzp.paymentLink.create({
      amount: 1000,
      currency: "INR",
      description: "Test Payment",
      customer: { contact: "+919000090000", email: "gauravkumar@example.com" },
      notify: { sms: false, email: false },
      reminder_enable: false,
      expire_by: Math.floor(Date.now() / 1000) + 3600,
      reference_id: `ref${Math.random().toString(36).slice(2, 10)}`,
      notes: { draft_order_id: "order_01TEST" },
      ...extra,
    })
  const withCallback = { customer: { name: "Gaurav Kumar", contact: "+919000090000", email: "gaurav.kumar@example.com" }, callback_url: "https://example-callback-url.com/", callback_method: "get", notify: { sms: true, email: true }, reminder_enable: true }
  scenarios["payment_link.paid.json"] = async () => {
    const link = await newLink()
    fake.payLink(link.id)
    return fake.webhook("payment_link.paid", fake.paymentLinks.get(link.id))
  }
  scenarios["payment_link.expired.json"] = async () => fake.webhook("payment_link.expired", fake.expireLink((await newLink(withCallback)).id))
  scenarios["payment_link.cancelled.json"] = async () => {
    const link = await newLink(withCallback)
    await rzp.paymentLink.cancel(link.id)
    return fake.webhook("payment_link.cancelled", fake.paymentLinks.get(link.id))
  }

  it("has a scenario for every webhook sample in fixtures/", () => {
    const samples = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".json"))
    expect(samples.sort()).toEqual(Object.keys(scenarios).sort())
  })

  for (const [name, scenario] of Object.entries(scenarios)) {
    it(`${name}: same keys at every level, same types (null for null)`, async () => {
      const sample = fixture(name)
      const { body, headers } = await scenario()
      const sent = JSON.parse(body)
      expect(differences(sample, sent)).toEqual([])
      expect(sent.event).toBe(sample.event)
      expect(sent.contains).toEqual(sample.contains)
      expect(Object.keys(sent.payload)).toEqual(expect.arrayContaining(sample.contains))
      if (!sent.event.startsWith("payment_link.")) expect(sent.payload.payment.entity.notes).toEqual([])
      expect(headers["x-razorpay-signature"]).toBe(require("crypto").createHmac("sha256", fake.webhookSecret).update(body).digest("hex"))
      expect(validateWebhookSignature(body, headers["x-razorpay-signature"], fake.webhookSecret)).toBe(true)
      expect(headers["x-razorpay-event-id"]).toMatch(/^evt_/)
      expect(headers["content-type"]).toBe("application/json")
    })
  }

  it("the differences check itself catches drift", () => {
    const sample = fixture("payment.captured.json")
    const drifted = JSON.parse(JSON.stringify(sample))
    delete drifted.payload.payment.entity.error_reason
    drifted.payload.payment.entity.amount = "100"
    drifted.payload.order = { entity: {} }
    expect(differences(sample, drifted)).toEqual([
      "$.payload.payment.entity.amount: number in Razorpay's sample, string in the fake",
      "$.payload.payment.entity.error_reason: missing in the fake",
      "$.payload.order: not in Razorpay's sample",
    ])
  })

  it("payment events carry the payment only, its notes empty; the session id stays on the order (order.paid)", async () => {
    const order = await newOrder()
    const { payment } = await fake.pay(order.id, { status: "captured" })
    const captured = JSON.parse(fake.webhook("payment.captured", payment).body)
    expect(captured.contains).toEqual(["payment"])
    expect(captured.payload.order).toBeUndefined()
    expect(captured.payload.payment.entity).toMatchObject({ id: payment.id, order_id: order.id, notes: [], status: "captured" })
    const paid = JSON.parse(fake.webhook("order.paid", payment).body)
    expect(paid.payload.order.entity).toMatchObject({ id: order.id, status: "paid", amount_paid: 100, amount_due: 0, attempts: 1, notes: { session_id: "payses_01TEST" } })
  })

  it("a webhook is a snapshot: a copy with another status is sent as given", async () => {
    const { payment } = await fake.pay((await newOrder()).id, { status: "captured" })
    const late = JSON.parse(fake.webhook("payment.authorized", { ...payment, status: "authorized" }, { eventId: "evt_same" }).body)
    expect(late.payload.payment.entity.status).toBe("authorized")
    expect(fake.webhook("payment.captured", payment, { eventId: "evt_same" }).headers["x-razorpay-event-id"]).toBe("evt_same")
  })

  it("refuses events the fake does not know", () => {
    expect(() => fake.webhook("payment.pending", {})).toThrow(/payment.authorized/)
  })
})

describe("REST answers have the shape of Razorpay's documented entities", () => {
  it("order (Create an Order)", async () => {
    const order = await rzp.orders.create({ amount: 5000, currency: "INR", receipt: "receipt#1", notes: { key1: "value3", key2: "value2" } })
    expect(differences(fixture("api/order.json"), order, { nullable: true })).toEqual([])
    expect(differences(fixture("api/order.json"), await rzp.orders.fetch(order.id), { nullable: true })).toEqual([])
  })

  it("payment (Fetch a Payment With ID): netbanking and UPI", async () => {
    for (const [method, name] of [["netbanking", "api/payment.json"], ["upi", "api/payment.upi.json"]]) {
      const { payment } = await fake.pay((await newOrder()).id, { status: "captured", method })
      expect(differences(fixture(name), await rzp.payments.fetch(payment.id), { nullable: true })).toEqual([])
    }
  })

  it("lists: payments (Fetch All Payments), an order's payments, a payment's refunds", async () => {
    const { payment } = await fake.pay((await newOrder()).id, { status: "captured", method: "netbanking" })
    await rzp.payments.refund(payment.id, { amount: 10 })

    const all = await rzp.payments.all({ count: 1 }) // the newest: the netbanking payment above, as in the sample
    const payments = fixture("api/payments.json")
    // customer_id appears only on payments of a saved Razorpay customer; the shop saves none.
    delete payments.items[0].customer_id
    expect(differences(payments, all, { nullable: true })).toEqual([])

    const ofOrder = await rzp.orders.fetchPayments(payment.order_id)
    const sample = fixture("api/order-payments.json")
    expect(Object.keys(ofOrder).sort()).toEqual(Object.keys(sample).sort())
    expect(differences(fixture("api/payment.json"), ofOrder.items[0], { nullable: true })).toEqual([])

    expect(differences(fixture("api/refunds.json"), await rzp.payments.fetchMultipleRefund(payment.id), { nullable: true })).toEqual([])
  })

  it("refund (Create a Normal Refund, Fetch Refund With ID)", async () => {
    const { payment } = await fake.pay((await newOrder()).id, { status: "captured" })
    const refund = await rzp.payments.refund(payment.id, { amount: 40 })
    expect(differences(fixture("api/refund.json"), refund, { nullable: true })).toEqual([])
    expect(differences(fixture("api/refund.fetch.json"), await rzp.refunds.fetch(refund.id), { nullable: true })).toEqual([])
  })

  it("instant refund (Create an Instant Refund): optimum is processed instant, or normal when no faster rail is free", async () => {
    const { payment } = await fake.pay((await newOrder()).id, { status: "captured" })
    const instant = await rzp.payments.refund(payment.id, { amount: 10, speed: "optimum", notes: { source: "shop" } })
    expect(differences(fixture("api/refund.instant.json"), instant, { nullable: true })).toEqual([])
    expect(instant).toMatchObject({ speed_requested: "optimum", speed_processed: "instant" })
    fake.instantRefunds = false
    try {
      const fallback = await rzp.payments.refund(payment.id, { amount: 10, speed: "optimum" })
      expect(fallback).toMatchObject({ speed_requested: "optimum", speed_processed: "normal" })
    } finally {
      fake.instantRefunds = true
    }
    expect(await rzp.payments.refund(payment.id, { amount: 10 })).toMatchObject({ speed_requested: "normal", speed_processed: "normal" })
  })

  it("errors: an unknown id, a bad amount (with its field), within Razorpay's documented error keys", async () => {
    const unknown = await rejection(rzp.payments.fetch("pay_DoesNotExist01"))
    expect(unknown.statusCode).toBe(400)
    expect(differences(fixture("api/error.id-does-not-exist.json"), { error: unknown.error })).toEqual([])
    expect(unknown.error.description).toBe("The id provided does not exist")

    const small = await rejection(rzp.orders.create({ amount: 50, currency: "INR" }))
    expect(differences(fixture("api/order.error.json"), { error: small.error })).toEqual([])
    expect(small.error).toMatchObject({ code: "BAD_REQUEST_ERROR", description: "The amount must be at least INR 1.00", field: "amount" })

    const documented = Object.keys(fixture("api/error.json").error)
    expect(documented).toEqual(expect.arrayContaining(Object.keys(small.error)))
  })
})

describe("the official SDK against the fake", () => {
  it("orders.create, pay, fetchPayments, payments.fetch, capture: Razorpay's order and payment life cycle", async () => {
    const order = await newOrder(66000, { receipt: "cart_01TEST" })
    expect(order).toMatchObject({ entity: "order", amount: 66000, amount_paid: 0, amount_due: 66000, currency: "INR", receipt: "cart_01TEST", status: "created", attempts: 0, offer_id: null })
    expect(order.id).toMatch(/^order_[0-9A-Za-z]{14}$/)
    expect(order.notes).toEqual({ session_id: "payses_01TEST" })

    const failed = await fake.pay(order.id, { status: "failed" })
    expect(failed.payment).toMatchObject({ status: "failed", error_code: "BAD_REQUEST_ERROR", error_reason: "payment_failed", captured: false })
    expect(await rzp.orders.fetch(order.id)).toMatchObject({ status: "attempted", attempts: 1, amount_paid: 0 })

    const { payment, checkout_response } = await fake.pay(order.id, { status: "authorized", method: "upi", email: "anita@example.in", contact: "+919812345678" })
    expect(checkout_response.razorpay_signature).toBe(
      require("crypto").createHmac("sha256", fake.keySecret).update(`${order.id}|${payment.id}`).digest("hex")
    )
    const listed = await rzp.orders.fetchPayments(order.id)
    expect(listed.entity).toBe("collection")
    expect(listed.count).toBe(2)
    expect(listed.items.map((p) => p.status)).toEqual(["authorized", "failed"])

    const fetched = await rzp.payments.fetch(payment.id)
    expect(fetched).toMatchObject({
      id: payment.id,
      entity: "payment",
      amount: 66000,
      currency: "INR",
      status: "authorized",
      order_id: order.id,
      method: "upi",
      captured: false,
      email: "anita@example.in",
      contact: "+919812345678",
      notes: [],
      fee: null,
      tax: null,
      amount_refunded: 0,
      refund_status: null,
    })
    expect(await rzp.orders.fetch(order.id)).toMatchObject({ status: "attempted", attempts: 2, amount_paid: 0, amount_due: 66000 })

    const captured = await rzp.payments.capture(payment.id, 66000, "INR")
    expect(captured).toMatchObject({ id: payment.id, status: "captured", captured: true, fee: 1558, tax: 238 })
    expect(await rzp.orders.fetch(order.id)).toMatchObject({ status: "paid", amount_paid: 66000, amount_due: 0, attempts: 2 })

    const again = await rejection(rzp.payments.capture(payment.id, 66000, "INR"))
    expect(again.error.description).toBe("This payment has already been captured")
    const notAuthorized = await rejection(rzp.payments.capture(failed.payment.id, 66000, "INR"))
    expect(notAuthorized.statusCode).toBe(400)
    const { payment: other } = await fake.pay((await newOrder(500)).id, { status: "authorized" })
    const wrongAmount = await rejection(rzp.payments.capture(other.id, 400, "INR"))
    expect(wrongAmount.error.description).toBe("Capture amount must be equal to the amount authorized")
  })

  it("payments.refund, fetchMultipleRefund, fetchRefund, refunds.fetch: partial then full, and the refusals", async () => {
    const order = await newOrder(66000)
    const { payment } = await fake.pay(order.id, { status: "authorized", method: "netbanking" })
    const notCaptured = await rejection(rzp.payments.refund(payment.id, { amount: 100 }))
    expect(notCaptured.error.description).toBe("The payment has not been captured")
    await rzp.payments.capture(payment.id, 66000, "INR")

    const first = await rzp.payments.refund(payment.id, { amount: 19999, speed: "optimum", notes: { reason: "one box short" }, receipt: "rf_1" })
    expect(first).toMatchObject({
      entity: "refund",
      amount: 19999,
      currency: "INR",
      payment_id: payment.id,
      notes: { reason: "one box short" },
      receipt: "rf_1",
      status: "processed",
      speed_requested: "optimum",
      batch_id: null,
    })
    expect(first.id).toMatch(/^rfnd_[0-9A-Za-z]{14}$/)
    expect(await rzp.payments.fetch(payment.id)).toMatchObject({ status: "captured", amount_refunded: 19999, refund_status: "partial" })

    const tooMuch = await rejection(rzp.payments.refund(payment.id, { amount: 66000 }))
    expect(tooMuch.error.description).toBe("The refund amount provided is greater than amount captured")

    const rest = await rzp.payments.refund(payment.id) // no amount: the rest
    expect(rest).toMatchObject({ amount: 66000 - 19999, notes: [], receipt: null, speed_requested: "normal", speed_processed: "normal" })
    expect(await rzp.payments.fetch(payment.id)).toMatchObject({ status: "refunded", amount_refunded: 66000, refund_status: "full" })
    const done = await rejection(rzp.payments.refund(payment.id, { amount: 1 }))
    expect(done.error.description).toBe("The payment has been fully refunded already")

    const list = await rzp.payments.fetchMultipleRefund(payment.id)
    expect(list).toMatchObject({ entity: "collection", count: 2 })
    expect(list.items.map((r) => r.id)).toEqual([rest.id, first.id])
    expect(await rzp.payments.fetchMultipleRefund(payment.id, { count: 1, skip: 1 })).toMatchObject({ count: 1, items: [{ id: first.id }] })
    expect(await rzp.refunds.fetch(first.id)).toEqual(first)
    expect(await rzp.payments.fetchRefund(payment.id, first.id)).toEqual(first)
    expect(fake.refunds.get(first.id)).toEqual(first)
    expect((await rejection(rzp.refunds.fetch("rfnd_DoesNotExist01"))).error.description).toBe("The id provided does not exist")
  })

  it("payments.all({ from, to, count, skip }): created_at within [from, to], newest first, count 10 by default and 100 at most", async () => {
    const local = await startFakeRazorpay({ port: 0 })
    const sdk = new Razorpay({ key_id: local.keyId, key_secret: local.keySecret })
    sdk.api.rq.defaults.baseURL = local.url
    try {
      const t0 = 1767225600 // 2026-01-01 00:00 UTC
      const order = await sdk.orders.create({ amount: 100, currency: "INR" })
      const ids = []
      for (let i = 0; i < 12; i++) ids.push((await local.pay(order.id, { status: "failed", createdAt: t0 + i * 60 })).payment.id)
      const newestFirst = [...ids].reverse()

      const all = await sdk.payments.all()
      expect(all).toMatchObject({ entity: "collection", count: 10 })
      expect(all.items.map((p) => p.id)).toEqual(newestFirst.slice(0, 10))

      const window = await sdk.payments.all({ from: t0 + 60, to: t0 + 180 })
      expect(window.items.map((p) => p.id)).toEqual([ids[3], ids[2], ids[1]])
      expect(window.items.map((p) => p.created_at)).toEqual([t0 + 180, t0 + 120, t0 + 60])

      const page = await sdk.payments.all({ from: t0, to: t0 + 3600, count: 5, skip: 5 })
      expect(page.count).toBe(5)
      expect(page.items.map((p) => p.id)).toEqual(newestFirst.slice(5, 10))
      expect((await sdk.payments.all({ from: t0 + 7200 })).items).toEqual([])
      expect((await sdk.payments.all({ count: 100 })).count).toBe(12)

      const tooMany = await rejection(sdk.payments.all({ count: 101 }))
      expect(tooMany.statusCode).toBe(400)
      expect(tooMany.error.field).toBe("count")
      const early = await rejection(sdk.payments.all({ from: 100 }))
      expect(early.error.description).toBe("from must be between 946684800 and 4765046400")
    } finally {
      await local.close()
    }
  })

  it("failNext: Razorpay's SERVER_ERROR or no answer, on every call or on one (the payments listing)", async () => {
    const { payment } = await fake.pay((await newOrder()).id, { status: "captured" })
    fake.failNext(1, "500", { only: "GET /v1/payments" })
    expect(await rzp.payments.fetch(payment.id)).toMatchObject({ id: payment.id })
    const down = await rejection(rzp.payments.all({ count: 1 }))
    expect(down.statusCode).toBe(500)
    expect(down.error).toMatchObject({ code: "SERVER_ERROR" })
    expect((await rzp.payments.all({ count: 1 })).entity).toBe("collection")

    fake.failNext(1, "500")
    expect((await rejection(rzp.payments.all({ count: 1 }))).statusCode).toBe(500)

    const timeout = rzp.api.rq.defaults.timeout
    rzp.api.rq.defaults.timeout = 300
    try {
      fake.failNext(1, "hang", { only: /^GET \/v1\/payments$/ })
      await expect(rzp.payments.all({ count: 1 })).rejects.toBeTruthy()
      expect((await rzp.payments.all({ count: 1 })).entity).toBe("collection")
    } finally {
      rzp.api.rq.defaults.timeout = timeout
    }
  })

  it("a refund made in the dashboard: fake.refund, then refund.processed carries the refund and the refunded payment", async () => {
    const { payment } = await fake.pay((await newOrder(1000)).id, { status: "captured" })
    const refund = fake.refund(payment.id, { amount: 250 })
    expect(refund).toMatchObject({ entity: "refund", amount: 250, payment_id: payment.id, status: "processed" })
    const sent = JSON.parse(fake.webhook("refund.processed", refund).body)
    expect(sent.contains).toEqual(["refund", "payment"])
    expect(sent.payload.refund.entity).toEqual(refund)
    expect(sent.payload.payment.entity).toMatchObject({ id: payment.id, amount_refunded: 250, refund_status: "partial", status: "captured" })
    expect((await rzp.payments.fetchMultipleRefund(payment.id)).items).toEqual([refund])
    expect(() => fake.refund(payment.id, { amount: 1000 })).toThrow("The refund amount provided is greater than amount captured")
  })

  it("paymentLink.create, fetch, cancel; the customer pays: a Razorpay order with the link's notes and a captured payment; the refusals", async () => {
    const expireBy = Math.floor(Date.now() / 1000) + 3600
    const link = await rzp.paymentLink.create({
      amount: 66000,
      currency: "INR",
      description: "Sweet Shop order",
      customer: { name: "Asha", contact: "+919812345678", email: "asha@example.com" },
      notify: { sms: false, email: false },
      reminder_enable: false,
      expire_by: expireBy,
      reference_id: "draft-1",
      notes: { draft_order_id: "order_01X" },
      callback_url: "https://shop.example/thanks",
      callback_method: "get",
    })
    expect(differences(fixture("api/payment_link.json"), link, { nullable: true })).toEqual([])
    expect(link).toMatchObject({ amount: 66000, status: "created", expire_by: expireBy, reference_id: "draft-1", notes: { draft_order_id: "order_01X" }, payments: [] })
    expect(link.id).toMatch(/^plink_[A-Za-z0-9]{14}$/)
    expect((await rejection(rzp.paymentLink.create({ amount: 1000, reference_id: "draft-1" }))).statusCode).toBe(400)
    expect((await rejection(rzp.paymentLink.create({ amount: 10.5 }))).error.field).toBe("amount")
    expect((await rejection(rzp.paymentLink.create({ amount: 1000, expire_by: 1000 }))).error.field).toBe("expire_by")

    const page = await fetch(link.short_url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain("₹660.00")

    const { payment, order } = fake.payLink(link.id)
    expect(payment).toMatchObject({ status: "captured", captured: true, amount: 66000, method: "upi", order_id: order.id, contact: "+919812345678" })
    expect(await rzp.orders.fetch(order.id)).toMatchObject({ amount: 66000, amount_paid: 66000, status: "paid", notes: { draft_order_id: "order_01X" }, receipt: "draft-1" })
    const fetched = await rzp.paymentLink.fetch(link.id)
    expect(fetched).toMatchObject({ status: "paid", amount_paid: 66000, payments: [{ payment_id: payment.id, plink_id: link.id, status: "captured", amount: 66000 }] })
    expect((await rejection(rzp.paymentLink.cancel(link.id))).error.description).toMatch(/already paid/)
    expect(() => fake.payLink(link.id)).toThrow(/paid/)

    const sent = JSON.parse(fake.webhook("payment_link.paid", fake.paymentLinks.get(link.id)).body)
    expect(sent.payload.payment_link.entity).toMatchObject({ id: link.id, status: "paid", order_id: order.id, notes: { draft_order_id: "order_01X" } })
    expect(sent.payload.payment.entity).toMatchObject({ id: payment.id, order_id: order.id })

    const other = await rzp.paymentLink.create({ amount: 1000, expire_by: expireBy })
    expect(await rzp.paymentLink.cancel(other.id)).toMatchObject({ status: "cancelled" })
    expect(() => fake.payLink(other.id)).toThrow(/cancelled/)
    const third = await rzp.paymentLink.create({ amount: 1000, expire_by: expireBy })
    expect(fake.expireLink(third.id)).toMatchObject({ status: "expired" })
    expect((await rzp.paymentLink.fetch(third.id)).expired_at).toBeGreaterThan(0)
    expect((await rejection(rzp.paymentLink.fetch("plink_nope"))).statusCode).toBe(400)
  })

  it("started with webhookUrl, a link paid on its page delivers payment_link.paid there, signed, before answering; without it nothing is sent", async () => {
    const http = require("http")
    const received = []
    const shop = http.createServer((req, res) => {
      let body = ""
      req.on("data", (c) => (body += c))
      req.on("end", () => {
        received.push({ body, headers: req.headers })
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}')
      })
    })
    await new Promise((r) => shop.listen(0, "127.0.0.1", r))
    const hooked = await startFakeRazorpay({ port: 0, webhookUrl: `http://127.0.0.1:${shop.address().port}/hooks/payment/razorpay_razorpay` })
    try {
      const api = new Razorpay({ key_id: hooked.keyId, key_secret: hooked.keySecret })
      api.api.rq.defaults.baseURL = hooked.url
      const link = await api.paymentLink.create({ amount: 50000, expire_by: Math.floor(Date.now() / 1000) + 3600, notes: { draft_order_id: "order_01Y" } })
      const paid = await (await fetch(`${hooked.url}/__fake/payment_links/${link.id}/pay`, { method: "POST" })).json()
      expect(paid.webhook).toMatchObject({ event: "payment_link.paid", status: 200, text: '{"ok":true}' })
      expect(received).toHaveLength(1)
      const { body, headers } = received[0]
      expect(validateWebhookSignature(body, headers["x-razorpay-signature"], hooked.webhookSecret)).toBe(true)
      expect(headers["x-razorpay-event-id"]).toBe(paid.webhook.event_id)
      expect(JSON.parse(body)).toMatchObject({ event: "payment_link.paid", payload: { payment_link: { entity: { id: link.id, status: "paid" } }, payment: { entity: { id: paid.payment.id } } } })
      expect(hooked.deliveries).toEqual([paid.webhook])

      // The fake without webhookUrl (the one every other test uses) sends nothing.
      const plain = await rzp.paymentLink.create({ amount: 50000, expire_by: Math.floor(Date.now() / 1000) + 3600 })
      const quiet = await (await fetch(`${fake.url}/__fake/payment_links/${plain.id}/pay`, { method: "POST" })).json()
      expect(quiet.webhook).toBeNull()
      expect(received).toHaveLength(1)
    } finally {
      await hooked.close()
      await new Promise((r) => shop.close(r))
    }
  })

  it("wrong keys get Razorpay's authentication error", async () => {
    const stranger = new Razorpay({ key_id: "rzp_test_other", key_secret: "nope" })
    stranger.api.rq.defaults.baseURL = fake.url
    const refused = await rejection(stranger.orders.create({ amount: 100, currency: "INR" }))
    expect(refused.statusCode).toBe(401)
    expect(refused.error).toMatchObject({ code: "BAD_REQUEST_ERROR", description: "The api key provided is invalid" })
  })
})

describe("the shopper's side: /__fake/pay and checkout.js", () => {
  it("records the payment with the prefilled email and phone, and answers a signed checkout response", async () => {
    const order = await newOrder()
    const res = await fetch(`${fake.url}/__fake/pay`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ order_id: order.id, status: "captured", email: "anita@example.in", contact: "+919812345678" }),
    })
    expect(res.headers.get("access-control-allow-origin")).toBe("*")
    const { payment, checkout_response } = await res.json()
    expect(payment).toMatchObject({ order_id: order.id, status: "captured", email: "anita@example.in", contact: "+919812345678", notes: [] })
    expect(checkout_response).toMatchObject({ razorpay_payment_id: payment.id, razorpay_order_id: order.id })
    const script = await fetch(`${fake.url}/checkout.js`)
    expect(script.headers.get("content-type")).toMatch(/javascript/)
    expect(await script.text()).toContain("window.Razorpay = Razorpay")
  })
})
