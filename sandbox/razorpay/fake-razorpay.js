// A fake Razorpay for tests and the sandbox, speaking the REST API the official SDK uses
// (Basic auth with key id and secret, Razorpay's error format) with the entities and webhook
// bodies Razorpay documents. razorpay/fixtures/ keeps Razorpay's published samples and
// razorpay/__tests__/ checks this fake against them key by key, so it cannot drift from the vendor.
//   POST /v1/orders, GET /v1/orders/:id, GET /v1/orders/:id/payments
//   GET /v1/payments?from=&to=&count=&skip=, GET /v1/payments/:id, POST /v1/payments/:id/capture
//   POST /v1/payments/:id/refund, GET /v1/payments/:id/refunds[/:refund_id], GET /v1/refunds[/:id]
//   POST /v1/payment_links, GET /v1/payment_links/:id, POST /v1/payment_links/:id/cancel
// and, standing in for the shopper's browser, the bank and the Razorpay dashboard:
//   POST /__fake/pay { order_id, status?, amount?, method?, email?, contact? } → a payment and the signed checkout response
//   GET /checkout.js → a stand-in for Razorpay's checkout.js that drives the above from a page
//   fake.pay(orderId, options), fake.refund(paymentId, options) (a refund made in the dashboard)
//   fake.webhook(event, entity, options) → the body Razorpay would send for that event, signed
//   fake.payLink(id, options) (the customer pays a payment link: a Razorpay order and a captured payment),
//   fake.expireLink(id) (expire_by has passed); POST /__fake/payment_links/:id/pay does the former over HTTP
//   and, given webhookUrl (the dashboard's webhook), delivers payment_link.paid there, signed
// Run alone: node sandbox/razorpay/fake-razorpay.js [port]
"use strict"
const crypto = require("crypto")
const http = require("http")
const { checkoutScript } = require("./checkout-js")

const hmac = (secret, payload) => crypto.createHmac("sha256", secret).update(payload).digest("hex")
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
/** Razorpay ids: a prefix, "_", 14 letters and digits (pay_DESlfW9H8K9uqM). */
const id = (prefix) => `${prefix}_${Array.from({ length: 14 }, () => BASE62[crypto.randomInt(62)]).join("")}`
const digits = (n) => Array.from({ length: n }, () => crypto.randomInt(10)).join("")
const now = () => Math.floor(Date.now() / 1000)
const clone = (value) => JSON.parse(JSON.stringify(value))

// The payment entity, field for field and in the order of Razorpay's samples ("Fetch a Payment
// With ID"; every payment.* webhook sample). A UPI payment also carries `upi` at the end.
const PAYMENT_FIELDS = [
  "id", "entity", "amount", "currency", "status", "order_id", "invoice_id", "international", "method",
  "amount_refunded", "refund_status", "captured", "description", "card_id", "bank", "wallet", "vpa",
  "email", "contact", "notes", "fee", "tax", "error_code", "error_description", "error_source",
  "error_step", "error_reason", "acquirer_data", "created_at",
]
// payment.captured and refund.* samples also carry base_amount and amount_transferred.
const PAYMENT_FIELDS_WITH_TRANSFERS = PAYMENT_FIELDS.flatMap((k) =>
  k === "currency" ? [k, "base_amount"] : k === "amount_refunded" ? [k, "amount_transferred"] : [k]
)
// order.paid's sample payment stops at error_description (no error_source/step/reason, no acquirer_data, no upi).
const ORDER_PAID_PAYMENT_FIELDS = PAYMENT_FIELDS.filter((k) => !["error_source", "error_step", "error_reason", "acquirer_data"].includes(k))
const ORDER_FIELDS = ["id", "entity", "amount", "amount_paid", "amount_due", "currency", "receipt", "offer_id", "status", "attempts", "notes", "created_at"]
const REFUND_FIELDS = [
  "id", "entity", "amount", "currency", "payment_id", "notes", "receipt", "acquirer_data", "created_at",
  "batch_id", "status", "speed_processed", "speed_requested",
]

/** What each webhook event carries, as in Razorpay's sample payloads. */
const EVENTS = {
  "payment.authorized": { contains: ["payment"], paymentFields: PAYMENT_FIELDS, upi: true },
  "payment.captured": { contains: ["payment"], paymentFields: PAYMENT_FIELDS_WITH_TRANSFERS, upi: true },
  "payment.failed": { contains: ["payment"], paymentFields: PAYMENT_FIELDS, upi: true },
  "order.paid": { contains: ["payment", "order"], paymentFields: ORDER_PAID_PAYMENT_FIELDS, upi: false },
  "refund.created": { contains: ["refund", "payment"], paymentFields: PAYMENT_FIELDS_WITH_TRANSFERS, upi: true },
  "refund.processed": { contains: ["refund", "payment"], paymentFields: PAYMENT_FIELDS_WITH_TRANSFERS, upi: true },
  "refund.failed": { contains: ["refund", "payment"], paymentFields: PAYMENT_FIELDS_WITH_TRANSFERS, upi: true },
}

