import { earlyWarning, moveQuestion, UNDO_SECONDS } from "../../admin/lib/move-guard"
import { giftMessageOf, humanDay, paymentLabel, rupees, slotOf } from "../../admin/lib/order-display"

/** What the Shop status widget asks before a move, and how it shows an order (src/admin/lib). */
describe("the admin's guard on Shop status moves", () => {
  const base = {
    order_number: 13,
    fulfillment_kind: "delivery" as const,
    payment_mode: "cod" as const,
    delivery_date: "2026-12-02",
    slot: "Evening, 4–7 pm",
    today: "2026-11-30",
  }

  it("warns when an order is handed over before its day, and only then", () => {
    expect(earlyWarning({ ...base, to: "delivered", label: "Delivered" })).toBe("Order #13 is due on Wed, 2 Dec (Evening, 4–7 pm); today is Mon, 30 Nov.")
    expect(earlyWarning({ ...base, to: "out_for_delivery", label: "Out for delivery" })).not.toBeNull()
    expect(earlyWarning({ ...base, to: "delivered", label: "Delivered", today: "2026-12-02" })).toBeNull()
    expect(earlyWarning({ ...base, to: "confirmed", label: "Confirmed" })).toBeNull()
    expect(earlyWarning({ ...base, to: "preparing", label: "Being prepared" })).toBeNull()
  })

  it("says what the move does, that the customer is messaged and that it cannot be taken back", () => {
    const q = moveQuestion({ ...base, to: "delivered", label: "Delivered" })
    expect(q.title).toBe("Mark order #13 delivered?")
    expect(q.sentences).toEqual([
      "The cash is recorded as paid (the payment is captured) and the order is completed.",
      "The customer gets an SMS and a WhatsApp.",
      "This cannot be taken back.",
    ])
    expect(q.confirm).toBe("Mark delivered anyway")
    expect(moveQuestion({ ...base, to: "delivered", label: "Delivered", today: "2026-12-02" }).confirm).toBe("Mark delivered")
    const cancel = moveQuestion({ ...base, payment_mode: "online", to: "cancelled", label: "Cancelled" })
    expect(cancel.title).toBe("Cancel order #13?")
    expect(cancel.sentences[0]).toBe("The stock goes back and the online payment is refunded.")
    expect(cancel.confirm).toBe("Cancel order")
    expect(UNDO_SECONDS).toBeGreaterThanOrEqual(3)
  })
})

describe("how staff read an order", () => {
  it("writes days in India's calendar and rupees from paise", () => {
    expect(humanDay("2026-12-02")).toBe("Wed, 2 Dec")
    expect(humanDay("not a day")).toBe("not a day")
    expect(rupees(66000)).toBe("₹660")
    expect(rupees(125050)).toBe("₹1,250.50")
  })

  it("takes the slot label and gift message from the order's metadata", () => {
    expect(slotOf({ delivery_slot_label: "Evening, 4–7 pm" }, "evening")).toBe("Evening, 4–7 pm")
    expect(slotOf({}, "evening")).toBe("evening")
    expect(giftMessageOf({ gift_message: "  Happy Diwali!  " })).toBe("Happy Diwali!")
    expect(giftMessageOf({ gift_message: "   " })).toBeNull()
    expect(giftMessageOf(null)).toBeNull()
  })

  it("names the payment: cash on delivery, or Razorpay by its method when the payment records one", () => {
    expect(paymentLabel({ payment_collections: [{ payments: [{ provider_id: "pp_system_default" }] }] }, "cod")).toBe("Cash on delivery")
    expect(paymentLabel({ payment_collections: [{ payments: [{ data: { method: "upi" } }] }] }, "online")).toBe("UPI (Razorpay)")
    expect(paymentLabel({ payment_collections: [] }, "online")).toBe("Online (Razorpay)")
  })
})
