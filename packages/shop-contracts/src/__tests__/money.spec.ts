import { BigNumber } from "@medusajs/framework/utils"
import { paiseToRupees, rupeesToPaise } from "../money"

describe("rupees and paise", () => {
  it.each([
    [0.01, 1],
    ["0.01", 1],
    [199.99, 19999],
    ["199.99", 19999],
    [100000.1, 10000010],
    ["100000.10", 10000010],
    [1250, 125000],
    [0.1 + 0.2, null],
  ])("converts ₹%p to %p paise exactly", (rupees, paise) => {
    if (paise === null) {
      // 0.30000000000000004 is not an amount anyone can pay.
      expect(() => rupeesToPaise(rupees as number)).toThrow(/more than two decimals/)
      return
    }
    expect(rupeesToPaise(rupees as number)).toBe(paise)
  })

  it("reads Medusa's BigNumber amounts", () => {
    expect(rupeesToPaise(new BigNumber("199.99"))).toBe(19999)
    expect(rupeesToPaise(new BigNumber(1e-2))).toBe(1)
  })

  it("turns paise back into rupees", () => {
    expect(paiseToRupees(1)).toBe("0.01")
    expect(paiseToRupees(19999)).toBe("199.99")
    expect(paiseToRupees(10000010)).toBe("100000.10")
    expect(() => paiseToRupees(1.5)).toThrow(/whole/)
  })
})
