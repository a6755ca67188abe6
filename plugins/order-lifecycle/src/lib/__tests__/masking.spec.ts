import { maskAddress, maskLine, maskName, maskPhone, mobileDigits } from "../masking"

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

describe("masking, word by word", () => {
  it("shows the last four digits whatever the phone's punctuation, and nothing for fewer than four digits", () => {
    expect(maskPhone("98765-43 210")).toBe("+91 ••••• •3210")
    expect(maskPhone("+91 98765 4321-0")).toBe("+91 ••••• •3210")
    expect(maskPhone("3210")).toBe("+91 ••••• •3210")
    expect(maskPhone("210")).toBeNull()
    expect(maskPhone("+9 1")).toBeNull()
    expect(maskPhone("")).toBeNull()
    expect(maskPhone(undefined)).toBeNull()
  })

  it("turns names into initials, skipping what is missing or blank", () => {
    expect(maskName("Ramesh", "Kumar")).toBe("R. K.")
    expect(maskName("ramesh chandra", "kumar")).toBe("R. C. K.")
    expect(maskName(null, "Kumar")).toBe("K.")
    expect(maskName("  Ramesh   Chandra ", undefined)).toBe("R. C.")
    expect(maskName("Priya", "")).toBe("P.")
    expect(maskName(null, null)).toBeNull()
    expect(maskName(undefined, "   ")).toBeNull()
  })

  it("keeps the house number and each word's first letter of an address line", () => {
    expect(maskLine("14 Chandni Chowk Road")).toBe("14 C••• C••• R•••")
    expect(maskLine("  14   Chandni Chowk  ")).toBe("14 C••• C•••")
    expect(maskLine("7 Dariba Kalan")).toBe("7 D••• K•••")
    expect(maskLine("14/2A Kinari Bazaar")).toBe("14/2A K••• B•••")
    expect(maskLine("221-B Baker Street")).toBe("221-B B••• S•••")
  })

  it("masks any word that is not a house number, even one with digits in it", () => {
    expect(maskLine("Flat A14 Sector 62")).toBe("F••• A••• S••• 62")
    // Digits followed by anything but letters, digits, / or - are masked like a word.
    expect(maskLine("14, Chandni Chowk")).toBe("1••• C••• C•••")
    expect(maskLine("Gali #3")).toBe("G••• #•••")
  })

  it("has nothing to show of an empty line", () => {
    expect(maskLine("   ")).toBeNull()
    expect(maskLine("")).toBeNull()
    expect(maskLine(null)).toBeNull()
  })

  it("shows the district part of the pincode only, and nothing of what is missing", () => {
    expect(maskAddress({ postal_code: "110006" })).toStrictEqual({ name: null, line: null, city: null, pincode: "110•••" })
    expect(maskAddress({ first_name: "Priya", city: "Noida", postal_code: "" })).toStrictEqual({ name: "P.", line: null, city: "Noida", pincode: null })
    expect(maskAddress(undefined)).toBeNull()
  })

  it("reads a mobile number only when the whole input is one", () => {
    expect(mobileDigits("  98765 43210  ")).toBe("9876543210")
    expect(mobileDigits("98765 43210                 ")).toBe("9876543210")
    expect(mobileDigits("+91 (98765) 43210")).toBe("9876543210")
    expect(mobileDigits("6123456789")).toBe("6123456789")
    // Letters before or after, too many digits, too short or too long an input.
    expect(mobileDigits("tel 9876543210")).toBeNull()
    expect(mobileDigits("98765 43210 ext")).toBeNull()
    expect(mobileDigits("98765 432109")).toBeNull()
    expect(mobileDigits("9198765432101")).toBeNull()
    expect(mobileDigits("987654321")).toBeNull()
    expect(mobileDigits("+91 98765 43210 0000000")).toBeNull()
    expect(mobileDigits("5876543210")).toBeNull()
  })
})
