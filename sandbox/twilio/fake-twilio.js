// A fake Twilio for tests and the sandbox: the Messages API the official SDK uses.
//   POST /2010-04-01/Accounts/:AccountSid/Messages.json  (form-encoded, Basic auth) → 201 { sid, status: "queued", ... }
//   GET  /2010-04-01/Accounts/:AccountSid/Messages.json[?To=+91…]  (Basic auth) → 200 { messages: [newest first] }, as Twilio's
//        list of messages: how tests in another process (the storefront's browser tests) read the texts sent
// Failure drills: failNext(count, "500" | "hang").
// Run alone: node sandbox/twilio/fake-twilio.js [port]
"use strict"
const crypto = require("crypto")
const http = require("http")

function startFakeTwilio({ port = 0, accountSid = "AC" + "0".repeat(32), authToken = "sandbox-auth-token" } = {}) {
  const messages = []
  let failNext = { count: 0, mode: "500" }
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

module.exports = { startFakeTwilio }

if (require.main === module) {
  startFakeTwilio({ port: Number(process.argv[2] || 9420) }).then((fake) => {
    process.stdout.write(`Fake Twilio (test mode) at ${fake.url}\nTWILIO_ACCOUNT_SID=${fake.accountSid} TWILIO_AUTH_TOKEN=${fake.authToken} TWILIO_API_BASE_URL=${fake.url}\n`)
  })
}
