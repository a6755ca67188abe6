import { cashOnDeliveryRefusal, formatRupees } from "../cash-on-delivery"

describe("cash on delivery cap", () => {
  it("allows orders up to the cap and refuses above it in words", () => {
    expect(cashOnDeliveryRefusal(5000, 5000)).toBeNull()
    expect(cashOnDeliveryRefusal(5000.01, 5000)).toBe(
      "Cash on delivery is available for orders up to ₹5,000; this order is ₹5,000.01. Please pay online."
    )
  })

  it("writes rupees with Indian grouping", () => {
    expect(formatRupees(100000)).toBe("₹1,00,000")
    expect(formatRupees(1250.5)).toBe("₹1,250.5")
  })
})