// Payment links ("Payment Links Entity"; "Payment Links Webhook Events"): the REST entity and the
// entity inside payment_link.* webhooks differ (the webhook's adds order_id once paid, upi_link,
// whatsapp_link and notify.whatsapp, and has no payments); callback_url/callback_method and the
// customer's keys appear as they were given. Keys in the samples' (alphabetical) order.
const PAYMENT_LINK_FIELDS = [
  "accept_partial", "amount", "amount_paid", "callback_method", "callback_url", "cancelled_at", "created_at",
  "currency", "customer", "description", "expire_by", "expired_at", "first_min_partial_amount", "id", "notes",
  "notify", "payments", "reference_id", "reminder_enable", "reminders", "short_url", "status", "updated_at", "user_id",
]
const PAYMENT_LINK_EVENT_FIELDS = [
  "accept_partial", "amount", "amount_paid", "callback_method", "callback_url", "cancelled_at", "created_at",
  "currency", "customer", "description", "expire_by", "expired_at", "first_min_partial_amount", "id", "notes",
  "notify", "order_id", "reference_id", "reminder_enable", "reminders", "short_url", "status", "updated_at",
  "upi_link", "user_id", "whatsapp_link",
]
// payment_link.paid's order: Razorpay's internal order record, as the sample shows it.
const LINK_ORDER_FIELDS = [
  "account_number", "amount", "amount_due", "amount_paid", "app_offer", "attempts", "authorized", "bank",
  "bank_account", "checkout_config_id", "created_at", "currency", "customer_id", "discount",
  "first_payment_min_amount", "force_offer", "id", "late_auth_config_id", "merchant_id", "method", "notes", "offers",
  "order_metas", "order_relationships", "partial_payment", "payer_name", "payment_capture", "product_id",
  "product_type", "provider_context", "public_key", "public_response", "receipt", "reference2", "reference3",
  "reference4", "reference5", "reference6", "reference7", "reference8", "source", "status", "transfers", "updated_at",
]
// payment_link.paid's payment (a UPI payment in the sample): alphabetical, with card, fee_bearer, and upi without flow.
const LINK_PAYMENT_FIELDS = [
  "acquirer_data", "amount", "amount_refunded", "amount_transferred", "bank", "base_amount", "captured", "card",
  "card_id", "contact", "created_at", "currency", "description", "email", "entity", "error_code",
  "error_description", "error_reason", "error_source", "error_step", "fee", "fee_bearer", "id", "international",
  "invoice_id", "method", "notes", "order_id", "refund_status", "status", "tax", "upi", "vpa", "wallet",
]
const PAYMENT_LINK_EVENTS = ["payment_link.paid", "payment_link.expired", "payment_link.cancelled"]
const SIX_MONTHS = 183 * 24 * 3600

const METHODS = ["upi", "netbanking", "wallet"]
// The failure Razorpay's payment.failed samples show for each method.
const FAILURE = {
  netbanking: { code: "BAD_REQUEST_ERROR", description: "Payment failed", source: "bank", step: "payment_authorization", reason: "payment_failed" },
  upi: { code: "BAD_REQUEST_ERROR", description: "Payment failed", source: "issuer", step: "payment_authorization", reason: "payment_failed" },
  wallet: { code: "BAD_REQUEST_ERROR", description: "Payment failed", source: "issuer", step: "payment_authorization", reason: "payment_failed" },
}

const pick = (source, fields) => Object.fromEntries(fields.map((k) => [k, source[k]]))

/** Razorpay's fee (2%) including 18% GST on it, in paise: 100 → fee 2, tax 0; 500000 → fee 11800, tax 1800. */
function fees(amount) {
  const base = Math.round(amount * 0.02)
  const tax = Math.round(base * 0.18)
  return { fee: base + tax, tax }
}

class RazorpayError extends Error {
  constructor(status, description, { code = "BAD_REQUEST_ERROR", source = "business", step = "payment_initiation", reason = "input_validation_failed", field } = {}) {
    super(description)
    this.status = status
    this.body = { error: { code, description, source, step, reason, metadata: {}, ...(field ? { field } : {}) } }
  }
}
const noSuchId = () => new RazorpayError(400, "The id provided does not exist")

