import {
  checkPincode,
  DELIVERY_AREA_CONTEXT_KEY,
  DELIVERY_AREA_RULE,
  deliveryAreaContext,
  deliveryAreaNames,
  deliveryAreaOf,
  areaPriceKeys,
  homeDeliveryPrices,
  priceAreaOf,
  normalizePincode,
  pincodeSchema,
  type ServedRange,
  undeliverableSentence,
} from "../rules/delivery-area"
import { SEED_DELIVERY_AREAS } from "../../scripts/seed-data/delivery"

/** The seeded Delhi NCR area (the rules take the ranges the delivery settings module holds). */
const SERVICEABLE_PINCODES: ServedRange[] = SEED_DELIVERY_AREAS.map((a) => ({ from: a.pincode_from, to: a.pincode_to, area: a.name, city: a.city, state: a.state }))

describe("delivery area", () => {
  it("serves every pincode of each range, both ends included, and none just outside", () => {
    for (const range of SERVICEABLE_PINCODES) {
      expect(deliveryAreaOf(String(range.from), SERVICEABLE_PINCODES)).toBe(range.area)
      expect(deliveryAreaOf(String(range.to), SERVICEABLE_PINCODES)).toBe(range.area)
      expect(deliveryAreaOf(String(Math.floor((range.from + range.to) / 2)), SERVICEABLE_PINCODES)).toBe(range.area)
      for (const outside of [range.from - 1, range.to + 1]) {
        if (!SERVICEABLE_PINCODES.some((r) => outside >= r.from && outside <= r.to)) expect(deliveryAreaOf(String(outside), SERVICEABLE_PINCODES)).toBeNull()
      }
    }
  })

  it("names the area of the shop's neighbourhoods and refuses far ones", () => {
    expect(deliveryAreaOf("110001", SERVICEABLE_PINCODES)).toBe("New Delhi")
    expect(deliveryAreaOf("110006", SERVICEABLE_PINCODES)).toBe("New Delhi") // the kitchen, Chandni Chowk
    expect(deliveryAreaOf("122002", SERVICEABLE_PINCODES)).toBe("Gurugram")
    expect(deliveryAreaOf("201301", SERVICEABLE_PINCODES)).toBe("Noida")
    expect(deliveryAreaOf("201010", SERVICEABLE_PINCODES)).toBe("Ghaziabad")
    expect(deliveryAreaOf("121006", SERVICEABLE_PINCODES)).toBe("Faridabad")
    expect(deliveryAreaOf("110098", SERVICEABLE_PINCODES)).toBeNull()
    expect(deliveryAreaOf("400001", SERVICEABLE_PINCODES)).toBeNull() // Mumbai
    expect(deliveryAreaOf("560001", SERVICEABLE_PINCODES)).toBeNull() // Bengaluru
  })

  it("reads a pincode as a cart may hold it, and never a malformed one", () => {
    expect(deliveryAreaOf("110 024", SERVICEABLE_PINCODES)).toBe("New Delhi")
    expect(deliveryAreaOf(" 110024 ", SERVICEABLE_PINCODES)).toBe("New Delhi")
    expect(deliveryAreaOf("11002", SERVICEABLE_PINCODES)).toBeNull()
    expect(deliveryAreaOf("1100240", SERVICEABLE_PINCODES)).toBeNull()
    expect(deliveryAreaOf("011002", SERVICEABLE_PINCODES)).toBeNull()
    expect(deliveryAreaOf("", SERVICEABLE_PINCODES)).toBeNull()
  })

  it("answers the store route's two shapes", () => {
    expect(checkPincode("110001", SERVICEABLE_PINCODES)).toEqual({ pincode: "110001", serviceable: true, area: "New Delhi", city: "New Delhi", state: "Delhi" })
    expect(checkPincode("122001", SERVICEABLE_PINCODES)).toEqual({ pincode: "122001", serviceable: true, area: "Gurugram", city: "Gurugram", state: "Haryana" })
    expect(checkPincode("201301", SERVICEABLE_PINCODES)).toMatchObject({ city: "Noida", state: "Uttar Pradesh" })
    expect(checkPincode("121006", SERVICEABLE_PINCODES)).toMatchObject({ city: "Faridabad", state: "Haryana" })
    expect(checkPincode("400001", SERVICEABLE_PINCODES)).toEqual({
      pincode: "400001",
      serviceable: false,
      message: "We do not deliver to 400001 yet: our riders cover New Delhi, Gurugram, Noida, Ghaziabad and Faridabad. Store pickup is open to everyone.",
    })
    expect(checkPincode("400001", SERVICEABLE_PINCODES)).toMatchObject({ message: undeliverableSentence("400001", SERVICEABLE_PINCODES) })
  })

  it("names each area once, however many ranges it has", () => {
    expect(deliveryAreaNames([{ from: 1, to: 2, area: "A" }, { from: 5, to: 6, area: "B" }, { from: 8, to: 9, area: "A" }])).toBe("A and B")
    expect(deliveryAreaNames([{ from: 1, to: 2, area: "A" }])).toBe("A")
  })

  it("accepts only a 6-digit Indian PIN code, first digit 1 to 9", () => {
    for (const good of ["110001", "999999", " 400001 "]) expect(pincodeSchema.safeParse(good).success).toBe(true)
    for (const bad of ["011001", "11001", "1100011", "11O001", "110-01", "", "abcdef"]) {
      const parsed = pincodeSchema.safeParse(bad)
      expect(parsed.success).toBe(false)
      if (!parsed.success) expect(parsed.error.issues[0].message).toBe("Please enter a 6-digit Indian pincode, for example 110024.")
    }
  })

  it("tells home delivery's rule inside from outside, and leaves a cart without a pincode alone", () => {
    const ruleHolds = (context: Record<string, string>) => `${context[DELIVERY_AREA_RULE.attribute]}` !== DELIVERY_AREA_RULE.value
    expect(ruleHolds(deliveryAreaContext("110024", SERVICEABLE_PINCODES))).toBe(true)
    expect(ruleHolds(deliveryAreaContext("400001", SERVICEABLE_PINCODES))).toBe(false)
    expect(ruleHolds(deliveryAreaContext(undefined, SERVICEABLE_PINCODES))).toBe(true)
    expect(ruleHolds(deliveryAreaContext("", SERVICEABLE_PINCODES))).toBe(true)
  })
})

