import { formFieldOf, ONLINE_PAYMENT_UNAVAILABLE, refusalOutcome, stockMessages, type StockAnswer } from "../refusals"

// The backend's refusals as it answers them ({ code, field, message }): the sentence is never read to decide.
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
const soldOutMessages = ["Only 750 g of Kaju Katli left; your cart needs 1,250 g.", "A line of your cart is no longer in stock."]

describe("the checkout's refusals, put where the shopper can act on them by their code", () => {
  it("puts invalid_phone at the phone field, without asking for the stock", async () => {
    const stock = jest.fn(async () => soldOut)
    expect(await refusalOutcome({ code: "invalid_phone", message: PHONE }, stock)).toStrictEqual({ kind: "refused", message: PHONE, field: "phone" })
    expect(stock).not.toHaveBeenCalled()
  })

  it("puts cod_over_cap at the payment choice, and says online payment is not there in the shop's words", async () => {
    const stock = jest.fn(async () => soldOut)
    expect(await refusalOutcome({ code: "cod_over_cap", field: "payment", message: COD_CAP }, stock)).toStrictEqual({ kind: "refused", message: COD_CAP, field: "payment" })
    expect(await refusalOutcome({ code: "online_payment_unavailable", message: "Could not find a payment provider with id: pp_razorpay_razorpay" }, stock)).toStrictEqual({
      kind: "refused",
      message: ONLINE_PAYMENT_UNAVAILABLE,
      field: "payment",
    })
    expect(stock).not.toHaveBeenCalled()
  })

  it("puts undeliverable_pincode and invalid_pincode at the pincode, day and slot refusals at theirs", async () => {
    const stock = jest.fn(async () => soldOut)
    expect(await refusalOutcome({ code: "undeliverable_pincode", message: OUTSIDE }, stock)).toStrictEqual({ kind: "refused", message: OUTSIDE, field: "pincode" })
    expect(await refusalOutcome({ code: "invalid_pincode", message: "Please enter a pincode." }, stock)).toMatchObject({ field: "pincode" })
    expect(await refusalOutcome({ code: "slot_closed", message: "Closed." }, stock)).toMatchObject({ field: "slot" })
    expect(await refusalOutcome({ code: "day_closed", message: "Closed." }, stock)).toMatchObject({ field: "deliveryDate" })
    expect(await refusalOutcome({ code: "gift_message_too_long", message: "Too long." }, stock)).toMatchObject({ field: "giftMessage" })
    expect(stock).not.toHaveBeenCalled()
  })

  it("takes the backend's field over the code's", async () => {
    expect(await refusalOutcome({ code: "invalid_data", field: "phone", message: PHONE }, async () => null)).toMatchObject({ field: "phone" })
  })

  it("lists the lines that ran out for pool_shortfall and for a refusal about the cart", async () => {
    expect(await refusalOutcome({ code: "pool_shortfall", field: "cart", message: "Not enough stock for Kaju Katli." }, async () => soldOut)).toStrictEqual({
      kind: "stock",
      messages: soldOutMessages,
    })
  })

  it("never reads the sentence: without a code, a sentence about the phone or a pincode goes to the summary only", async () => {
    for (const stock of [async () => inStock, async () => null]) {
      expect(await refusalOutcome({ message: PHONE }, stock)).toStrictEqual({ kind: "refused", message: PHONE })
      expect(await refusalOutcome({ message: OUTSIDE, code: null }, stock)).toStrictEqual({ kind: "refused", message: OUTSIDE })
      expect(await refusalOutcome({ message: COD_CAP, code: "a_code_this_storefront_does_not_know" }, stock)).toStrictEqual({ kind: "refused", message: COD_CAP })
    }
    // A refusal without a code may be the completion's stock check: the stock check says which lines.
    expect(await refusalOutcome({ message: ORDERED }, async () => soldOut)).toStrictEqual({ kind: "stock", messages: soldOutMessages })
    const stock = jest.fn(async () => inStock)
    expect(await refusalOutcome({ code: "cart_completed", field: "cart", message: ORDERED }, stock)).toStrictEqual({ kind: "refused", message: ORDERED })
    expect(stock).toHaveBeenCalledTimes(1)
  })

  it("maps the contracts' fields onto the form's inputs", () => {
    expect(formFieldOf({ code: "invalid_phone" })).toBe("phone")
    expect(formFieldOf({ field: "name" })).toBe("fullName")
    expect(formFieldOf({ code: "pool_shortfall" })).toBeUndefined()
    expect(formFieldOf({ code: null, field: null })).toBeUndefined()
  })
})

describe("the lines a stock check refused", () => {
  it("are its sentences, in order, with a plain one for a line that has none", () => {
    expect(stockMessages(soldOut)).toStrictEqual(soldOutMessages)
    expect(stockMessages(inStock)).toStrictEqual([])
  })
})
