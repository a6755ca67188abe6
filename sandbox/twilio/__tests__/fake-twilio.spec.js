// The fake Twilio follows the vendor, never our code: a message created with a StatusCallback URL
// (through the official `twilio` SDK) gets one form POST per later status, each with exactly the
// parameters of Twilio's callback for that status (twilio/fixtures/, sources in its README) and an
// X-Twilio-Signature the SDK's own validateRequest accepts; none without a StatusCallback.
"use strict"
process.env.NO_PROXY = "127.0.0.1,localhost"
const fs = require("fs")
const http = require("http")
const path = require("path")
const twilio = require("twilio")
const { startFakeTwilio } = require("../fake-twilio")

const fixture = (status) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", `status-callback.${status}.json`), "utf8"))

let fake
let client
let receiver
let received
let callbackUrl

beforeAll(async () => {
  fake = await startFakeTwilio({ port: 0 })
  client = twilio(fake.accountSid, fake.authToken)
  client.api.baseUrl = fake.url
  received = []
  receiver = http.createServer((req, res) => {
    const chunks = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      received.push({ headers: req.headers, url: req.url, body: Buffer.concat(chunks).toString("utf8") })
      res.writeHead(204).end()
    })
  })
  await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve))
  callbackUrl = `http://127.0.0.1:${receiver.address().port}/hooks/twilio/status`
})
afterAll(async () => {
  await fake.close()
  await new Promise((resolve) => receiver.close(resolve))
})
beforeEach(() => {
  received.length = 0
  fake.callbacks.length = 0
  fake.statusFlow()
})

const keysOf = (params) => Object.keys(params)

it("posts sent, then delivered, with exactly the parameters of Twilio's callbacks, signed as the SDK checks", async () => {
  const message = await client.messages.create({ to: "+919876543210", from: "+15005550006", body: "Your order is placed.", statusCallback: callbackUrl })
  expect(message.status).toBe("queued")
  await fake.callbacksSettled()
  expect(received).toHaveLength(2)
  const statuses = []
  for (const request of received) {
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded")
    const params = Object.fromEntries(new URLSearchParams(request.body))
    statuses.push(params.MessageStatus)
    expect(keysOf(params)).toEqual(keysOf(fixture(params.MessageStatus)))
    expect(params).toMatchObject({ MessageSid: message.sid, SmsSid: message.sid, SmsStatus: params.MessageStatus, To: "+919876543210", From: "+15005550006", AccountSid: fake.accountSid, ApiVersion: "2010-04-01" })
    expect(twilio.validateRequest(fake.authToken, request.headers["x-twilio-signature"], callbackUrl, params)).toBe(true)
    expect(twilio.validateRequest("another-auth-token", request.headers["x-twilio-signature"], callbackUrl, params)).toBe(false)
  }
  expect(statuses).toEqual(["sent", "delivered"])
  expect(fake.callbacks.map((c) => c.status)).toEqual([204, 204])
})

it("reports an undelivered message with Twilio's ErrorCode", async () => {
  fake.statusFlow(["sent", "undelivered"], { errorCode: "30003" })
  await client.messages.create({ to: "+919876543210", from: "+15005550006", body: "x", statusCallback: callbackUrl })
  await fake.callbacksSettled()
  const last = Object.fromEntries(new URLSearchParams(received[1].body))
  expect(keysOf(last)).toEqual(keysOf(fixture("undelivered")))
  expect(last).toMatchObject({ MessageStatus: "undelivered", ErrorCode: "30003" })
})

it("posts nothing for a message created without a StatusCallback", async () => {
  await client.messages.create({ to: "+919876543210", from: "+15005550006", body: "x" })
  await fake.callbacksSettled()
  expect(received).toHaveLength(0)
})

it("keeps the fixtures' own shape: Twilio's parameter set per status", () => {
  expect(keysOf(fixture("sent"))).toEqual(["SmsSid", "SmsStatus", "MessageStatus", "To", "MessageSid", "AccountSid", "From", "ApiVersion"])
  expect(keysOf(fixture("delivered"))).toEqual(["RawDlrDoneDate", ...keysOf(fixture("sent"))])
  expect(keysOf(fixture("undelivered"))).toEqual(["ErrorCode", "RawDlrDoneDate", ...keysOf(fixture("sent"))])
})