describe("delivery area, range by range", () => {
  it("covers exactly these pincodes", () => {
    const served: [string, string | null][] = [
      ["110000", null],
      ["110001", "New Delhi"],
      ["110097", "New Delhi"],
      ["110098", null],
      ["122000", null],
      ["122001", "Gurugram"],
      ["122018", "Gurugram"],
      ["122019", null],
      ["201300", null],
      ["201301", "Noida"],
      ["201310", "Noida"],
      ["201311", null],
      ["201000", null],
      ["201001", "Ghaziabad"],
      ["201017", "Ghaziabad"],
      ["201018", null],
      ["121000", null],
      ["121001", "Faridabad"],
      ["121010", "Faridabad"],
      ["121011", null],
    ]
    for (const [pincode, area] of served) expect([pincode, deliveryAreaOf(pincode, SERVICEABLE_PINCODES)]).toStrictEqual([pincode, area])
  })

  it("reads only six digits as a pincode, even where a number would read the same", () => {
    expect(deliveryAreaOf("0110001", SERVICEABLE_PINCODES)).toBeNull()
    expect(deliveryAreaOf("110001.0", SERVICEABLE_PINCODES)).toBeNull()
    expect(deliveryAreaOf("110001e0", SERVICEABLE_PINCODES)).toBeNull()
    expect(deliveryAreaOf("+110001", SERVICEABLE_PINCODES)).toBeNull()
    expect(deliveryAreaOf("110\t001", SERVICEABLE_PINCODES)).toBe("New Delhi")
  })

  it("asks for a pincode when there is none", () => {
    const parsed = pincodeSchema.safeParse(undefined)
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(parsed.error.issues[0].message).toBe("Please enter a pincode.")
    expect(pincodeSchema.parse(" 110024 ")).toBe("110024")
  })

  it("names the areas in order, however many there are", () => {
    expect(deliveryAreaNames(SERVICEABLE_PINCODES)).toBe("New Delhi, Gurugram, Noida, Ghaziabad and Faridabad")
    expect(deliveryAreaNames([{ from: 1, to: 2, area: "A" }, { from: 3, to: 4, area: "B" }, { from: 5, to: 6, area: "C" }])).toBe("A, B and C")
    expect(deliveryAreaNames([])).toBe("")
  })

  it("writes postal codes as their six digits", () => {
    expect(normalizePincode(" 110 024 ")).toBe("110024")
    expect(normalizePincode(null)).toBe("")
    expect(normalizePincode(undefined)).toBe("")
  })

  it("gives home delivery's rule and context their names and values", () => {
    expect(DELIVERY_AREA_CONTEXT_KEY).toBe("delivery_pincode")
    expect(DELIVERY_AREA_RULE).toStrictEqual({ attribute: "delivery_pincode", operator: "ne", value: "outside" })
    expect(deliveryAreaContext("110 024", SERVICEABLE_PINCODES)).toStrictEqual({ delivery_pincode: "inside" })
    expect(deliveryAreaContext("400001", SERVICEABLE_PINCODES)).toStrictEqual({ delivery_pincode: "outside" })
    expect(deliveryAreaContext("40000", SERVICEABLE_PINCODES)).toStrictEqual({ delivery_pincode: "outside" })
    expect(deliveryAreaContext(null, SERVICEABLE_PINCODES)).toStrictEqual({ delivery_pincode: "unknown" })
    expect(deliveryAreaContext("   ", SERVICEABLE_PINCODES)).toStrictEqual({ delivery_pincode: "unknown" })
  })
})

