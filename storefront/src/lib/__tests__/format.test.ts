import {
  formatGrams,
  formatIndianPhone,
  formatPaise,
  formatPaiseShort,
  formatUnitPricePaise,
  formatPieces,
  formatQuantityOf,
  formatRupees,
  formatRupeesShort,
  formatUnitPrice,
  rupeesPerKg,
  rupeesPerPiece,
} from "../format"

describe("formatRupees", () => {
  it.each([
    [0, "₹0.00"],
    [5, "₹5.00"],
    [62.5, "₹62.50"],
    [999, "₹999.00"],
    [1250, "₹1,250.00"],
    [12345.678, "₹12,345.68"],
    [100000, "₹1,00,000.00"],
    [2500000, "₹25,00,000.00"],
    [10000000, "₹1,00,00,000.00"],
  ])("%p rupees → %s", (rupees, text) => {
    expect(formatRupees(rupees)).toBe(text)
  })

  it("drops the paise when asked, with lakh grouping", () => {
    expect(formatRupees(100000, { whole: true })).toBe("₹1,00,000")
    expect(formatRupees(1249.6, { whole: true })).toBe("₹1,250")
  })

  it("writes a minus sign before the rupee sign", () => {
    expect(formatRupees(-60)).toBe("−₹60.00")
  })

  it("refuses what is not an amount", () => {
    expect(() => formatRupees(Number.NaN)).toThrow()
  })

  it("short form keeps paise only when there are some", () => {
    expect(formatRupeesShort(999)).toBe("₹999")
    expect(formatRupeesShort(5000)).toBe("₹5,000")
    expect(formatRupeesShort(62.5)).toBe("₹62.50")
  })
})

describe("weights and pieces", () => {
  it.each([
    [0, "0 g"],
    [250, "250 g"],
    [500, "500 g"],
    [750, "750 g"],
    [1000, "1 kg"],
    [1500, "1.5 kg"],
    [4200, "4.2 kg"],
    [1250, "1.25 kg"],
    [100000, "100 kg"],
  ])("%p g → %s", (grams, text) => {
    expect(formatGrams(grams)).toBe(text)
  })

  it("refuses negative weights", () => {
    expect(() => formatGrams(-1)).toThrow()
  })

  it("counts pieces", () => {
    expect(formatPieces(1)).toBe("1 piece")
    expect(formatPieces(12)).toBe("12 pieces")
    expect(formatQuantityOf("pieces", 6)).toBe("6 pieces")
    expect(formatQuantityOf("grams", 500)).toBe("500 g")
  })
})

describe("unit prices", () => {
  it("price per kilogram from a box", () => {
    expect(rupeesPerKg(300, 250)).toBe(1200)
    expect(rupeesPerKg(600, 500)).toBe(1200)
    expect(rupeesPerKg(1200, 1000)).toBe(1200)
    expect(rupeesPerKg(185, 250)).toBe(740)
    expect(rupeesPerKg(100, 300)).toBe(333.33)
    expect(formatUnitPrice("grams", 300, 250)).toBe("₹1,200.00/kg")
  })

  it("price per piece from a pack", () => {
    expect(rupeesPerPiece(140, 6)).toBe(23.33)
    expect(formatUnitPrice("pieces", 270, 12)).toBe("₹22.50/piece")
  })

  it("refuses empty boxes", () => {
    expect(() => rupeesPerKg(100, 0)).toThrow()
    expect(() => rupeesPerPiece(100, 0)).toThrow()
  })
})

describe("phones", () => {
  it("groups an Indian mobile the way it is read aloud", () => {
    expect(formatIndianPhone("+919876543210")).toBe("+91 98765 43210")
    expect(formatIndianPhone("+441234567890")).toBe("+441234567890")
  })
})

describe("amounts in paise (the catalogue and tracking routes)", () => {
  it.each([
    [0, "₹0.00"],
    [6250, "₹62.50"],
    [125000, "₹1,250.00"],
    [10000000, "₹1,00,000.00"],
  ])("%p paise → %s", (paise, text) => {
    expect(formatPaise(paise)).toBe(text)
  })

  it("short labels drop paise only when there are none", () => {
    expect(formatPaiseShort(99900)).toBe("₹999")
    expect(formatPaiseShort(6250)).toBe("₹62.50")
  })

  it("price per kg or piece from a box in paise", () => {
    expect(formatUnitPricePaise("grams", 30000, 250)).toBe("₹1,200.00/kg")
    expect(formatUnitPricePaise("pieces", 14000, 6)).toBe("₹23.33/piece")
  })

  it("refuses paise that are not whole", () => {
    expect(() => formatPaise(12.5)).toThrow()
  })
})
