import fs from "fs"
import path from "path"
import { e164FromWaId, graphRecipient, isBusinessScopedUserId } from "../whatsapp-recipient"
import { replyAddressOf } from "../whatsapp-webhook"

// Meta's own samples (sandbox/whatsapp/fixtures/, pages named in its README).
const sample = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "../../../../../sandbox/whatsapp/fixtures", name), "utf8")).entry[0].changes[0].value

describe("who a WhatsApp reply goes to", () => {
  it("answers the phone of a message that has one, as E.164", () => {
    const value = sample("messages.text.json")
    expect(replyAddressOf(value.messages[0], value.contacts)).toEqual({ phone: "+16505551234" })
  })

  it("answers the business-scoped user id of a user known only by it, never a half-made number", () => {
    const value = sample("messages.text.user-id.json")
    expect(replyAddressOf(value.messages[0], value.contacts)).toEqual({ user_id: "US.13491208655302741918" })
    // The id on the contact alone is enough too.
    expect(replyAddressOf({ id: "wamid.x", type: "text" }, [{ user_id: "IN.1648738043044942" }])).toEqual({ user_id: "IN.1648738043044942" })
  })

  it("has nowhere to answer without a usable phone or user id", () => {
    expect(replyAddressOf({ id: "wamid.x", type: "text" })).toBeNull()
    expect(replyAddressOf({ id: "wamid.x", from: "", type: "text" })).toBeNull()
    expect(replyAddressOf({ id: "wamid.x", from: "+", type: "text" })).toBeNull()
    expect(replyAddressOf({ id: "wamid.x", from_user_id: "not an id", type: "text" })).toBeNull()
    // Two contacts and no from_user_id: which one wrote is unknown.
    expect(replyAddressOf({ id: "wamid.x", type: "text" }, [{ user_id: "US.1" }, { user_id: "US.2" }])).toBeNull()
  })

  it("reads phone numbers and ids strictly", () => {
    expect(e164FromWaId("919876543210")).toBe("+919876543210")
    expect(e164FromWaId("+919876543210")).toBe("+919876543210")
    for (const bad of [undefined, null, "", "+", "abc", "0919876543210", "1234567", "1234567890123456"]) expect(e164FromWaId(bad)).toBeNull()
    for (const good of ["US.13491208655302741918", "US.ENT.11815799212886844830", "IN.1648738043044942"]) expect(isBusinessScopedUserId(good)).toBe(true)
    for (const bad of ["13491208655302741918", "us.1349", "US.", "US.12 34", "USA.1234"]) expect(isBusinessScopedUserId(bad)).toBe(false)
  })

  it("puts a phone in the Messages API's `to` and a user id in its `recipient`", () => {
    expect(graphRecipient("+919876543210")).toEqual({ to: "919876543210" })
    expect(graphRecipient("whatsapp:+919876543210")).toEqual({ to: "919876543210" })
    expect(graphRecipient("US.13491208655302741918")).toEqual({ recipient: "US.13491208655302741918" })
  })
})