describe("home delivery's prices from the areas", () => {
  const area = (key: number) => ({ attribute: "shipping_address.metadata.delivery_price_area", operator: "eq", value: key })
  const from = (value: number) => ({ attribute: "item_total", operator: "gte", value })
  const PUNE: ServedRange = { from: 411001, to: 411999, area: "Pune", area_id: "darea_pune", charge_rupees: 40, free_above_rupees: 600 }
  const JAIPUR: ServedRange = { from: 302001, to: 302001, area: "Jaipur", area_id: "darea_jaipur", charge_rupees: 90, free_above_rupees: null }

  it("prices each area once, whatever its size: its charge and 0 from its free-above threshold, two rules each; the first area's without an area", () => {
    const keys = areaPriceKeys([PUNE, JAIPUR])
    const pune = keys.get("darea_pune")!
    const jaipur = keys.get("darea_jaipur")!
    expect(pune).not.toBe(jaipur)
    const prices = homeDeliveryPrices([PUNE, { ...PUNE, from: 412001, to: 412001 }, JAIPUR])
    expect(prices).toEqual([
      { currency_code: "inr", amount: 40, rules: [area(pune), from(0)] },
      { currency_code: "inr", amount: 0, rules: [area(pune), from(600)] },
      { currency_code: "inr", amount: 90, rules: [area(jaipur), from(0)] },
      { currency_code: "inr", amount: 40, rules: [] },
      { currency_code: "inr", amount: 0, rules: [from(600)] },
    ])
    expect(homeDeliveryPrices([])).toEqual([])
  })

  it("keys an address by the area of its pincode (the first that serves it), stable while the area's pincodes change, empty outside", () => {
    const ranges = [PUNE, JAIPUR]
    expect(priceAreaOf("411 004", ranges)).toBe(String(areaPriceKeys(ranges).get("darea_pune")))
    expect(priceAreaOf("302001", ranges)).toBe(String(areaPriceKeys(ranges).get("darea_jaipur")))
    expect(priceAreaOf("302001", [{ ...JAIPUR, from: 302000, to: 302999 }])).toBe(priceAreaOf("302001", ranges))
    expect(priceAreaOf("110024", ranges)).toBe("")
    expect(priceAreaOf(null, ranges)).toBe("")
    const overlapping: ServedRange[] = [
      { from: 110001, to: 110002, area: "A", area_id: "darea_a", charge_rupees: 60, free_above_rupees: null },
      { from: 110002, to: 110003, area: "B", area_id: "darea_b", charge_rupees: 80, free_above_rupees: null },
    ]
    expect(priceAreaOf("110002", overlapping)).toBe(priceAreaOf("110001", overlapping))
    expect(priceAreaOf("110003", overlapping)).not.toBe(priceAreaOf("110001", overlapping))
    expect(deliveryAreaOf("110002", overlapping)).toBe("A")
  })
})
