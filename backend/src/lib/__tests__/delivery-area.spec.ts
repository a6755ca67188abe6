import {
  checkPincode,
  DELIVERY_AREA_CONTEXT_KEY,
  DELIVERY_AREA_RULE,
  deliveryAreaContext,
  deliveryAreaNames,
  deliveryAreaOf,
  normalizePincode,
  pincodeSchema,
  SERVICEABLE_PINCODES,
  undeliverableSentence,
} from "../rules/delivery-area"

describe("delivery area", () => {
  it("serves every pincode of each range, both ends included, and none just outside", () => {
    for (const range of SERVICEABLE_PINCODES) {
      expect(deliveryAreaOf(String(range.from))).toBe(range.area)
      expect(deliveryAreaOf(String(range.to))).toBe(range.area)
      expect(deliveryAreaOf(String(Math.floor((range.from + range.to) / 2)))).toBe(range.area)
      for (const outside of [range.from - 1, range.to + 1]) {
        if (!SERVICEABLE_PINCODES.some((r) => outside >= r.from && outside <= r.to)) expect(deliveryAreaOf(String(outside))).toBeNull()
      }
    }
  })

  it("names the area of the shop's neighbourhoods and refuses far ones", () => {
    expect(deliveryAreaOf("110001")).toBe("New Delhi")
    expect(deliveryAreaOf("110006")).toBe("New Delhi") // the kitchen, Chandni Chowk
    expect(deliveryAreaOf("122002")).toBe("Gurugram")
    expect(deliveryAreaOf("201301")).toBe("Noida")
    expect(deliveryAreaOf("201010")).toBe("Ghaziabad")
    expect(deliveryAreaOf("121006")).toBe("Faridabad")
    expect(deliveryAreaOf("110098")).toBeNull()
    expect(deliveryAreaOf("400001")).toBeNull() // Mumbai
    expect(deliveryAreaOf("560001")).toBeNull() // Bengaluru
  })

  it("reads a pincode as a cart may hold it, and never a malformed one", () => {
    expect(deliveryAreaOf("110 024")).toBe("New Delhi")
    expect(deliveryAreaOf(" 110024 ")).toBe("New Delhi")
    expect(deliveryAreaOf("11002")).toBeNull()
    expect(deliveryAreaOf("1100240")).toBeNull()
    expect(deliveryAreaOf("011002")).toBeNull()
    expect(deliveryAreaOf("")).toBeNull()
  })

  it("answers the store route's two shapes", () => {
    expect(checkPincode("110001")).toEqual({ pincode: "110001", serviceable: true, area: "New Delhi", city: "New Delhi", state: "Delhi" })
    expect(checkPincode("122001")).toEqual({ pincode: "122001", serviceable: true, area: "Gurugram", city: "Gurugram", state: "Haryana" })
    expect(checkPincode("201301")).toMatchObject({ city: "Noida", state: "Uttar Pradesh" })
    expect(checkPincode("121006")).toMatchObject({ city: "Faridabad", state: "Haryana" })
    expect(checkPincode("400001")).toEqual({
      pincode: "400001",
      serviceable: false,
      message: "We do not deliver to 400001 yet: our riders cover New Delhi, Gurugram, Noida, Ghaziabad and Faridabad. Store pickup is open to everyone.",
    })
    expect(checkPincode("400001")).toMatchObject({ message: undeliverableSentence("400001") })
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
    expect(ruleHolds(deliveryAreaContext("110024"))).toBe(true)
    expect(ruleHolds(deliveryAreaContext("400001"))).toBe(false)
    expect(ruleHolds(deliveryAreaContext(undefined))).toBe(true)
    expect(ruleHolds(deliveryAreaContext(""))).toBe(true)
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
    for (const [pincode, area] of served) expect([pincode, deliveryAreaOf(pincode)]).toStrictEqual([pincode, area])
  })

  it("reads only six digits as a pincode, even where a number would read the same", () => {
    expect(deliveryAreaOf("0110001")).toBeNull()
    expect(deliveryAreaOf("110001.0")).toBeNull()
    expect(deliveryAreaOf("110001e0")).toBeNull()
    expect(deliveryAreaOf("+110001")).toBeNull()
    expect(deliveryAreaOf("110\t001")).toBe("New Delhi")
  })

  it("asks for a pincode when there is none", () => {
    const parsed = pincodeSchema.safeParse(undefined)
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(parsed.error.issues[0].message).toBe("Please enter a pincode.")
    expect(pincodeSchema.parse(" 110024 ")).toBe("110024")
  })

  it("names the areas in order, however many there are", () => {
    expect(deliveryAreaNames()).toBe("New Delhi, Gurugram, Noida, Ghaziabad and Faridabad")
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
    expect(deliveryAreaContext("110 024")).toStrictEqual({ delivery_pincode: "inside" })
    expect(deliveryAreaContext("400001")).toStrictEqual({ delivery_pincode: "outside" })
    expect(deliveryAreaContext("40000")).toStrictEqual({ delivery_pincode: "outside" })
    expect(deliveryAreaContext(null)).toStrictEqual({ delivery_pincode: "unknown" })
    expect(deliveryAreaContext("   ")).toStrictEqual({ delivery_pincode: "unknown" })
  })
})
