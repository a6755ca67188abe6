import { startFakeTwilio, type FakeTwilio } from "@sweetshop/sandbox"
import TwilioSmsProviderService from "../service"
import { dltIdsFor, dltRefusal, dltStartWarning, isLiveTwilio, SMS_TEMPLATE_NAMES } from "../dlt"

const ALL_IDS = Object.fromEntries(SMS_TEMPLATE_NAMES.map((name, i) => [name, `11071600000000${String(i).padStart(5, "0")}`]))
const ENTITY = "1101600000000012345"

describe("DLT ids of SMS templates", () => {
  it("finds a template's id, or its base's for a status", () => {
    const options = { dlt_entity_id: ENTITY, dlt_template_ids: { "order-status": "1", "order-status.ready_for_pickup": "2", "order-placed": "3" } }
    expect(dltIdsFor(options, "order-placed")).toEqual({ entity_id: ENTITY, template_id: "3" })
    expect(dltIdsFor(options, "order-status.confirmed")?.template_id).toBe("1")
    expect(dltIdsFor(options, "order-status.ready_for_pickup")?.template_id).toBe("2")
    expect(dltIdsFor(options, "low-stock")).toBeNull()
    expect(dltIdsFor({ dlt_template_ids: ALL_IDS }, "order-placed")).toBeNull()
  })

  it("refuses, in a sentence, a template without an id and a sender without an entity id", () => {
    expect(dltRefusal({ dlt_entity_id: ENTITY, dlt_template_ids: {} }, "order-placed")).toBe(
      "SMS order-placed is not sent: it has no DLT template id in SMS_DLT_TEMPLATE_IDS, and Indian operators block SMS whose template is not registered on DLT."
    )
    expect(dltRefusal({ dlt_template_ids: ALL_IDS }, "order-placed")).toMatch(/SMS_DLT_ENTITY_ID is not set/)
    expect(dltRefusal({ dlt_entity_id: ENTITY, dlt_template_ids: ALL_IDS }, "order-status.delivered")).toBeNull()
  })

  it("flags at start the templates that will not be sent", () => {
    expect(dltStartWarning({ dlt_entity_id: ENTITY, dlt_template_ids: ALL_IDS })).toBeNull()
    const { "low-stock": _, ...withoutLowStock } = ALL_IDS
    expect(dltStartWarning({ dlt_entity_id: ENTITY, dlt_template_ids: withoutLowStock })).toBe(
      "These SMS templates have no DLT template id in SMS_DLT_TEMPLATE_IDS and will not be sent: low-stock."
    )
    expect(dltStartWarning({})).toMatch(/^SMS will not be sent: SMS_DLT_ENTITY_ID/)
  })

  it("is live against Twilio itself, not against the sandbox's fake on this machine", () => {
    expect(isLiveTwilio(undefined)).toBe(true)
    expect(isLiveTwilio("https://api.twilio.com")).toBe(true)
    expect(isLiveTwilio("http://127.0.0.1:9420")).toBe(false)
    expect(isLiveTwilio("http://localhost:9420")).toBe(false)
  })
})

describe("the Twilio SMS provider in live mode", () => {
  let twilio: FakeTwilio
  const warnings: string[] = []
  const logger = { warn: (m: string) => warnings.push(m), debug: () => undefined, info: () => undefined, error: () => undefined } as any

  beforeAll(async () => {
    twilio = await startFakeTwilio()
  })
  afterAll(async () => {
    await twilio?.close()
  })

  const provider = (ids: Record<string, string>) =>
    new TwilioSmsProviderService(
      { logger },
      { account_sid: twilio.accountSid, auth_token: twilio.authToken, from: "+15005550006", api_base_url: twilio.url, live: true, dlt_entity_id: ENTITY, dlt_template_ids: ids }
    )

  it("refuses a template without a DLT id with a sentence, and Twilio is not asked", async () => {
    const { "order-placed": _, ...ids } = ALL_IDS
    warnings.length = 0
    const sms = provider(ids)
    expect(warnings).toEqual(["Twilio SMS (live): These SMS templates have no DLT template id in SMS_DLT_TEMPLATE_IDS and will not be sent: order-placed."])
    const before = twilio.messages.length
    await expect(sms.send({ to: "+919876543210", channel: "sms", template: "order-placed", content: { text: "Sweet Shop: order #1 placed." } } as any)).rejects.toThrow(
      "SMS order-placed is not sent: it has no DLT template id in SMS_DLT_TEMPLATE_IDS, and Indian operators block SMS whose template is not registered on DLT."
    )
    expect(twilio.messages.length).toBe(before)

    // A template with its id goes out.
    const sent = await sms.send({ to: "+919876543210", channel: "sms", template: "order-status.confirmed", content: { text: "Sweet Shop: your order #1 is confirmed." } } as any)
    expect(sent.id).toMatch(/^SM/)
    expect(twilio.messages.at(-1)).toMatchObject({ to: "+919876543210", body: "Sweet Shop: your order #1 is confirmed." })
  })

  it("sends every template against the fake (test mode) whatever its DLT ids", async () => {
    const sms = new TwilioSmsProviderService({ logger }, { account_sid: twilio.accountSid, auth_token: twilio.authToken, from: "+15005550006", api_base_url: twilio.url })
    const sent = await sms.send({ to: "+919876543210", channel: "sms", template: "order-placed", content: { text: "Sweet Shop: order #2 placed." } } as any)
    expect(sent.id).toMatch(/^SM/)
  })
})

describe("WhatsApp template names per status", () => {
  it("sends each status under its approved utility template name, else the shop's own", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const WhatsApp = require("../../whatsapp/service").default
    const whatsapp = new WhatsApp({ logger: { warn: () => undefined } }, {
      access_token: "x".repeat(20),
      phone_number_id: "123456",
      template_names: { "order-status.confirmed": "sweetshop_order_confirmed", order_refunded: "sweetshop_refund" },
    })
    const status = { type: "template", name: "order_status_update", parameters: ["7", "confirmed", "-"] }
    expect(whatsapp.approvedName("order-status.confirmed", status).name).toBe("sweetshop_order_confirmed")
    expect(whatsapp.approvedName("order-status.delivered", status).name).toBe("order_status_update")
    expect(whatsapp.approvedName("order-refunded", { type: "template", name: "order_refunded", parameters: [] }).name).toBe("sweetshop_refund")
    expect(whatsapp.approvedName("whatsapp-reply", { type: "text", body: "hi" })).toEqual({ type: "text", body: "hi" })
  })
})
