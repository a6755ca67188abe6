import { BigNumber } from "@medusajs/framework/utils"
import { wholeQuantity } from "../draft-order-stock"

describe("draft order lines' quantities", () => {
  it("reads numbers, numeric strings, Medusa BigNumbers and their raw form", () => {
    expect(wholeQuantity(2)).toBe(2)
    expect(wholeQuantity("3")).toBe(3)
    expect(wholeQuantity(new BigNumber(4))).toBe(4)
    expect(wholeQuantity({ value: "5", precision: 20 })).toBe(5)
  })
})
