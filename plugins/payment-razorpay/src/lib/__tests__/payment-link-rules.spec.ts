import { currentLink, customerPhone, linkMinutes, linkRefusal, paymentLinkRequest, paymentLinkText } from "../payment-link-rules"

const draft = (extra: Record<string, unknown> = {}) => ({
  id: "order_01JDRAFT",
  status: "draft",
  is_draft_order: true,
  display_id: 42,
  email: "asha@example.com",
  currency_code: "inr",
  total: 660,
  metadata: null,
  items: [{ id: "ordli_1" }],
  shipping_address: { first_name: "Asha", last_name: "Rao", phone: "98123 45678" },
  billing_address: null,
  ...extra,
})

describe("payment link rules", () => {
  it("asks Razorpay for the draft's total in paise, the customer's E.164 phone, the draft's id in notes, expire_by from the minutes", () => {
    const now = Date.UTC(2026, 10, 30, 10, 0, 0)
    expect(paymentLinkRequest(draft({ total: "1234.5" }), { minutes: 60, now, sequence: 2 })).toEqual({
      amount: 123450,
      currency: "INR",
      description: "Sweet Shop order #42",
      customer: { name: "Asha Rao", contact: "+919812345678", email: "asha@example.com" },
      notify: { sms: false, email: false },
      reminder_enable: false,
      expire_by: now / 1000 + 3600,
      reference_id: "order_01JDRAFT.2",
      notes: { draft_order_id: "order_01JDRAFT" },
    })
  })

  it("keeps reference_id within Razorpay's 40 characters and unique per link", () => {
    const long = draft({ id: "order_01JABCDEFGHJKMNPQRSTVWXYZ01" })
    const one = paymentLinkRequest(long, { minutes: 1, now: 0, sequence: 1 }).reference_id
    const two = paymentLinkRequest(long, { minutes: 1, now: 0, sequence: 2 }).reference_id
    expect(one.length).toBeLessThanOrEqual(40)
    expect(one).not.toBe(two)
  })

  it("refuses with a stable code and a sentence: missing, converted, empty, no phone, not INR, under ₹1, already paid", () => {
    expect(linkRefusal(undefined, "order_x")).toMatchObject({ status: 404, code: "draft_order_not_found" })
    expect(linkRefusal(draft({ status: "pending", is_draft_order: false }), "x")).toMatchObject({ status: 409, code: "draft_order_converted" })
    expect(linkRefusal(draft({ items: [] }), "x")).toMatchObject({ status: 400, code: "draft_order_empty" })
    expect(linkRefusal(draft({ shipping_address: { phone: "12345" } }), "x")).toMatchObject({ status: 400, code: "invalid_phone" })
    expect(linkRefusal(draft({ currency_code: "usd" }), "x")).toMatchObject({ status: 400, code: "currency_not_inr" })
    expect(linkRefusal(draft({ total: 0.5 }), "x")).toMatchObject({ status: 400, code: "amount_too_small" })
    expect(linkRefusal(draft({ metadata: { payment_link: { id: "plink_1", status: "paid" } } }), "x")).toMatchObject({ status: 409, code: "payment_link_paid" })
    expect(linkRefusal(draft({ metadata: { payment_link: { id: "plink_1", status: "expired" } } }), "x")).toBeNull()
    expect(linkRefusal(draft(), "x")).toBeNull()
  })

  it("the phone: shipping address first, else billing; Indian mobiles only", () => {
    expect(customerPhone({ shipping_address: { phone: null }, billing_address: { phone: "+91 98765 43210" } })).toBe("+919876543210")
    expect(customerPhone({ shipping_address: { phone: "555-1234" }, billing_address: null })).toBeNull()
  })

  it("minutes: PAYMENT_LINK_MINUTES when a whole number of minutes, else 60", () => {
    expect(linkMinutes("30")).toBe(30)
    expect(linkMinutes(undefined)).toBe(60)
    expect(linkMinutes("0")).toBe(60)
    expect(linkMinutes("abc")).toBe(60)
  })

  it("the customer's sentence names the amount, the link and the time in India", () => {
    const text = paymentLinkText({ url: "https://rzp.io/i/abc", amount_paise: 66000, expires_at: "2026-11-30T12:30:00.000Z" })
    expect(text).toContain("₹660")
    expect(text).toContain("https://rzp.io/i/abc")
    expect(text).toMatch(/6:00\s*pm/i)
  })

  it("reads the link from metadata, ignoring anything else there", () => {
    expect(currentLink({ payment_link: { id: "plink_1", status: "created" } })?.id).toBe("plink_1")
    expect(currentLink({ payment_link: "nope" })).toBeUndefined()
    expect(currentLink(null)).toBeUndefined()
  })
})
