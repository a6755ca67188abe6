import { refundArrival } from "../index"

describe("refundArrival", () => {
  it("is instant when Razorpay processed the refund of that amount at instant speed", () => {
    const data = [{ refunds: [{ id: "rfnd_1", amount_paise: 500, speed_requested: "optimum", speed_processed: "normal" }, { id: "rfnd_2", amount_paise: 66000, speed_requested: "optimum", speed_processed: "instant" }] }]
    expect(refundArrival(data, 66000)).toBe("instant")
    expect(refundArrival(data, 500)).toBe("normal")
    // No refund of that amount: the latest refund decides.
    expect(refundArrival(data, 123)).toBe("instant")
  })

  it("is normal for a fallback, a refund not yet processed, a payment without refunds, and junk", () => {
    expect(refundArrival([{ refunds: [{ id: "r", amount_paise: 1, speed_requested: "optimum", speed_processed: "normal" }] }], 1)).toBe("normal")
    expect(refundArrival([{ refunds: [{ id: "r", amount_paise: 1, speed_requested: "optimum", speed_processed: null }] }], 1)).toBe("normal")
    expect(refundArrival([{}, null, undefined, { refunds: "x" }, { refunds: [null, 3] }], 1)).toBe("normal")
    expect(refundArrival([], 1)).toBe("normal")
  })
})