function startFakeRazorpay({ port = 0, keyId = "rzp_test_sandbox", keySecret = "sandbox-key-secret", webhookSecret = "sandbox-webhook-secret", webhookUrl } = {}) {
  const orders = new Map()
  const payments = new Map()
  const refunds = new Map()
  const paymentLinks = new Map()
  const accountId = id("acc")
  let baseUrl = ""
  let failing = { count: 0, mode: "500", only: undefined }
  let sequence = 0 // breaks ties between entities created in the same second: newest first
  // Razorpay's instant refund ("Create an Instant Refund"): speed "optimum" is processed at speed "instant"
  // when a faster rail is available, else at "normal". fake.instantRefunds = false plays the fallback.
  const refundRails = { instant: true }

  function capture(payment) {
    const order = orders.get(payment.order_id)
    Object.assign(payment, { status: "captured", captured: true, ...fees(payment.amount) })
    if (order) {
      order.amount_paid += payment.amount
      order.amount_due = Math.max(0, order.amount - order.amount_paid)
      order.status = order.amount_paid >= order.amount ? "paid" : "attempted"
    }
  }

  function createPayment({ order_id, status = "captured", amount, method = "upi", email, contact, vpa, bank, wallet, createdAt, error, description = null } = {}) {
    const order = orders.get(order_id)
    if (!order) throw new RazorpayError(404, "No such order")
    if (!["authorized", "captured", "failed"].includes(status)) throw new RazorpayError(400, `status must be authorized, captured or failed, not ${status}`)
    if (!METHODS.includes(method)) throw new RazorpayError(400, `method must be one of ${METHODS.join(", ")} in the fake, not ${method}`)
    const failed = status === "failed"
    const failure = failed ? { ...FAILURE[method], ...(error || {}) } : null
    const upiVpa = vpa ?? "gaurav.kumar@upi"
    const payment = {
      id: id("pay"),
      entity: "payment",
      amount: amount ?? order.amount,
      currency: order.currency,
      status: failed ? "failed" : "authorized",
      order_id,
      invoice_id: null,
      international: false,
      method,
      amount_refunded: 0,
      refund_status: null,
      captured: false,
      description,
      card_id: null,
      bank: method === "netbanking" ? bank ?? "HDFC" : null,
      wallet: method === "wallet" ? wallet ?? "payzapp" : null,
      vpa: method === "upi" ? upiVpa : null,
      email: email ?? "gaurav.kumar@example.com",
      contact: contact ?? "+919876543210",
      // A payment's notes are its own (none from checkout): the order's notes stay on the order.
      notes: [],
      fee: null,
      tax: null,
      error_code: failure ? failure.code : null,
      error_description: failure ? failure.description : null,
      error_source: failure ? failure.source : null,
      error_step: failure ? failure.step : null,
      error_reason: failure ? failure.reason : null,
      acquirer_data:
        method === "netbanking"
          ? { bank_transaction_id: failed ? null : digits(10) }
          : method === "upi"
            ? { rrn: failed ? null : digits(12) }
            : { transaction_id: null },
      created_at: createdAt ?? now(),
      ...(method === "upi" ? { upi: { payer_account_type: "bank_account", vpa: upiVpa, flow: "intent" } } : {}),
    }
    Object.defineProperty(payment, "_seq", { value: ++sequence })
    payments.set(payment.id, payment)
    order.attempts += 1
    if (order.status !== "paid") order.status = "attempted"
    if (status === "captured") capture(payment)
    return payment
  }

  function checkoutResponse(payment) {
    return {
      razorpay_payment_id: payment.id,
      razorpay_order_id: payment.order_id,
      razorpay_signature: hmac(keySecret, `${payment.order_id}|${payment.id}`),
    }
  }

  function createRefund(paymentId, { amount, speed = "normal", notes, receipt } = {}) {
    const payment = payments.get(paymentId)
    if (!payment) throw noSuchId()
    if (payment.status === "refunded") throw new RazorpayError(400, "The payment has been fully refunded already")
    if (payment.status !== "captured") throw new RazorpayError(400, "The payment has not been captured")
    const left = payment.amount - payment.amount_refunded
    const paise = amount ?? left
    if (!Number.isInteger(paise) || paise < 1) throw new RazorpayError(400, "The amount must be an integer.", { field: "amount" })
    if (paise > left) throw new RazorpayError(400, "The refund amount provided is greater than amount captured")
    if (!["normal", "optimum"].includes(speed)) throw new RazorpayError(400, "The selected speed is invalid.", { field: "speed" })
    const refund = {
      id: id("rfnd"),
      entity: "refund",
      amount: paise,
      currency: payment.currency,
      payment_id: payment.id,
      notes: notes && Object.keys(notes).length ? notes : [],
      receipt: receipt ?? null,
      acquirer_data: { arn: null },
      created_at: now(),
      batch_id: null,
      status: "processed",
      speed_processed: speed === "optimum" && refundRails.instant ? "instant" : "normal",
      speed_requested: speed,
    }
    Object.defineProperty(refund, "_seq", { value: ++sequence })
    refunds.set(refund.id, refund)
    payment.amount_refunded += paise
    payment.refund_status = payment.amount_refunded === payment.amount ? "full" : "partial"
    if (payment.amount_refunded === payment.amount) payment.status = "refunded"
    return refund
  }

  /** Razorpay's list answer: newest first, created_at within [from, to], then skip and count. */
  function collection(entities, url) {
    const number = (name) => {
      const raw = url.searchParams.get(name)
      if (raw === null || raw === "") return undefined
      const value = Number(raw)
      if (!Number.isInteger(value)) throw new RazorpayError(400, `The ${name} must be an integer.`, { field: name })
      return value
    }
    const from = number("from")
    const to = number("to")
    const count = number("count") ?? 10
    const skip = number("skip") ?? 0
    for (const [name, value] of [["from", from], ["to", to]]) {
      if (value !== undefined && (value < 946684800 || value > 4765046400)) {
        throw new RazorpayError(400, `${name} must be between 946684800 and 4765046400`, { field: name })
      }
    }
    if (count < 1 || count > 100) throw new RazorpayError(400, "The count must be between 1 and 100.", { field: "count" })
    if (skip < 0) throw new RazorpayError(400, "The skip must be at least 0.", { field: "skip" })
    const items = [...entities]
      .filter((e) => (from === undefined || e.created_at >= from) && (to === undefined || e.created_at <= to))
      .sort((a, b) => b.created_at - a.created_at || b._seq - a._seq)
      .slice(skip, skip + count)
    return { entity: "collection", count: items.length, items }
  }


  // ---- Payment Links ("Create a Standard Payment Link", "Fetch", "Cancel"; the payment_link.* webhooks) ----
  function createPaymentLink(body) {
    if (!Number.isInteger(body.amount)) throw new RazorpayError(400, "The amount must be an integer.", { field: "amount" })
    if (body.amount < 100) throw new RazorpayError(400, "The amount must be at least INR 1.00", { field: "amount" })
    if (body.currency && body.currency !== "INR") throw new RazorpayError(400, "The currency should be INR here.", { field: "currency" })
    if (body.reference_id !== undefined && body.reference_id !== null) {
      if (String(body.reference_id).length > 40) throw new RazorpayError(400, "reference_id: the length must be no more than 40.", { field: "reference_id" })
      if ([...paymentLinks.values()].some((l) => l.reference_id === String(body.reference_id) && l.status !== "cancelled")) {
        throw new RazorpayError(400, `Payment Link with reference id ${body.reference_id} already exists`, { field: "reference_id" })
      }
    }
    const created = now()
    if (body.expire_by !== undefined && body.expire_by !== null) {
      if (!Number.isInteger(body.expire_by) || body.expire_by <= created) throw new RazorpayError(400, "expire_by should be a timestamp in the future", { field: "expire_by" })
      if (body.expire_by > created + SIX_MONTHS) throw new RazorpayError(400, "expire_by cannot be more than six months from now", { field: "expire_by" })
    }
    if (body.callback_url && body.callback_method !== "get") throw new RazorpayError(400, "callback_method must be get when callback_url is passed", { field: "callback_method" })
    const customer = {}
    for (const key of ["contact", "email", "name"]) if (body.customer?.[key]) customer[key] = String(body.customer[key])
    const code = Array.from({ length: 7 }, () => BASE62[crypto.randomInt(62)]).join("")
    const link = {
      accept_partial: Boolean(body.accept_partial),
      amount: body.amount,
      amount_paid: 0,
      ...(body.callback_url ? { callback_method: "get", callback_url: String(body.callback_url) } : {}),
      cancelled_at: 0,
      created_at: created,
      currency: body.currency || "INR",
      customer,
      description: body.description ?? "",
      expire_by: body.expire_by ?? 0,
      expired_at: 0,
      first_min_partial_amount: body.first_min_partial_amount ?? 0,
      id: id("plink"),
      notes: body.notes && Object.keys(body.notes).length ? body.notes : null,
      notify: { email: Boolean(body.notify?.email), sms: Boolean(body.notify?.sms), whatsapp: false },
      order_id: undefined,
      payments: [],
      reference_id: body.reference_id !== undefined && body.reference_id !== null ? String(body.reference_id) : "",
      reminder_enable: Boolean(body.reminder_enable),
      reminders: body.reminder_enable ? { status: "in_progress" } : { status: "failed" },
      short_url: `${baseUrl}/i/${code}`,
      status: "created",
      updated_at: created,
      upi_link: false,
      user_id: "",
      whatsapp_link: false,
    }
    Object.defineProperty(link, "_code", { value: code })
    paymentLinks.set(link.id, link)
    return link
  }

  /** The REST answer: the entity's keys (callback_* only when given; notify without whatsapp). */
  function linkEntity(link) {
    const out = {}
    for (const key of PAYMENT_LINK_FIELDS) {
      if (!(key in link) || link[key] === undefined) continue
      out[key] = key === "notify" ? { email: link.notify.email, sms: link.notify.sms } : key === "payments" ? clone(link.payments) : link[key]
    }
    return out
  }

  function linkOf(linkId) {
    const link = paymentLinks.get(linkId)
    if (!link) throw noSuchId()
    return link
  }

  /** The link's customer pays it (UPI, as in Razorpay's payment_link.paid sample): a Razorpay order and a captured payment. */
  function payLink(linkId, { contact, email, vpa, createdAt } = {}) {
    const link = linkOf(linkId)
    if (link.status !== "created") throw new RazorpayError(400, `This payment link is ${link.status} and cannot be paid`)
    const at = createdAt ?? now()
    const order = {
      id: id("order"),
      entity: "order",
      amount: link.amount,
      amount_paid: 0,
      amount_due: link.amount,
      currency: link.currency,
      receipt: link.reference_id || null,
      offer_id: null,
      status: "created",
      attempts: 0,
      notes: link.notes ?? [],
      created_at: at,
    }
    Object.defineProperty(order, "_link", { value: link.id })
    orders.set(order.id, order)
    const payment = createPayment({
      order_id: order.id,
      status: "captured",
      method: "upi",
      contact: contact ?? link.customer.contact ?? "+919876543210",
      email: email ?? null,
      vpa,
      createdAt: at,
      description: `#${link.id.slice("plink_".length)}`,
    })
    if (email === undefined) payment.email = null // the customer types it on the hosted page; none here
    Object.assign(link, { amount_paid: link.amount, order_id: order.id, status: "paid", updated_at: at })
    link.payments.push({ amount: payment.amount, created_at: at, method: payment.method, payment_id: payment.id, plink_id: link.id, status: "captured", updated_at: at })
    return { payment_link: link, order, payment }
  }

  function cancelLink(linkId) {
    const link = linkOf(linkId)
    if (link.status !== "created" && link.status !== "partially_paid") {
      throw new RazorpayError(400, `Payment Link cannot be cancelled as it is already ${link.status}`)
    }
    const at = now()
    Object.assign(link, { status: "cancelled", cancelled_at: at, updated_at: at })
    return link
  }

  function expireLink(linkId) {
    const link = linkOf(linkId)
    if (link.status !== "created" && link.status !== "partially_paid") throw new Error(`payment link ${linkId} is ${link.status}; only an unpaid link expires`)
    const at = now()
    Object.assign(link, { status: "expired", expired_at: at, updated_at: at })
    return link
  }

  function linkWebhookPayload(event, link) {
    const entity = {}
    for (const key of PAYMENT_LINK_EVENT_FIELDS) {
      if (!(key in link) || link[key] === undefined) continue
      if (key === "order_id" && event !== "payment_link.paid") continue
      entity[key] = key === "customer" || key === "notify" || key === "reminders" ? { ...link[key] } : link[key]
    }
    const payload = { payment_link: { entity } }
    let contains = ["payment_link"]
    if (event === "payment_link.paid") {
      const order = orders.get(link.order_id)
      const payment = [...payments.values()].find((p) => p.order_id === link.order_id && p.status === "captured") ?? [...payments.values()].find((p) => p.order_id === link.order_id)
      if (!order || !payment) throw new Error(`payment link ${link.id} has not been paid (fake.payLink first)`)
      const plain = (value) => value.replace(/^[a-z]+_/, "")
      const orderEntity = {
        account_number: null, amount: order.amount, amount_due: order.amount_due, amount_paid: order.amount_paid, app_offer: false,
        attempts: order.attempts, authorized: true, bank: null, bank_account: null, checkout_config_id: null, created_at: order.created_at,
        currency: order.currency, customer_id: null, discount: false, first_payment_min_amount: null, force_offer: null,
        // Razorpay's sample writes this internal record's id without the "order_" prefix.
        id: plain(order.id), late_auth_config_id: null, merchant_id: plain(accountId), method: null, notes: order.notes, offers: {},
        order_metas: [], order_relationships: [], partial_payment: false, payer_name: null, payment_capture: true,
        product_id: plain(link.id), product_type: "payment_link_v2", provider_context: null, public_key: keyId,
        public_response: null, receipt: order.receipt, reference2: null, reference3: null, reference4: null, reference5: null,
        reference6: null, reference7: null, reference8: null, source: null, status: order.status, transfers: null, updated_at: link.updated_at,
      }
      const source = {
        ...payment,
        amount_transferred: 0,
        base_amount: payment.amount,
        card: null,
        fee_bearer: "platform",
        upi: payment.upi ? { payer_account_type: payment.upi.payer_account_type, vpa: payment.upi.vpa } : undefined,
      }
      payload.order = { entity: pick(orderEntity, LINK_ORDER_FIELDS) }
      payload.payment = { entity: pick(source, LINK_PAYMENT_FIELDS) }
      contains = ["payment_link", "order", "payment"]
    }
    return { contains, payload }
  }

  function webhook(event, entity, { eventId = id("evt"), order, payment, createdAt } = {}) {
    if (PAYMENT_LINK_EVENTS.includes(event)) {
      const { contains, payload } = linkWebhookPayload(event, entity)
      // Keys in the order of Razorpay's payment link samples (alphabetical).
      const body = JSON.stringify({ account_id: accountId, contains, created_at: createdAt ?? now(), entity: "event", event, payload })
      return { body, headers: { "content-type": "application/json", "x-razorpay-signature": hmac(webhookSecret, body), "x-razorpay-event-id": eventId } }
    }
    const shape = EVENTS[event]
    if (!shape) throw new Error(`The fake Razorpay sends ${Object.keys(EVENTS).join(", ")}; not ${event}`)
    const refund = shape.contains[0] === "refund" ? entity : undefined
    const thePayment = refund ? payment ?? payments.get(refund.payment_id) : entity
    if (!thePayment) throw new Error(`No payment ${refund?.payment_id} for ${event}`)
    const paymentEntity = pick({ base_amount: thePayment.amount, amount_transferred: 0, ...thePayment }, shape.paymentFields)
    if (shape.upi && thePayment.upi) paymentEntity.upi = thePayment.upi
    const payload = {}
    if (refund) payload.refund = { entity: pick(refund, REFUND_FIELDS) }
    payload.payment = { entity: paymentEntity }
    if (event === "order.paid") {
      const theOrder = order ?? orders.get(thePayment.order_id)
      if (!theOrder) throw new Error(`No order ${thePayment.order_id} for order.paid`)
      payload.order = { entity: pick(theOrder, ORDER_FIELDS) }
    }
    const body = JSON.stringify({
      entity: "event",
      account_id: accountId,
      event,
      contains: shape.contains,
      payload,
      created_at: createdAt ?? now(),
    })
    return { body, headers: { "content-type": "application/json", "x-razorpay-signature": hmac(webhookSecret, body), "x-razorpay-event-id": eventId } }
  }

  /** Delivers payment_link.paid to webhookUrl (none given: nothing sent); the shop's answer, recorded in `deliveries`. */
  const deliveries = []
  async function deliverLinkPaid(link) {
    if (!webhookUrl) return null
    const delivery = webhook("payment_link.paid", link)
    const answer = await fetch(webhookUrl, { method: "POST", headers: delivery.headers, body: delivery.body })
      .then(async (r) => ({ status: r.status, text: await r.text() }))
      .catch((error) => ({ status: 0, text: String(error?.message ?? error) }))
    const record = { event: "payment_link.paid", url: webhookUrl, event_id: delivery.headers["x-razorpay-event-id"], ...answer }
    deliveries.push(record)
    return record
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
      const fail = (error) => {
        if (error instanceof RazorpayError) return send(error.status, error.body)
        send(500, new RazorpayError(500, String(error?.message || error), { code: "SERVER_ERROR", source: "NA", step: "NA", reason: "NA" }).body)
      }
      let body = {}
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {}
      } catch {
        return fail(new RazorpayError(400, "The request body is not JSON"))
      }

      if (req.method === "GET" && url.pathname.startsWith("/i/")) {
        // A payment link's short URL: a stand-in for Razorpay's hosted page.
        const link = [...paymentLinks.values()].find((l) => l._code === url.pathname.slice(3))
        res.writeHead(link ? 200 : 404, { "content-type": "text/html; charset=utf-8" })
        if (!link) return res.end("<p>No such payment link.</p>")
        const rupees = `${Math.floor(link.amount / 100)}.${String(link.amount % 100).padStart(2, "0")}`
        return res.end(
          `<!doctype html><title>Pay ₹${rupees}</title><h1>₹${rupees}</h1><p>Status: ${link.status}</p>` +
            (link.status === "created" ? `<form method="post" action="/__fake/payment_links/${link.id}/pay"><button>Pay with UPI (fake)</button></form>` : "")
        )
      }
      if (req.method === "GET" && url.pathname === "/checkout.js") {
        res.writeHead(200, { "content-type": "application/javascript; charset=utf-8", "access-control-allow-origin": "*", "cache-control": "no-store" })
        return res.end(checkoutScript())
      }

      try {
        if (req.method === "POST" && url.pathname === "/__fake/pay") {
          const { order_id, status, amount, method, email, contact } = body
          const payment = createPayment({ order_id, status, amount, method, email: email || undefined, contact: contact || undefined })
          return send(200, { payment, checkout_response: checkoutResponse(payment) })
        }

        let pl
        if (req.method === "POST" && (pl = /^\/__fake\/payment_links\/([^/]+)\/pay$/.exec(url.pathname))) {
          const paid = payLink(pl[1], { contact: body.contact || undefined, email: body.email || undefined })
          // As the webhook set in Razorpay's dashboard: payment_link.paid delivered (signed) to webhookUrl, when given,
          // before answering, so a test that paid over HTTP finds the shop has heard of it.
          return deliverLinkPaid(paid.payment_link)
            .then((delivered) => send(200, { payment_link: linkEntity(paid.payment_link), payment: paid.payment, webhook: delivered }))
            .catch(fail)
        }

        const expected = "Basic " + Buffer.from(`${keyId}:${keySecret}`).toString("base64")
        if (req.headers.authorization !== expected) {
          throw new RazorpayError(401, "The api key provided is invalid", { source: "NA", step: "NA", reason: "NA" })
        }
        const call = `${req.method} ${url.pathname}`
        if (failing.count > 0 && url.pathname.startsWith("/v1/")) {
          const only = failing.only
          const hit = only === undefined || (only instanceof RegExp ? only.test(call) : only === call)
          if (hit) {
            failing.count -= 1
            if (failing.mode === "hang") return // never answers: the client's timeout decides
            throw new RazorpayError(500, "We are facing some trouble completing your request at the moment. Please try again shortly.", {
              code: "SERVER_ERROR",
              source: "NA",
              step: "NA",
              reason: "NA",
            })
          }
        }

        let m
        if (req.method === "POST" && url.pathname === "/v1/orders") {
          if (!Number.isInteger(body.amount)) throw new RazorpayError(400, "The amount must be an integer.", { field: "amount" })
          if (body.amount < 100) throw new RazorpayError(400, "The amount must be at least INR 1.00", { field: "amount" })
          if (body.receipt && String(body.receipt).length > 40) {
            throw new RazorpayError(400, "receipt: the length must be no more than 40.", { field: "receipt" })
          }
          const order = {
            id: id("order"),
            entity: "order",
            amount: body.amount,
            amount_paid: 0,
            amount_due: body.amount,
            currency: body.currency || "INR",
            receipt: body.receipt ?? null,
            offer_id: null,
            status: "created",
            attempts: 0,
            notes: body.notes && Object.keys(body.notes).length ? body.notes : [],
            created_at: now(),
          }
          orders.set(order.id, order)
          return send(200, order)
        }
        if (req.method === "POST" && (url.pathname === "/v1/payment_links" || url.pathname === "/v1/payment_links/")) {
          return send(200, linkEntity(createPaymentLink(body)))
        }
        if (req.method === "GET" && (m = /^\/v1\/payment_links\/([^/]+)$/.exec(url.pathname))) {
          return send(200, linkEntity(linkOf(m[1])))
        }
        if (req.method === "POST" && (m = /^\/v1\/payment_links\/([^/]+)\/cancel$/.exec(url.pathname))) {
          return send(200, linkEntity(cancelLink(m[1])))
        }
        if (req.method === "GET" && (m = /^\/v1\/orders\/([^/]+)$/.exec(url.pathname))) {
          if (!orders.has(m[1])) throw noSuchId()
          return send(200, orders.get(m[1]))
        }
        if (req.method === "GET" && (m = /^\/v1\/orders\/([^/]+)\/payments$/.exec(url.pathname))) {
          if (!orders.has(m[1])) throw noSuchId()
          const items = [...payments.values()].filter((p) => p.order_id === m[1]).sort((a, b) => b._seq - a._seq)
          return send(200, { entity: "collection", count: items.length, items })
        }
        if (req.method === "GET" && url.pathname === "/v1/payments") {
          return send(200, collection(payments.values(), url))
        }
        if (req.method === "GET" && (m = /^\/v1\/payments\/([^/]+)$/.exec(url.pathname))) {
          if (!payments.has(m[1])) throw noSuchId()
          return send(200, payments.get(m[1]))
        }
        if (req.method === "POST" && (m = /^\/v1\/payments\/([^/]+)\/capture$/.exec(url.pathname))) {
          const payment = payments.get(m[1])
          if (!payment) throw noSuchId()
          if (payment.status === "captured" || payment.status === "refunded") throw new RazorpayError(400, "This payment has already been captured")
          if (payment.status !== "authorized") throw new RazorpayError(400, "Only payments which have been authorized and not yet captured can be captured")
          if (body.amount !== payment.amount) throw new RazorpayError(400, "Capture amount must be equal to the amount authorized", { field: "amount" })
          if (body.currency !== undefined && body.currency !== payment.currency) {
            throw new RazorpayError(400, "Currency should be same as that of payment currency", { field: "currency" })
          }
          capture(payment)
          return send(200, payment)
        }
        if (req.method === "POST" && (m = /^\/v1\/payments\/([^/]+)\/refund$/.exec(url.pathname))) {
          return send(200, createRefund(m[1], { amount: body.amount, speed: body.speed, notes: body.notes, receipt: body.receipt }))
        }
        if (req.method === "GET" && (m = /^\/v1\/payments\/([^/]+)\/refunds$/.exec(url.pathname))) {
          if (!payments.has(m[1])) throw noSuchId()
          return send(200, collection([...refunds.values()].filter((r) => r.payment_id === m[1]), url))
        }
        if (req.method === "GET" && (m = /^\/v1\/payments\/([^/]+)\/refunds\/([^/]+)$/.exec(url.pathname))) {
          const refund = refunds.get(m[2])
          if (!refund || refund.payment_id !== m[1]) throw noSuchId()
          return send(200, refund)
        }
        if (req.method === "GET" && url.pathname === "/v1/refunds") {
          return send(200, collection(refunds.values(), url))
        }
        if (req.method === "GET" && (m = /^\/v1\/refunds\/([^/]+)$/.exec(url.pathname))) {
          if (!refunds.has(m[1])) throw noSuchId()
          return send(200, refunds.get(m[1]))
        }
        throw new RazorpayError(400, "The requested URL was not found on the server.", { source: "NA", step: "NA", reason: "NA" })
      } catch (error) {
        fail(error)
      }
    })
  })

  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}`
      baseUrl = url
      resolve({
        url,
        keyId,
        keySecret,
        webhookSecret,
        accountId,
        orders,
        payments,
        refunds,
        paymentLinks,
        /** Webhooks the fake delivered to webhookUrl itself (a link paid over HTTP), with the shop's answer (status 0: unreachable). */
        deliveries,
        providerOptions: { key_id: keyId, key_secret: keySecret, webhook_secret: webhookSecret, api_base_url: url },
        /** The shopper pays in the checkout popup; returns the payment and what checkout.js hands the page. */
        async pay(orderId, options = {}) {
          try {
            const payment = createPayment({ ...options, order_id: orderId })
            return { payment, checkout_response: checkoutResponse(payment) }
          } catch (error) {
            throw new Error(error.status === 404 ? `no order ${orderId}` : error.message)
          }
        },
        /** Whether a refund asked at speed "optimum" is processed "instant" (true, the default) or falls back to "normal". */
        get instantRefunds() {
          return refundRails.instant
        },
        set instantRefunds(value) {
          refundRails.instant = Boolean(value)
        },
        /** Staff refund a captured payment in the Razorpay dashboard; returns the refund entity. */
        refund(paymentId, options = {}) {
          return createRefund(paymentId, options)
        },
        /** The customer pays a payment link (UPI): Razorpay makes an order for it and a captured payment; the link is "paid". */
        payLink(linkId, options = {}) {
          try {
            const paid = payLink(linkId, options)
            return { payment_link: paid.payment_link, order: paid.order, payment: paid.payment }
          } catch (error) {
            throw new Error(error.message)
          }
        },
        /** An unpaid payment link's expire_by has passed: Razorpay marks it "expired". */
        expireLink,
        /** A webhook delivery as Razorpay would send it: the body and its signed headers. */
        webhook,
        /**
         * The next `count` API calls answer 500 (Razorpay's SERVER_ERROR) or never answer ("hang").
         * `only` limits it to one call, as "METHOD /path" ("GET /v1/payments": the listing) or a RegExp.
         */
        failNext(count = 1, mode = "500", { only } = {}) {
          failing = { count, mode, only }
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
