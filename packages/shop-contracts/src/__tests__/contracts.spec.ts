import {
  availableAt,
  buyableNow,
  formatPaise,
  formatQuantity,
  isPickupOption,
  paymentProviderLabel,
  refusal,
  refusalField,
  REFUSALS,
  STATUS_LABELS,
  SHOP_STATUSES,
  toPaise,
  unitOf,
  indianMobileDigits,
} from "../index"

describe("toPaise: amounts Medusa computed, to the nearest paisa", () => {
  it.each([
    [null, null],
    [undefined, null],
    ["12.344", 1234],
    ["12.345", 1235],
    ["-12.345", -1235],
    [0.1 + 0.2, 30],
    [999, 99900],
    [{ numeric: 62.5, toString: () => "62.5" }, 6250],
    [{ value: "1250.00", toString: () => "[object]" }, 125000],
  ])("%p → %p", (amount, paise) => {
    expect(toPaise(amount as any)).toBe(paise)
  })
  it("refuses what is not an amount", () => {
    expect(() => toPaise("abc")).toThrow("Not an amount of rupees: abc")
    expect(() => toPaise(Number.NaN)).toThrow(/Not an amount/)
  })
})

describe("formatPaise", () => {
  it("drops .00 when there are no paise, with lakh grouping", () => {
    expect(formatPaise(99900)).toBe("₹999")
    expect(formatPaise(10000000)).toBe("₹1,00,000")
    expect(formatPaise(6250)).toBe("₹62.50")
    expect(formatPaise(99900, { paise: "always" })).toBe("₹999.00")
    expect(formatPaise(-6250)).toBe("−₹62.50")
  })
  it("refuses fractions of a paisa", () => {
    expect(() => formatPaise(1.5)).toThrow("Paise must be whole: 1.5")
  })
})

describe("units", () => {
  it("reads sold_by, pieces when missing or unknown", () => {
    expect(unitOf({ sold_by: "grams" })).toBe("grams")
    expect(unitOf({ sold_by: "pieces" })).toBe("pieces")
    expect(unitOf({ sold_by: "kilos" })).toBe("pieces")
    expect(unitOf(null)).toBe("pieces")
  })
  it("formats quantities", () => {
    expect(formatQuantity("grams", 500)).toBe("500 g")
    expect(formatQuantity("grams", 1500)).toBe("1.5 kg")
    expect(formatQuantity("pieces", 1)).toBe("1 piece")
    expect(formatQuantity("pieces", 12)).toBe("12 pieces")
  })
})

describe("phone digits", () => {
  it("gives the ten digits or null", () => {
    expect(indianMobileDigits("+91 98765 43210")).toBe("9876543210")
    expect(indianMobileDigits("98765 4321")).toBeNull()
    expect(indianMobileDigits(12345 as unknown)).toBeNull()
  })
})

describe("statuses", () => {
  it("labels every status", () => {
    for (const status of SHOP_STATUSES) expect(STATUS_LABELS[status]).toMatch(/^[A-Z]/)
  })
})

describe("pickup", () => {
  it("is the fulfilment set's type when known, else the option type's code", () => {
    expect(isPickupOption({ service_zone: { fulfillment_set: { type: "pickup" } } })).toBe(true)
    expect(isPickupOption({ service_zone: { fulfillment_set: { type: "shipping" } }, type: { code: "store-pickup" } })).toBe(false)
    expect(isPickupOption({ type: { code: "store-pickup" } })).toBe(true)
    expect(isPickupOption({ type: { code: "standard" } })).toBe(false)
    expect(isPickupOption(null)).toBe(false)
  })
})

describe("available stock", () => {
  const levels = [
    { location_id: "sloc_warehouse", stocked_quantity: 9000, reserved_quantity: 0 },
    { location_id: "sloc_shop", stocked_quantity: "1500", reserved_quantity: "250" },
  ]
  it("reads the first selling location holding a level, never a sum", () => {
    expect(availableAt(levels, ["sloc_shop", "sloc_warehouse"])).toEqual({ available: 1250, location_id: "sloc_shop" })
    expect(availableAt(levels, ["sloc_other", "sloc_warehouse"])).toEqual({ available: 9000, location_id: "sloc_warehouse" })
    expect(availableAt(levels, ["sloc_other"])).toBeNull()
  })
  it("counts whole sizes", () => {
    expect(buyableNow(1250, 500)).toBe(2)
    expect(buyableNow(-100, 500)).toBe(0)
    expect(buyableNow(1000, 0)).toBe(0)
  })
})

describe("refusals", () => {
  it("map codes to fields", () => {
    expect(refusalField("invalid_phone")).toBe("phone")
    expect(refusalField("undeliverable_pincode")).toBe("pincode")
    expect(refusalField("cod_over_cap")).toBe("payment")
    expect(refusalField("pool_shortfall")).toBe("cart")
    expect(refusalField("no_such_code")).toBeNull()
    expect(refusalField(undefined)).toBeNull()
    expect(refusal("slot_full", "The evening slot is full.")).toEqual({ type: "invalid_data", code: "slot_full", message: "The evening slot is full.", field: "delivery_slot" })
    expect(Object.keys(REFUSALS)).toContain("slot_full")
  })
  it("labels payment providers", () => {
    expect(paymentProviderLabel("pp_system_default")).toBe("Cash on delivery")
    expect(paymentProviderLabel(null)).toBe("Unknown")
  })
})

describe("paymentModeOf", () => {
  const { paymentModeOf } = require("../providers")
  it("is online when a payment, or before any payment a session, is not cash on delivery; cod otherwise", () => {
    expect(paymentModeOf({ payment_collections: [{ payments: [{ provider_id: "pp_razorpay_razorpay" }] }] })).toBe("online")
    expect(paymentModeOf({ payment_collections: [{ payments: [{ provider_id: "pp_system_default" }] }] })).toBe("cod")
    expect(paymentModeOf({ payment_collections: [{ payment_sessions: [{ provider_id: "pp_razorpay_razorpay" }] }] })).toBe("online")
    // The payment decides over a session left from an earlier choice.
    expect(paymentModeOf({ payment_collections: [{ payments: [{ provider_id: "pp_system_default" }], payment_sessions: [{ provider_id: "pp_razorpay_razorpay" }] }] })).toBe("cod")
    // A staff order converted without a payment (Medusa's convert to order): cash on delivery.
    expect(paymentModeOf({ payment_collections: [] })).toBe("cod")
    // A phone order paid through its payment link, before its payment is recorded on the order.
    expect(paymentModeOf({ payment_collections: [], metadata: { payment_link: { id: "plink_1", razorpay_payment_id: "pay_1" } } })).toBe("online")
    expect(paymentModeOf({ payment_collections: [], metadata: { payment_link: { id: "plink_1", status: "created" } } })).toBe("cod")
    expect(paymentModeOf({})).toBe("cod")
    expect(paymentModeOf(null)).toBe("cod")
  })
})
