import { refusalOutcome, stockMessages, type StockAnswer } from "../refusals"

// The backend's own sentences (backend/src/lib: indian-phone.ts, cash-on-delivery.ts,
// delivery-area.ts, one-call-checkout.ts), written out here as the shopper reads them.
const PHONE = "Please give a 10-digit Indian mobile number, for example 98765 43210, so we can send you order updates."
const COD_CAP = "Cash on delivery is available for orders up to ₹5,000; this order is ₹5,000.01. Please pay online."
const OUTSIDE = "We do not deliver to 400001 yet: our riders cover New Delhi, Gurugram, Noida, Ghaziabad and Faridabad. Store pickup is open to everyone."
const ORDERED = "This cart has already been ordered."

const inStock: StockAnswer = { ok: true, lines: [{ ok: true, message: null }] }
const soldOut: StockAnswer = {
  ok: false,
  lines: [
    { ok: true, message: null },
    { ok: false, message: "Only 750 g of Kaju Katli left; your cart needs 1,250 g." },
    { ok: false, message: null },
  ],
}

describe("the checkout's refusals, put where the shopper can act on them", () => {
  it("puts the phone rule at the phone field, without asking for the stock", async () => {
    const stock = jest.fn(async () => soldOut)
    expect(await refusalOutcome(PHONE, stock)).toStrictEqual({ kind: "refused", message: PHONE, field: "phone" })
    expect(stock).not.toHaveBeenCalled()
  })

  it("puts the cash-on-delivery cap at the payment choice, without asking for the stock", async () => {
    const stock = jest.fn(async () => soldOut)
    expect(await refusalOutcome(COD_CAP, stock)).toStrictEqual({ kind: "refused", message: COD_CAP, field: "payment" })
    expect(await refusalOutcome("cash on delivery is not offered for this order.", stock)).toStrictEqual({
      kind: "refused",
      message: "cash on delivery is not offered for this order.",
      field: "payment",
    })
    expect(stock).not.toHaveBeenCalled()
  })

  it("says online payment is not available when the payment provider is missing, in the shop's words", async () => {
    const stock = jest.fn(async () => soldOut)
    expect(await refusalOutcome("Could not find a payment provider with id: pp_razorpay_razorpay", stock)).toStrictEqual({
      kind: "refused",
      message: "Online payment is not available just now. Please choose cash on delivery.",
      field: "payment",
    })
    expect(stock).not.toHaveBeenCalled()
  })

  it("lists the lines that ran out when the stock check finds any, whatever the sentence", async () => {
    const expected = { kind: "stock", messages: ["Only 750 g of Kaju Katli left; your cart needs 1,250 g.", "A line of your cart is no longer in stock."] }
    expect(await refusalOutcome("Not enough stock for Kaju Katli.", async () => soldOut)).toStrictEqual(expected)
    expect(await refusalOutcome(OUTSIDE, async () => soldOut)).toStrictEqual(expected)
    // A sentence that only mentions cash on delivery later is not the cap's refusal.
    expect(await refusalOutcome("The total changed; cash on delivery is not possible.", async () => soldOut)).toStrictEqual(expected)
  })

  it("puts a sentence about where the sweets go at the pincode when the stock is fine or unknown", async () => {
    for (const stock of [async () => inStock, async () => null]) {
      expect(await refusalOutcome(OUTSIDE, stock)).toStrictEqual({ kind: "refused", message: OUTSIDE, field: "pincode" })
      expect(await refusalOutcome("Please enter a pincode.", stock)).toStrictEqual({ kind: "refused", message: "Please enter a pincode.", field: "pincode" })
      expect(await refusalOutcome("Enter a valid pin code.", stock)).toStrictEqual({ kind: "refused", message: "Enter a valid pin code.", field: "pincode" })
      expect(await refusalOutcome("postal_code is required.", stock)).toStrictEqual({ kind: "refused", message: "postal_code is required.", field: "pincode" })
    }
  })

  it("shows any other sentence as it is, tied to no field", async () => {
    const stock = jest.fn(async () => inStock)
    expect(await refusalOutcome(ORDERED, stock)).toStrictEqual({ kind: "refused", message: ORDERED })
    expect(stock).toHaveBeenCalledTimes(1)
    expect(await refusalOutcome("email must be an email address, for example priya@example.in.", async () => null)).toStrictEqual({
      kind: "refused",
      message: "email must be an email address, for example priya@example.in.",
    })
  })
})

describe("the lines a stock check refused", () => {
  it("are its sentences, in order, with a plain one for a line that has none", () => {
    expect(stockMessages(soldOut)).toStrictEqual(["Only 750 g of Kaju Katli left; your cart needs 1,250 g.", "A line of your cart is no longer in stock."])
    expect(stockMessages(inStock)).toStrictEqual([])
  })
})
