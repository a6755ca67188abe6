// The fake Graph follows Meta, never our code:
//  1. the inbound deliveries it builds have exactly the keys and value types of Meta's samples
//     (whatsapp/fixtures/, sources in its README) at every level: a text by phone, the same text from a
//     user known only by a business-scoped user id (BSUID), a reaction;
//  2. sends take a phone number in `to` or a BSUID in `recipient`, as the Messages API does.
"use strict"
process.env.NO_PROXY = "127.0.0.1,localhost"
const fs = require("fs")
const path = require("path")
const { startFakeGraph } = require("../fake-graph")

const fixture = (name) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", name), "utf8"))
const typeOf = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value)

/** Keys missing or extra at any level, and values of another type, between Meta's sample and the fake's body. */
function differences(expected, actual, at = "$") {
  const [te, ta] = [typeOf(expected), typeOf(actual)]
  if (te !== ta) return [`${at}: ${te} in Meta's sample, ${ta} in the fake`]
  const out = []
  if (te === "object") {
    for (const key of Object.keys(expected)) {
      if (!(key in actual)) out.push(`${at}.${key}: missing in the fake`)
      else out.push(...differences(expected[key], actual[key], `${at}.${key}`))
    }
    for (const key of Object.keys(actual)) if (!(key in expected)) out.push(`${at}.${key}: not in Meta's sample`)
  }
  if (te === "array" && expected.length) actual.forEach((item, i) => out.push(...differences(expected[0], item, `${at}[${i}]`)))
  return out
}

let fake
beforeAll(async () => {
  fake = await startFakeGraph({ port: 0 })
})
afterAll(() => fake.close())

it.each([
  ["messages.text.json", () => fake.inbound({ from: "+16505551234", text: "Does it come in another color?", name: "Sheena Nelson" })],
  ["messages.text.user-id.json", () => fake.inbound({ userId: "US.13491208655302741918", username: "@sheena", text: "Does it come in another color?", name: "Sheena Nelson" })],
  ["messages.reaction.json", () => fake.reaction({ from: "16505551234", messageId: "wamid.x", emoji: "👍", name: "Sheena Nelson" })],
])("builds %s with exactly the keys and types of Meta's sample", (name, build) => {
  expect(differences(fixture(name), build())).toEqual([])
})

it("keeps Meta's samples apart: a user known only by BSUID has no phone number anywhere", () => {
  const byId = fixture("messages.text.user-id.json").entry[0].changes[0].value
  expect(byId.contacts[0]).not.toHaveProperty("wa_id")
  expect(byId.messages[0]).not.toHaveProperty("from")
  expect(byId.messages[0].from_user_id).toBe(byId.contacts[0].user_id)
  const reaction = fixture("messages.reaction.json").entry[0].changes[0].value.messages[0]
  expect(reaction).toMatchObject({ type: "reaction", reaction: { emoji: "👍" } })
})

async function sendMessage(body) {
  const response = await fetch(`${fake.url}/v21.0/${fake.phoneNumberId}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${fake.accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({ messaging_product: "whatsapp", type: "text", text: { body: "hello" }, ...body }),
  })
  return { status: response.status, body: await response.json() }
}

it("sends to a phone number in `to` or to a BSUID in `recipient`, and refuses anything else", async () => {
  fake.messages.length = 0
  const byPhone = await sendMessage({ to: "919876543210" })
  expect(byPhone.status).toBe(200)
  expect(byPhone.body.contacts[0]).toEqual({ input: "919876543210", wa_id: "919876543210" })
  const byId = await sendMessage({ recipient: "US.13491208655302741918" })
  expect(byId.status).toBe(200)
  expect(byId.body.contacts[0]).toEqual({ input: "US.13491208655302741918", user_id: "US.13491208655302741918" })
  expect(fake.messages.map((m) => [m.to, m.recipient])).toEqual([
    ["919876543210", undefined],
    [undefined, "US.13491208655302741918"],
  ])
  expect((await sendMessage({ to: "+" })).status).toBe(400)
  expect((await sendMessage({ recipient: "not a bsuid" })).status).toBe(400)
  expect((await sendMessage({})).status).toBe(400)
})
