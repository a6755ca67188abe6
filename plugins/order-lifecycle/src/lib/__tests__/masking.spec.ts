import { maskAddress, maskPhone, mobileDigits } from "../masking"

describe("what a tracking page shows of a shopper", () => {
  it("masks the address to initials, the house number, the city and the district part of the pincode", () => {
    expect(
      maskAddress({ first_name: "Priya", last_name: "Sharma", address_1: "221 Lajpat Nagar", city: "New Delhi", postal_code: "110024" })
    ).toEqual({ name: "P. S.", line: "221 L••• N•••", city: "New Delhi", pincode: "110•••" })
    expect(maskAddress(null)).toBeNull()
  })

  it("shows only the last four digits of a phone", () => {
    expect(maskPhone("+919876543210")).toBe("+91 ••••• •3210")
    expect(maskPhone(null)).toBeNull()
  })

  it("reads Indian mobile numbers as people type them, and nothing else", () => {
    for (const typed of ["98765 43210", "+91-98765-43210", "098765 43210", "(+91) 98765 43210", "919876543210"]) {
      expect(mobileDigits(typed)).toBe("9876543210")
    }
    for (const bad of ["12345", "58765 43210", "98765-4321x", "", null, 9876543210, "+1 98765 43210 9"]) expect(mobileDigits(bad)).toBeNull()
  })
})
