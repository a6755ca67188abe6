// A fake of Meta's Graph API for the WhatsApp Business Cloud API, for tests and the sandbox.
//   POST /:version/:phone_number_id/messages  (Bearer token, JSON) → 200 { messaging_product, contacts, messages: [{ id: "wamid…" }] }
//   (`to`: a phone number; or `recipient`: a business-scoped user id, Meta's BSUID, for a user known only by it)
// It also plays Meta towards the shop's webhook: deliveries signed with X-Hub-Signature-256 (HMAC-SHA256 of the
// raw body with the app secret), inbound messages (text, reactions; by phone or by BSUID alone, shaped as Meta's
// samples in whatsapp/fixtures/) and delivery statuses, and the verification handshake.
// Failure drills: failNext(count, "500" | "hang").
// Run alone: node sandbox/whatsapp/fake-graph.js [port]
"use strict"
const crypto = require("crypto")
const http = require("http")

function graphError(status, message, code, type = "OAuthException") {
  return { status, body: { error: { message, type, code, fbtrace_id: "F" + crypto.randomBytes(8).toString("hex") } } }
}

/** What a template or text message says, as the phone would show its variable parts. */
function textOf(request) {
  if (request.type === "text") return request.text?.body ?? ""
  const body = (request.template?.components ?? []).find((c) => c.type === "body")
  return (body?.parameters ?? []).map((p) => p.text ?? "").join("\n")
}

/** A business-scoped user id (BSUID): country code, a dot, up to 128 letters and digits (ENT. for a parent BSUID). */
const BSUID = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/

