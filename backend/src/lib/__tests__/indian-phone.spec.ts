import { normalizeIndianMobile } from "../indian-phone"

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
