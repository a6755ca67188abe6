import { normalizeIndianMobile, PHONE_REFUSAL } from "../phone"

describe("Indian mobile numbers", () => {
  it.each([
    ["98765 43210", "+919876543210"],
    ["9876543210", "+919876543210"],
    ["+91-98765-43210", "+919876543210"],
    ["+91 98765 43210", "+919876543210"],
    ["(+91) 98765 43210", "+919876543210"],
    ["098765 43210", "+919876543210"],
    ["919876543210", "+919876543210"],
    ["  6123456789 ", "+916123456789"],
  ])("reads %p as %p", (typed, e164) => {
    expect(normalizeIndianMobile(typed)).toBe(e164)
  })

  it.each([
    ["5876543210", "starts with 5: not a mobile"],
    ["98765 4321", "nine digits"],
    ["98765 432100", "eleven digits"],
    ["+1 415 555 0100", "not Indian"],
    ["+44 7911 123456", "not Indian"],
    ["011 2345 6789", "a landline"],
    ["98765-43210 ext 2", "letters"],
    ["", "empty"],
  ])("refuses %p (%s)", (typed) => {
    expect(normalizeIndianMobile(typed)).toBeNull()
  })
})

describe("Indian mobile numbers, edge by edge", () => {
  it("asks for the number in one sentence the shopper can act on", () => {
    expect(PHONE_REFUSAL).toBe("Please give a 10-digit Indian mobile number, for example 98765 43210, so we can send you order updates.")
  })

  it("takes +91 only as a country code: what follows must be the ten digits", () => {
    expect(normalizeIndianMobile("+91 98765 432")).toBeNull()
    expect(normalizeIndianMobile("  +91 98765 432")).toBeNull()
    expect(normalizeIndianMobile("+9198765432101")).toBeNull()
    expect(normalizeIndianMobile("+0 98765 43210")).toBeNull()
  })

  it("strips a leading 91 only from twelve digits, and a leading 0 only from eleven", () => {
    // Ten digits that happen to start with 91 are a mobile number of their own.
    expect(normalizeIndianMobile("91987 65432")).toBe("+919198765432")
    expect(normalizeIndianMobile("92 98765 43210")).toBeNull()
    expect(normalizeIndianMobile("0 98765 43210")).toBe("+919876543210")
    expect(normalizeIndianMobile("0987654321")).toBeNull()
  })

  it("refuses anything but digits, spaces, brackets, dots, dashes and a plus, anywhere in the input", () => {
    expect(normalizeIndianMobile("tel 98765 43210")).toBeNull()
    expect(normalizeIndianMobile("98765 43210 mobile")).toBeNull()
    expect(normalizeIndianMobile("98765.43210")).toBe("+919876543210")
    expect(normalizeIndianMobile("(0) 98765-43210")).toBe("+919876543210")
  })

  it("refuses what is not text", () => {
    expect(normalizeIndianMobile(9876543210 as unknown as string)).toBeNull()
    expect(normalizeIndianMobile(undefined as unknown as string)).toBeNull()
  })
})