function startFakeGraph({
  port = 0,
  accessToken = "sandbox-whatsapp-access-token",
  phoneNumberId = "109876543210001",
  appSecret = "sandbox-whatsapp-app-secret",
  verifyToken = "sandbox-whatsapp-verify-token",
  businessAccountId = "209876543210001",
  displayPhoneNumber = "15550001234",
} = {}) {
  const messages = []
  let failNext = { count: 0, mode: "500" }
  const server = http.createServer((req, res) => {
    const chunks = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const url = new URL(req.url, "http://fake")
      const send = ({ status, body }) => {
        res.writeHead(status, { "content-type": "application/json" })
        res.end(JSON.stringify(body))
      }
      const m = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/.exec(url.pathname)
      if (req.method !== "POST" || !m) return send(graphError(400, "Unsupported request - method type or path", 100, "GraphMethodException"))
      if (req.headers.authorization !== `Bearer ${accessToken}`) {
        return send(graphError(401, "Invalid OAuth access token - Cannot parse access token", 190))
      }
      if (m[2] !== phoneNumberId) return send(graphError(400, `Unsupported post request. Object with ID '${m[2]}' does not exist`, 100, "GraphMethodException"))
      if (failNext.count > 0) {
        failNext.count -= 1
        if (failNext.mode === "hang") return
        return send(graphError(500, "An unknown error has occurred.", 1, "OAuthException"))
      }
      let request
      try {
        request = JSON.parse(Buffer.concat(chunks).toString("utf8"))
      } catch {
        return send(graphError(400, "(#100) The parameter messaging_product is required.", 100))
      }
      if (request.messaging_product !== "whatsapp") return send(graphError(400, "(#100) The parameter messaging_product is required.", 100))
      // A phone number in `to`, or a business-scoped user id in `recipient`; `to` wins when both are given.
      const byPhone = request.to !== undefined
      if (byPhone ? !/^\+?\d{8,15}$/.test(String(request.to)) : !BSUID.test(String(request.recipient ?? ""))) {
        return send(graphError(400, `(#100) Invalid parameter: ${byPhone || request.recipient === undefined ? "to" : "recipient"}`, 100))
      }
      if (request.type === "template") {
        if (!request.template?.name || !request.template?.language?.code) {
          return send(graphError(400, "(#100) The parameter template['name'] and template['language'] are required.", 100))
        }
      } else if (request.type === "text") {
        if (!request.text?.body) return send(graphError(400, "(#100) The parameter text['body'] is required.", 100))
      } else {
        return send(graphError(400, `(#100) Param type '${request.type}' is not supported here`, 100))
      }
      const waId = byPhone ? String(request.to).replace(/^\+/, "") : undefined
      const message = {
        id: "wamid." + crypto.randomBytes(24).toString("base64url"),
        to: waId,
        ...(byPhone ? {} : { recipient: String(request.recipient) }),
        type: request.type,
        template: request.template,
        text: textOf(request),
        request,
        at: new Date().toISOString(),
      }
      messages.push(message)
      const contact = byPhone ? { input: request.to, wa_id: waId } : { input: request.recipient, user_id: request.recipient }
      send({ status: 200, body: { messaging_product: "whatsapp", contacts: [contact], messages: [{ id: message.id }] } })
    })
  })

  const envelope = (value) => ({
    object: "whatsapp_business_account",
    entry: [
      {
        id: businessAccountId,
        changes: [
          {
            value: { messaging_product: "whatsapp", metadata: { display_phone_number: displayPhoneNumber, phone_number_id: phoneNumberId }, ...value },
            field: "messages",
          },
        ],
      },
    ],
  })
  /** The contacts and messages of an inbound delivery, keys in Meta's order (fixtures/messages.*.json). */
  const inboundValue = ({ from, userId, username, name, id }, content) => {
    const waId = from === undefined ? undefined : String(from).replace(/^\+/, "")
    return {
      contacts: [
        {
          profile: { name, ...(username ? { username } : {}) },
          ...(waId ? { wa_id: waId } : {}),
          ...(userId ? { user_id: userId } : {}),
        },
      ],
      messages: [
        {
          ...(waId ? { from: waId } : {}),
          ...(userId ? { from_user_id: userId } : {}),
          id: id ?? "wamid." + crypto.randomBytes(24).toString("base64url"),
          timestamp: String(Math.floor(Date.now() / 1000)),
          ...content,
        },
      ],
    }
  }
  const sign = (body, secret = appSecret) => "sha256=" + crypto.createHmac("sha256", secret).update(body).digest("hex")

  return new Promise((resolve, reject) => {
    // A port already taken (a shop running on the default port) rejects, so the caller can take another.
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}`
      const fake = {
        url,
        accessToken,
        phoneNumberId,
        appSecret,
        verifyToken,
        messages,
        failNext(count = 1, mode = "500") {
          failNext = { count, mode }
        },
        /**
         * A customer writes to the shop: by phone (`from`, E.164 or bare digits, as WhatsApp sends them),
         * with a business-scoped user id as well (`userId`), or by that id alone (a user with a username
         * whose number Meta withholds: no `wa_id`, no `from`), as Meta's samples show (fixtures/).
         */
        inbound({ from, userId, username, text, id, name = "Customer" }) {
          return envelope(inboundValue({ from, userId, username, name, id }, { type: "text", text: { body: text } }))
        },
        /** A customer reacts to a message the shop sent (an emoji; none when the reaction is removed). */
        reaction({ from, userId, username, messageId, emoji, id, name = "Customer" }) {
          return envelope(inboundValue({ from, userId, username, name, id }, { type: "reaction", reaction: { message_id: messageId, ...(emoji ? { emoji } : {}) } }))
        },
        /** Meta reports what became of a message the shop sent. */
        status({ id, status, recipient, errors }) {
          return envelope({
            statuses: [
              {
                id,
                status,
                timestamp: String(Math.floor(Date.now() / 1000)),
                recipient_id: String(recipient ?? "").replace(/^\+/, ""),
                ...(errors ? { errors } : {}),
              },
            ],
          })
        },
        /** A delivery as Meta sends it: the raw body and its signature (another secret to forge one). */
        signed(payload, { secret } = {}) {
          const body = JSON.stringify(payload)
          return { body, headers: { "content-type": "application/json", "x-hub-signature-256": sign(body, secret) } }
        },
        /** Posts a signed delivery to the shop's webhook; resolves with the shop's status and text. */
        async deliver(webhookUrl, payload, options = {}) {
          const { body, headers } = fake.signed(payload, options)
          const response = await fetch(webhookUrl, { method: "POST", headers, body })
          return { status: response.status, text: await response.text() }
        },
        /** The verification handshake Meta runs when the webhook is registered. */
        async verify(webhookUrl, { token = verifyToken, challenge = crypto.randomBytes(6).toString("hex") } = {}) {
          const query = new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": challenge })
          const response = await fetch(`${webhookUrl}?${query}`)
          return { status: response.status, text: await response.text(), challenge }
        },
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.()
            server.close(() => done())
          }),
      }
      resolve(fake)
    })
  })
}

module.exports = { startFakeGraph, BSUID }

if (require.main === module) {
  startFakeGraph({ port: Number(process.argv[2] || 9430) }).then((fake) => {
    process.stdout.write(
      `Fake WhatsApp Cloud API (test mode) at ${fake.url}\n` +
        `WHATSAPP_GRAPH_BASE_URL=${fake.url} WHATSAPP_ACCESS_TOKEN=${fake.accessToken} WHATSAPP_PHONE_NUMBER_ID=${fake.phoneNumberId} ` +
        `WHATSAPP_APP_SECRET=${fake.appSecret} WHATSAPP_VERIFY_TOKEN=${fake.verifyToken}\n`
    )
  })
}
