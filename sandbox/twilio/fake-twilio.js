// A fake Twilio for tests and the sandbox: the Messages API the official SDK uses.
//   POST /2010-04-01/Accounts/:AccountSid/Messages.json  (form-encoded, Basic auth) → 201 { sid, status: "queued", ... }
//   GET  /2010-04-01/Accounts/:AccountSid/Messages.json[?To=+91…]  (Basic auth) → 200 { messages: [newest first] }, as Twilio's
//        list of messages: how tests in another process (the storefront's browser tests) read the texts sent
// Status callbacks, as Twilio's "Track the message status" guide describes them: a message created with a
// StatusCallback URL gets a form POST there for each status after the first (sent, then delivered), with the
// parameters of Twilio's callbacks (twilio/fixtures/) and signed as Twilio signs them (X-Twilio-Signature:
// base64 HMAC-SHA1 with the auth token over the URL followed by the sorted parameters, each name then value).
// Failure drills: failNext(count, "500" | "hang"); statusFlow(["sent", "undelivered"], { errorCode: "30003" }).
// Run alone: node sandbox/twilio/fake-twilio.js [port]
"use strict"
const crypto = require("crypto")
const http = require("http")

/** X-Twilio-Signature for a POST to `url` with these form parameters (Twilio's documented algorithm). */
function twilioSignature(authToken, url, params) {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url)
  return crypto.createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64")
}

/**
 * The parameters of one status callback for an SMS, in the order Twilio sends them (its "Track the message
 * status" guide; twilio/fixtures/): ErrorCode only when the message failed or was undelivered, RawDlrDoneDate only
 * on a final carrier state (delivered, undelivered).
 */
function statusCallbackParams(message, status, errorCode, at = new Date()) {
  // The carrier's time of the final state, YYMMDDhhmm (UTC): only on delivered and undelivered.
  const final = status === "delivered" || status === "undelivered"
  const rawDlrDoneDate = at.toISOString().replace(/\D/g, "").slice(2, 12)
  return {
    ...(errorCode && (status === "failed" || status === "undelivered") ? { ErrorCode: String(errorCode) } : {}),
    ...(final ? { RawDlrDoneDate: rawDlrDoneDate } : {}),
    SmsSid: message.sid,
    SmsStatus: status,
    MessageStatus: status,
    To: message.to,
    MessageSid: message.sid,
    AccountSid: message.account_sid,
    From: message.from ?? "",
    ApiVersion: "2010-04-01",
  }
}

function startFakeTwilio({ port = 0, accountSid = "AC" + "0".repeat(32), authToken = "sandbox-auth-token" } = {}) {
  const messages = []
  /** Every status callback posted: its URL, parameters, signature and the shop's answer (HTTP status, or 0 when unreachable). */
  const callbacks = []
  let failNext = { count: 0, mode: "500" }
  let flow = { statuses: ["sent", "delivered"], errorCode: undefined }
  const pending = new Set()

  /** Posts the statuses after the first to the message's StatusCallback, in order, as Twilio does after it answered. */
  async function reportStatuses(message, url, { statuses, errorCode }) {
    for (const status of statuses) {
      await new Promise((r) => setTimeout(r, 20))
      message.status = status
      const params = statusCallbackParams(message, status, errorCode)
      const signature = twilioSignature(authToken, url, params)
      const record = { url, params, signature, status: 0 }
      callbacks.push(record)
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature, "user-agent": "TwilioProxy/1.1" },
          body: new URLSearchParams(params).toString(),
          signal: AbortSignal.timeout(5000),
        })
        record.status = response.status
        await response.arrayBuffer().catch(() => undefined)
      } catch {
        // Twilio gives up on an unreachable callback URL too; the message itself stays sent.
      }
    }
  }
  const server = http.createServer((req, res) => {
    const chunks = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const url = new URL(req.url, "http://fake")
      const send = (status, body) => {
        res.writeHead(status, { "content-type": "application/json" })
        res.end(JSON.stringify(body))
      }
      const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(url.pathname)
      if ((req.method !== "POST" && req.method !== "GET") || !m) return send(404, { code: 20404, message: "The requested resource was not found", status: 404 })
      const expected = "Basic " + Buffer.from(`${accountSid}:${authToken}`).toString("base64")
      if (m[1] !== accountSid || req.headers.authorization !== expected) {
        return send(401, { code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 })
      }
      if (req.method === "GET") {
        const to = url.searchParams.get("To")
        const listed = messages.filter((message) => !to || message.to === to).reverse()
        return send(200, { messages: listed, page: 0, page_size: listed.length, uri: url.pathname + url.search })
      }
      if (failNext.count > 0) {
        failNext.count -= 1
        if (failNext.mode === "hang") return
        return send(500, { code: 20500, message: "Internal Server Error", status: 500 })
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"))
      const to = form.get("To")
      if (!to || !/^(whatsapp:)?\+\d{8,15}$/.test(to)) {
        return send(400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 })
      }
      const message = {
        sid: "SM" + crypto.randomBytes(16).toString("hex"),
        account_sid: accountSid,
        to,
        from: form.get("From"),
        messaging_service_sid: form.get("MessagingServiceSid"),
        body: form.get("Body"),
        status: "queued",
        num_segments: "1",
        date_created: new Date().toUTCString(),
        api_version: "2010-04-01",
      }
      messages.push(message)
      send(201, message)
      const callbackUrl = form.get("StatusCallback")
      if (callbackUrl) {
        const reporting = reportStatuses(message, callbackUrl, flow).finally(() => pending.delete(reporting))
        pending.add(reporting)
      }
    })
  })
  return new Promise((resolve, reject) => {
    // A port already taken (a shop running on the default port) rejects, so the caller can take another.
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}`
      resolve({
        url,
        accountSid,
        authToken,
        messages,
        callbacks,
        failNext(count = 1, mode = "500") {
          failNext = { count, mode }
        },
        /** The statuses reported to the StatusCallback of each message created from now on (default sent, delivered; [] for none). */
        statusFlow(statuses = ["sent", "delivered"], { errorCode } = {}) {
          flow = { statuses, errorCode }
        },
        /** Resolves once every status callback started so far has been posted and answered. */
        callbacksSettled: () => Promise.all([...pending]).then(() => undefined),
        /** The signature Twilio would put on a POST of these parameters to this URL. */
        sign: (url, params) => twilioSignature(authToken, url, params),
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.()
            server.close(() => done())
          }),
      })
    })
  })
}

module.exports = { startFakeTwilio, twilioSignature, statusCallbackParams }

if (require.main === module) {
  startFakeTwilio({ port: Number(process.argv[2] || 9420) }).then((fake) => {
    process.stdout.write(`Fake Twilio (test mode) at ${fake.url}\nTWILIO_ACCOUNT_SID=${fake.accountSid} TWILIO_AUTH_TOKEN=${fake.authToken} TWILIO_API_BASE_URL=${fake.url}\n`)
  })
}
