import { adjustmentSchema, MAX_POOL_UNITS, MAX_UNITS, parseOrRefuse, settingsSchema } from "../admin-input"

const refusal = (body: unknown) => {
  try {
    parseOrRefuse(adjustmentSchema, body)
  } catch (error) {
    return (error as Error).message
  }
  return null
}

describe("what staff may send to change a pool", () => {
  it("refuses control characters in a reason, keeps line breaks and tabs, trims the ends", () => {
    for (const reason of ["fresh\u0000batch", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085"]) {
      expect(refusal({ delta_units: 5, reason })).toBe("Reason must be plain text, without control characters such as a NUL byte.")
    }
    expect(parseOrRefuse(adjustmentSchema, { delta_units: 5, reason: "  Fresh batch\r\nfrom the\tkitchen " }).reason).toBe(
      "Fresh batch\r\nfrom the\tkitchen"
    )
    expect(refusal({ delta_units: 5, reason: " \n\t " })).toBe('Reason is required (for example "fresh batch" or "wastage").')
    expect(refusal({ delta_units: 5, reason: "x".repeat(201) })).toBe("Reason must be at most 200 characters.")
  })

  it("bounds amounts to what a shop can hold, either way", () => {
    expect(MAX_POOL_UNITS).toEqual({ grams: 10_000_000, pieces: 1_000_000 })
    expect(MAX_UNITS).toBe(10_000_000)
    expect(parseOrRefuse(adjustmentSchema, { delta_units: 10_000_000, reason: "x" }).delta_units).toBe(10_000_000)
    expect(parseOrRefuse(adjustmentSchema, { delta_units: -10_000_000, reason: "x" }).delta_units).toBe(-10_000_000)
    for (const delta_units of [10_000_001, -10_000_001, 2_147_483_648, Number.MAX_SAFE_INTEGER]) {
      expect(refusal({ delta_units, reason: "x" })).toBe(
        "Delta_units can add or take away at most 1,00,00,000 (10,000 kg, or 10,00,000 pieces) at a time."
      )
    }
    expect(refusal({ set_to_units: 10_000_001, reason: "x" })).toBe("Set_to_units can be at most 1,00,00,000 (10,000 kg, or 10,00,000 pieces).")
    expect(parseOrRefuse(adjustmentSchema, { set_to_units: 10_000_000, reason: "x" }).set_to_units).toBe(10_000_000)
    expect(() => parseOrRefuse(settingsSchema, { low_stock_threshold_units: 2_147_483_648 })).toThrow(
      "Low_stock_threshold_units can be at most 1,00,00,000 (10,000 kg, or 10,00,000 pieces)."
    )
  })

  it("still refuses fractions, text and infinity as amounts", () => {
    expect(refusal({ delta_units: 1.5, reason: "x" })).toBe("Delta_units must be a whole number of grams or pieces.")
    expect(refusal({ delta_units: Infinity, reason: "x" })).toBe("Delta_units must be a whole number of grams or pieces.")
    expect(refusal({ delta_units: "5", reason: "x" })).toBe("Delta_units must be a number.")
  })
})
