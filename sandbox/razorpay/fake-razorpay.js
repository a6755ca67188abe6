// A fake Razorpay for tests and the sandbox, speaking the REST API the
// official SDK uses (Basic auth with key id and secret, Razorpay's error format):
//   POST /v1/orders, GET /v1/orders/:id, GET /v1/orders/:id/payments
//   GET /v1/payments/:id, POST /v1/payments/:id/capture, POST /v1/payments/:id/refund
// and, standing in for the shopper's browser and the bank:
//   POST /__fake/pay { order_id, status?, amount? }  → a payment and the signed checkout response
//   GET /checkout.js → a stand-in for Razorpay's checkout.js that drives the two above from a page
//   fake.webhook(event, payment) → a correctly signed webhook body and headers
// Run alone: node sandbox/razorpay/fake-razorpay.js [port]
"use strict"
const crypto = require("crypto")
const http = require("http")
const { checkoutScript } = require("./checkout-js")

const hmac = (secret, payload) => crypto.createHmac("sha256", secret).update(payload).digest("hex")
const id = (prefix) => `${prefix}_${crypto.randomBytes(7).toString("hex")}`

function startFakeRazorpay({ port = 0, keyId = "rzp_test_sandbox", keySecret = "sandbox-key-secret", webhookSecret = "sandbox-webhook-secret" } = {}) {
  const orders = new Map()
  const payments = new Map()
  let failNext = { count: 0, mode: "500" }

  function createPayment({ order_id, status = "captured", amount }) {
    const order = orders.get(order_id)
    if (!order) return null
    const payment = {
      id: id("pay"),
      entity: "payment",
      amount: amount ?? order.amount,
      currency: order.currency,
      status,
      order_id,
      method: "upi",
      captured: status === "captured",
      amount_refunded: 0,
      notes: order.notes,
      created_at: Math.floor(Date.now() / 1000),
    }
    payments.set(payment.id, payment)
    if (status === "captured" && payment.amount === order.amount) {
      order.amount_paid = order.amount
      order.amount_due = 0
      order.status = "paid"
    }
    return payment
  }

  const server = http.createServer((req, res) => {
    const chunks = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const url = new URL(req.url, "http://fake")
      // The checkout popup runs on the shop's page and calls /__fake/pay from there.
      const fromPage = url.pathname.startsWith("/__fake/")
      const send = (status, body) => {
        res.writeHead(status, { "content-type": "application/json", ...(fromPage ? { "access-control-allow-origin": "*" } : {}) })
        res.end(JSON.stringify(body))
      }
      const error = (status, code, description) => send(status, { error: { code, description, source: "business", reason: "input_validation_failed" } })
      let body = {}
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {}
      } catch {
        return error(400, "BAD_REQUEST_ERROR", "The request body is not JSON")
      }

      if (req.method === "GET" && url.pathname === "/checkout.js") {
        res.writeHead(200, { "content-type": "application/javascript; charset=utf-8", "access-control-allow-origin": "*", "cache-control": "no-store" })
        return res.end(checkoutScript())
      }

      if (req.method === "POST" && url.pathname === "/__fake/pay") {
        const payment = createPayment(body)
        if (!payment) return error(404, "BAD_REQUEST_ERROR", "No such order")
        return send(200, {
          payment,
          checkout_response: {
            razorpay_payment_id: payment.id,
            razorpay_order_id: payment.order_id,
            razorpay_signature: hmac(keySecret, `${payment.order_id}|${payment.id}`),
          },
        })
      }

      const expected = "Basic " + Buffer.from(`${keyId}:${keySecret}`).toString("base64")
      if (req.headers.authorization !== expected) return error(401, "BAD_REQUEST_ERROR", "Authentication failed")
      if (failNext.count > 0 && url.pathname.startsWith("/v1/")) {
        failNext.count -= 1
        if (failNext.mode === "hang") return // never answers: the client's timeout decides
        return error(500, "SERVER_ERROR", "We are facing some trouble completing your request at the moment")
      }

      let m
      if (req.method === "POST" && url.pathname === "/v1/orders") {
        if (!Number.isInteger(body.amount) || body.amount < 100) return error(400, "BAD_REQUEST_ERROR", "The amount must be atleast INR 1.00")
        if (body.receipt && String(body.receipt).length > 40) return error(400, "BAD_REQUEST_ERROR", "receipt: the length must be no more than 40.")
        const order = {
          id: id("order"),
          entity: "order",
          amount: body.amount,
          amount_paid: 0,
          amount_due: body.amount,
          currency: body.currency || "INR",
          receipt: body.receipt,
          status: "created",
          attempts: 0,
          notes: body.notes || {},
          created_at: Math.floor(Date.now() / 1000),
        }
        orders.set(order.id, order)
        return send(200, order)
      }
      if (req.method === "GET" && (m = /^\/v1\/orders\/([^/]+)$/.exec(url.pathname))) {
        return orders.has(m[1]) ? send(200, orders.get(m[1])) : error(400, "BAD_REQUEST_ERROR", "The id provided does not exist")
      }
      if (req.method === "GET" && (m = /^\/v1\/orders\/([^/]+)\/payments$/.exec(url.pathname))) {
        const items = [...payments.values()].filter((p) => p.order_id === m[1])
        return send(200, { entity: "collection", count: items.length, items })
      }
      if (req.method === "GET" && (m = /^\/v1\/payments\/([^/]+)$/.exec(url.pathname))) {
        return payments.has(m[1]) ? send(200, payments.get(m[1])) : error(400, "BAD_REQUEST_ERROR", "The id provided does not exist")
      }
      if (req.method === "POST" && (m = /^\/v1\/payments\/([^/]+)\/capture$/.exec(url.pathname))) {
        const payment = payments.get(m[1])
        if (!payment) return error(400, "BAD_REQUEST_ERROR", "The id provided does not exist")
        if (payment.status !== "authorized") return error(400, "BAD_REQUEST_ERROR", "This payment has already been captured")
        if (body.amount !== payment.amount) return error(400, "BAD_REQUEST_ERROR", "Capture amount must be equal to the amount authorized")
        payment.status = "captured"
        payment.captured = true
        return send(200, payment)
      }
      if (req.method === "POST" && (m = /^\/v1\/payments\/([^/]+)\/refund$/.exec(url.pathname))) {
        const payment = payments.get(m[1])
        if (!payment) return error(400, "BAD_REQUEST_ERROR", "The id provided does not exist")
        const amount = body.amount ?? payment.amount - payment.amount_refunded
        if (payment.status !== "captured" && payment.status !== "refunded") return error(400, "BAD_REQUEST_ERROR", "The payment has not been captured")
        if (amount > payment.amount - payment.amount_refunded) return error(400, "BAD_REQUEST_ERROR", "The refund amount provided is greater than amount captured")
        payment.amount_refunded += amount
        if (payment.amount_refunded === payment.amount) payment.status = "refunded"
        return send(200, { id: id("rfnd"), entity: "refund", amount, currency: payment.currency, payment_id: payment.id, status: "processed" })
      }
      error(404, "BAD_REQUEST_ERROR", `The requested URL was not found on the server (${req.method} ${url.pathname})`)
    })
  })

  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}`
      resolve({
        url,
        keyId,
        keySecret,
        webhookSecret,
        orders,
        payments,
        providerOptions: { key_id: keyId, key_secret: keySecret, webhook_secret: webhookSecret, api_base_url: url },
        /** The shopper pays in the checkout popup; returns what checkout.js hands the page. */
        async pay(orderId, { status = "captured", amount } = {}) {
          const payment = createPayment({ order_id: orderId, status, amount })
          if (!payment) throw new Error(`no order ${orderId}`)
          return {
            payment,
            checkout_response: {
              razorpay_payment_id: payment.id,
              razorpay_order_id: orderId,
              razorpay_signature: hmac(keySecret, `${orderId}|${payment.id}`),
            },
          }
        },
        /** A webhook delivery as Razorpay would send it: the body and its signed headers. */
        webhook(event, payment, { eventId = id("evt") } = {}) {
          const order = orders.get(payment.order_id)
          const body = JSON.stringify({
            entity: "event",
            account_id: "acc_sandbox",
            event,
            contains: ["payment"],
            payload: { payment: { entity: payment }, ...(order ? { order: { entity: order } } : {}) },
            created_at: Math.floor(Date.now() / 1000),
          })
          return { body, headers: { "content-type": "application/json", "x-razorpay-signature": hmac(webhookSecret, body), "x-razorpay-event-id": eventId } }
        },
        failNext(count = 1, mode = "500") {
          failNext = { count, mode }
        },
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.()
            server.close(() => done())
          }),
      })
    })
  })
}

module.exports = { startFakeRazorpay }

if (require.main === module) {
  startFakeRazorpay({ port: Number(process.argv[2] || 9410) }).then((fake) => {
    process.stdout.write(
      `Fake Razorpay (test mode) at ${fake.url}\nRAZORPAY_KEY_ID=${fake.keyId} RAZORPAY_KEY_SECRET=${fake.keySecret} RAZORPAY_WEBHOOK_SECRET=${fake.webhookSecret} RAZORPAY_API_BASE_URL=${fake.url}\n`
    )
  })
}
