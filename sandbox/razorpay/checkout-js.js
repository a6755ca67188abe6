// The fake Razorpay's stand-in for https://checkout.razorpay.com/v1/checkout.js, served at
// GET /checkout.js. Same page-facing API as the real one:
//   const rzp = new Razorpay({ key, order_id, amount, currency, name, description, prefill,
//                              handler(response), modal: { ondismiss() } })
//   rzp.on("payment.failed", (response) => …); rzp.open(); rzp.close()
// Its popup (TEST MODE) has three buttons standing in for the shopper and the bank: pay (the
// fake records a captured payment and hands the page a correctly signed response), fail (the
// fake records a failed payment; "payment.failed" fires with Razorpay's error shape) and close.
// The popup lists the payment methods in the order the page's `config.display` asks (Razorpay's
// "Configure payment methods": blocks, sequence, preferences.show_default_blocks), e.g. UPI first.
"use strict"

/**
 * The payment methods the popup shows, in order, from checkout options' `config.display`: each
 * entry of `sequence` ("block.<code>" or a method name), then, unless `show_default_blocks` is
 * false, Razorpay's default methods not shown yet. Runs in Node (tests) and, as its source, in the page.
 */
function displayedMethods(options) {
  const DEFAULTS = ["upi", "card", "netbanking", "wallet"]
  const NAMES = { upi: "UPI", card: "Cards", netbanking: "Netbanking", wallet: "Wallets" }
  const display = (options && options.config && options.config.display) || {}
  const blocks = display.blocks || {}
  const shown = []
  for (const entry of display.sequence || []) {
    const block = typeof entry === "string" && entry.indexOf("block.") === 0 ? blocks[entry.slice(6)] : null
    if (block) {
      for (const instrument of block.instruments || []) {
        shown.push({ block: entry.slice(6), name: block.name, method: instrument.method, flows: instrument.flows || [] })
      }
    } else if (NAMES[entry]) {
      shown.push({ block: null, name: NAMES[entry], method: entry, flows: [] })
    }
  }
  const preferences = display.preferences || {}
  if (preferences.show_default_blocks !== false) {
    for (const method of DEFAULTS) {
      if (!shown.some((m) => m.method === method)) shown.push({ block: null, name: NAMES[method], method, flows: [] })
    }
  }
  return shown
}

