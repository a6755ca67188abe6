import {
  checkPincode,
  DELIVERY_AREA_RULE,
  deliveryAreaContext,
  deliveryAreaNames,
  deliveryAreaOf,
  pincodeSchema,
  SERVICEABLE_PINCODES,
  undeliverableSentence,
} from "../delivery-area"

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
    expect(checkPincode("110001")).toEqual({ pincode: "110001", serviceable: true, area: "New Delhi" })
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
