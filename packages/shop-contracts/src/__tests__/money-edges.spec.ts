import { BigNumber } from "@medusajs/framework/utils"
import { paiseToRupees, rupeesToPaise } from "../money"

describe("rupees to paise at the edges", () => {
  it("keeps the sign of a negative amount (a refund or an adjustment)", () => {
    expect(rupeesToPaise(-12.5)).toBe(-1250)
    expect(rupeesToPaise("-0.01")).toBe(-1)
    expect(rupeesToPaise(new BigNumber("-199.99"))).toBe(-19999)
    expect(rupeesToPaise(0)).toBe(0)
  })

  it("refuses an amount whose paise JavaScript cannot count exactly", () => {
    expect(rupeesToPaise("1000000000.55")).toBe(100000000055)
    // 9,007,199,254,740,992 paise is one more than Number.MAX_SAFE_INTEGER.
    expect(() => rupeesToPaise("90071992547409.92")).toThrow("₹90071992547409.92 is too large to pay.")
    expect(() => rupeesToPaise(-90071992547409.92)).toThrow("₹-90071992547409.92 is too large to pay.")
  })

  it("refuses amounts JavaScript writes with an exponent as too large, not as unreadable", () => {
    expect(() => rupeesToPaise(1e21)).toThrow("₹1e+21 is too large to pay.")
    expect(() => rupeesToPaise(-1e21)).toThrow("₹-1e+21 is too large to pay.")
    expect(() => rupeesToPaise(1.5e21)).toThrow("₹1.5e+21 is too large to pay.")
    expect(() => rupeesToPaise(-2.25e22)).toThrow("₹-2.25e+22 is too large to pay.")
  })

  it("refuses what is not an amount", () => {
    expect(() => rupeesToPaise(Infinity)).toThrow("Not an amount of rupees: Infinity")
    expect(() => rupeesToPaise(-Infinity)).toThrow("Not an amount of rupees: -Infinity")
  })

  it("says how many decimals are too many", () => {
    expect(() => rupeesToPaise(1.005)).toThrow("₹1.005 has more than two decimals; it cannot be paid in paise.")
    expect(rupeesToPaise(1.5)).toBe(150)
    expect(rupeesToPaise("0.10")).toBe(10)
  })
})

describe("paise back to rupees", () => {
  it("writes two decimals, a sign only below zero", () => {
    expect(paiseToRupees(0)).toBe("0.00")
    expect(paiseToRupees(-1250)).toBe("-12.50")
    expect(paiseToRupees(-1)).toBe("-0.01")
    expect(paiseToRupees(100)).toBe("1.00")
    expect(paiseToRupees(9007199254740991)).toBe("90071992547409.91")
  })

  it("refuses fractions of a paisa", () => {
    expect(() => paiseToRupees(0.5)).toThrow("Paise must be whole: 0.5")
    expect(() => paiseToRupees(-12.25)).toThrow("Paise must be whole: -12.25")
    expect(() => paiseToRupees(NaN)).toThrow("Paise must be whole: NaN")
  })
})