function checkoutScript() {
  return `(() => {
  const base = new URL(document.currentScript ? document.currentScript.src : location.href).origin
  ${displayedMethods.toString()}
  function Razorpay(options) {
    if (!(this instanceof Razorpay)) return new Razorpay(options)
    if (!options || !options.key) throw new Error("Razorpay: key is required")
    if (!options.order_id) throw new Error("Razorpay: order_id is required")
    this.options = options
    this.listeners = {}
  }
  Razorpay.prototype.on = function (event, fn) {
    ;(this.listeners[event] = this.listeners[event] || []).push(fn)
  }
  Razorpay.prototype.emit = function (event, payload) {
    for (const fn of this.listeners[event] || []) fn(payload)
  }
  Razorpay.prototype.close = function () {
    if (this.root) this.root.remove()
    this.root = null
  }
  Razorpay.prototype.pay = async function (status) {
    const prefill = this.options.prefill || {}
    const res = await fetch(base + "/__fake/pay", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      // Razorpay records the email and phone the shopper confirms in the popup (prefilled by the page).
      body: JSON.stringify({ order_id: this.options.order_id, status, email: prefill.email, contact: prefill.contact }),
    })
    return res.json()
  }
  Razorpay.prototype.open = function () {
    const o = this.options
    const rupees = new Intl.NumberFormat("en-IN", { style: "currency", currency: o.currency || "INR" }).format(Number(o.amount || 0) / 100)
    const root = document.createElement("div")
    root.setAttribute("data-razorpay-fake", "")
    root.style.cssText = "position:fixed;inset:0;background:rgba(0,0,0,.6);display:flex;align-items:center;justify-content:center;z-index:2147483647;font-family:system-ui,sans-serif"
    root.innerHTML =
      '<div role="dialog" aria-modal="true" aria-labelledby="rzp-fake-title" style="background:#fff;color:#111;border-radius:10px;padding:20px;width:min(360px,92vw);box-shadow:0 10px 40px rgba(0,0,0,.4)">' +
      '<div style="display:flex;justify-content:space-between;align-items:center"><h2 id="rzp-fake-title" style="margin:0;font-size:18px"></h2>' +
      '<button type="button" data-action="close" aria-label="Close Razorpay Checkout" style="border:0;background:none;font-size:24px;cursor:pointer">×</button></div>' +
      '<p style="margin:6px 0 0;color:#444" data-field="description"></p>' +
      '<p style="margin:12px 0;font-size:24px;font-weight:700" data-field="amount"></p>' +
      '<p style="margin:0 0 12px;background:#fff4d6;color:#5a3b00;padding:6px 8px;border-radius:6px;font-size:13px">TEST MODE: fake Razorpay, no money moves.</p>' +
      '<ol data-field="methods" aria-label="Payment methods" style="margin:0 0 12px;padding-left:20px;font-size:14px"></ol>' +
      '<button type="button" data-action="pay" style="width:100%;padding:12px;border:0;border-radius:6px;background:#0b3d91;color:#fff;font-size:16px;font-weight:700;cursor:pointer"></button>' +
      '<button type="button" data-action="fail" style="width:100%;margin-top:8px;padding:10px;border:1px solid #a3122a;border-radius:6px;background:#fff;color:#a3122a;font-size:15px;cursor:pointer">Make the payment fail</button>' +
      '<p role="status" data-field="status" style="min-height:1.2em;margin:8px 0 0;font-size:14px"></p></div>'
    root.querySelector("#rzp-fake-title").textContent = o.name || "Razorpay Checkout"
    root.querySelector('[data-field="description"]').textContent = o.description || ""
    root.querySelector('[data-field="amount"]').textContent = rupees
    const list = root.querySelector('[data-field="methods"]')
    for (const method of displayedMethods(o)) {
      const item = document.createElement("li")
      item.dataset.method = method.method
      if (method.flows.length) item.dataset.flows = method.flows.join(" ")
      item.textContent = method.name + (method.flows.length ? " (" + method.flows.join(", ") + ")" : "")
      list.appendChild(item)
    }
    root.querySelector('[data-action="pay"]').textContent = "Pay " + rupees
    const status = root.querySelector('[data-field="status"]')
    const buttons = root.querySelectorAll("button")
    const busy = (on) => buttons.forEach((b) => (b.disabled = on))
    root.querySelector('[data-action="close"]').onclick = () => {
      this.close()
      if (o.modal && typeof o.modal.ondismiss === "function") o.modal.ondismiss()
    }
    root.querySelector('[data-action="pay"]').onclick = async () => {
      busy(true)
      status.textContent = "Paying…"
      try {
        const { checkout_response } = await this.pay("captured")
        this.close()
        if (typeof o.handler === "function") o.handler(checkout_response)
      } catch (error) {
        busy(false)
        status.textContent = "The fake Razorpay did not answer."
      }
    }
    root.querySelector('[data-action="fail"]').onclick = async () => {
      busy(true)
      try {
        const { payment } = await this.pay("failed")
        this.close()
        this.emit("payment.failed", {
          error: {
            code: "BAD_REQUEST_ERROR",
            description: "Your payment didn't go through as it was declined by the bank.",
            source: "bank",
            step: "payment_authorization",
            reason: "payment_failed",
            metadata: { order_id: o.order_id, payment_id: payment && payment.id },
          },
        })
      } catch (error) {
        busy(false)
        status.textContent = "The fake Razorpay did not answer."
      }
    }
    document.body.appendChild(root)
    this.root = root
    root.querySelector('[data-action="pay"]').focus()
  }
  window.Razorpay = Razorpay
})()
`
}

module.exports = { checkoutScript, displayedMethods }
