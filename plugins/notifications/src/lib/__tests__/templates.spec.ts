import { formatRupees, orderPlacedText } from "../templates"

describe("message templates", () => {
  const order = {
    display_id: 1042,
    items: [
      { title: "Kaju Katli", variant_title: "500 g", quantity: 1 },
      { title: "Rasgulla", variant_title: "6 pieces", quantity: 2 },
    ],
    total_rupees: 880,
    payment: "cod" as const,
  }

  it("writes the order-placed SMS with number, items with weights, total in rupees and payment mode", () => {
    expect(orderPlacedText(order)).toBe(
      "Sweet Shop: order #1042 placed. 1 × Kaju Katli 500 g, 2 × Rasgulla 6 pieces. Total ₹880.00 (cash on delivery)."
    )
    expect(orderPlacedText({ ...order, payment: "online", tracking_url: "https://s.shop/t/abc" })).toMatch(/\(paid online\)\. Track: https:\/\/s\.shop\/t\/abc$/)
  })

  it("has a Hindi option", () => {
    expect(orderPlacedText(order, "hi")).toContain("ऑर्डर #1042")
    expect(orderPlacedText(order, "hi")).toContain("डिलीवरी पर भुगतान")
  })

  it("keeps a typical order within two SMS segments (₹ makes it Unicode: 67 characters a segment)", () => {
    expect(orderPlacedText(order).length).toBeLessThanOrEqual(134)
  })

  it("writes rupees the Indian way", () => {
    expect(formatRupees(100000)).toBe("₹1,00,000.00")
    expect(formatRupees(1250)).toBe("₹1,250.00")
  })
})
