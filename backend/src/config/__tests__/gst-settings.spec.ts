import { readShopEnv, ShopConfigError } from "../env"

const base = { DATABASE_URL: "postgres://postgres:secret@localhost:5432/sweetshop" }

function problem(env: NodeJS.ProcessEnv): ShopConfigError {
  try {
    readShopEnv(env)
  } catch (error) {
    if (error instanceof ShopConfigError) return error
    throw error
  }
  throw new Error("expected a ShopConfigError")
}

describe("the seller's GST settings", () => {
  it("has local-trial defaults: a Delhi GSTIN, name, address, state and FSSAI licence", () => {
    const env = readShopEnv(base)
    expect(env.SHOP_GSTIN).toBe("07AABCS1234Q1Z5")
    expect(env.SHOP_STATE).toBe("Delhi (07)")
    expect(env.SHOP_FSSAI_LICENCE).toMatch(/^\d{14}$/)
    expect(env.SHOP_LEGAL_NAME.length).toBeGreaterThan(3)
    expect(env.SHOP_ADDRESS.length).toBeGreaterThan(10)
  })

  it("takes a shop in another state when its GSTIN is of that state", () => {
    const env = readShopEnv({ ...base, SHOP_STATE: "Maharashtra", SHOP_GSTIN: "27aabcs1234q1z5" })
    expect(env.SHOP_GSTIN).toBe("27AABCS1234Q1Z5")
  })

  it("refuses, in one sentence each, a GSTIN of another state, a wrong state code, an unknown state and a short licence", () => {
    expect(problem({ ...base, SHOP_GSTIN: "09AABCS1234Q1Z5" }).message).toBe(
      "SHOP_GSTIN is invalid: it starts with state code 09, but SHOP_STATE is Delhi (07)."
    )
    expect(problem({ ...base, SHOP_STATE: "Delhi (09)" }).message).toBe("SHOP_STATE is invalid: Delhi's GST state code is 07, not 09.")
    expect(problem({ ...base, SHOP_STATE: "Atlantis" }).variable).toBe("SHOP_STATE")
    expect(problem({ ...base, SHOP_GSTIN: "07AABCS1234" }).message).toMatch(/^SHOP_GSTIN is invalid: it must be a 15-character GSTIN/)
    expect(problem({ ...base, SHOP_FSSAI_LICENCE: "12345" }).message).toBe("SHOP_FSSAI_LICENCE is invalid: it must be the 14-digit FSSAI licence number.")
  })
})

describe("SMS DLT ids and WhatsApp template names", () => {
  it("reads the entity id, the template ids and the template names as JSON", () => {
    const env = readShopEnv({
      ...base,
      SMS_DLT_ENTITY_ID: "1101600000000012345",
      SMS_DLT_TEMPLATE_IDS: '{"order-placed":"1107160000000012345","order-status.confirmed":"1107160000000012346"}',
      WHATSAPP_TEMPLATE_NAMES: '{"order-status.confirmed":"order_confirmed"}',
    })
    expect(env.SMS_DLT_TEMPLATE_IDS).toEqual({ "order-placed": "1107160000000012345", "order-status.confirmed": "1107160000000012346" })
    expect(env.WHATSAPP_TEMPLATE_NAMES).toEqual({ "order-status.confirmed": "order_confirmed" })
  })

  it("refuses what is not such a JSON object, in one sentence", () => {
    expect(problem({ ...base, SMS_DLT_TEMPLATE_IDS: "order-placed=1" }).message).toMatch(/^SMS_DLT_TEMPLATE_IDS is invalid: it must be a JSON object of SMS template names and DLT template ids/)
    expect(problem({ ...base, SMS_DLT_TEMPLATE_IDS: '{"order-placed":"abc"}' }).variable).toBe("SMS_DLT_TEMPLATE_IDS")
    expect(problem({ ...base, SMS_DLT_ENTITY_ID: "PE-1" }).variable).toBe("SMS_DLT_ENTITY_ID")
    expect(problem({ ...base, WHATSAPP_TEMPLATE_NAMES: '["a"]' }).variable).toBe("WHATSAPP_TEMPLATE_NAMES")
  })
})
