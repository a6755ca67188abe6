import { formatGrams, formatIndianPhone, formatPaise, formatPieces, formatQuantity, formatRupees, formatUnitPricePaise, rupeesAsPaise } from "../format"

describe("formatRupees (Medusa's carts and orders, in rupees)", () => {
  it.each([
    [0, "₹0"],
    [5, "₹5"],
    [62.5, "₹62.50"],
    [999, "₹999"],
    [1250, "₹1,250"],
    [12345.678, "₹12,345.68"],
    [100000, "₹1,00,000"],
    [2500000, "₹25,00,000"],
    [10000000, "₹1,00,00,000"],
    ["199.99", "₹199.99"],
  ])("%p rupees → %s", (rupees, text) => {
    expect(formatRupees(rupees)).toBe(text)
  })

  it("writes a minus sign before the rupee sign", () => {
    expect(formatRupees(-60)).toBe("−₹60")
  })

  it("refuses what is not an amount", () => {
    expect(() => formatRupees(Number.NaN)).toThrow()
    expect(() => formatRupees("sixty")).toThrow()
  })

  it("turns rupees into paise through their digits (0.1 + 0.2 is not 30.000000000000004 paise)", () => {
    expect(rupeesAsPaise(0.1 + 0.2)).toBe(30)
    expect(rupeesAsPaise("199.99")).toBe(19999)
    expect(rupeesAsPaise(null)).toBe(0)
  })
})

describe("weights and pieces (the contracts' rules)", () => {
  it.each([
    [0, "0 g"],
    [250, "250 g"],
    [1000, "1 kg"],
    [1500, "1.5 kg"],
    [1250, "1.25 kg"],
  ])("%p g → %s", (grams, text) => {
    expect(formatGrams(grams)).toBe(text)
  })

  it("counts pieces", () => {
    expect(formatPieces(1)).toBe("1 piece")
    expect(formatQuantity("pieces", 6)).toBe("6 pieces")
    expect(formatQuantity("grams", 500)).toBe("500 g")
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
    [0, "₹0"],
    [6250, "₹62.50"],
    [99900, "₹999"],
    [125000, "₹1,250"],
    [10000000, "₹1,00,000"],
  ])("%p paise → %s (no .00 on whole rupees)", (paise, text) => {
    expect(formatPaise(paise)).toBe(text)
  })

  it("price per kg or piece from a box in paise", () => {
    expect(formatUnitPricePaise("grams", 30000, 250)).toBe("₹1,200/kg")
    expect(formatUnitPricePaise("grams", 10000, 300)).toBe("₹333.33/kg")
    expect(formatUnitPricePaise("pieces", 14000, 6)).toBe("₹23.33/piece")
    expect(formatUnitPricePaise("pieces", 400000, 5, "box")).toBe("₹800/box")
    expect(() => formatUnitPricePaise("pieces", 14000, 0)).toThrow()
  })

  it("refuses paise that are not whole", () => {
    expect(() => formatPaise(12.5)).toThrow()
    expect(() => formatUnitPricePaise("grams", 12.5, 250)).toThrow()
  })
})
