import { checkoutSignatureValid, hmacHex, signaturesMatch, webhookSignatureValid } from "../signatures"

describe("Razorpay signatures", () => {
  const secret = "key-secret"
  const good = hmacHex(secret, "order_1|pay_1")

  it("accepts the checkout signature for the server's order id", () => {
    expect(checkoutSignatureValid(secret, "order_1", "pay_1", good)).toBe(true)
  })

  it("refuses a signature made for another order, another payment, or with another secret", () => {
    expect(checkoutSignatureValid(secret, "order_2", "pay_1", good)).toBe(false)
    expect(checkoutSignatureValid(secret, "order_1", "pay_2", good)).toBe(false)
    expect(checkoutSignatureValid(secret, "order_1", "pay_1", hmacHex("other", "order_1|pay_1"))).toBe(false)
  })

  it("refuses altered, truncated and malformed signatures", () => {
    const altered = (good[0] === "a" ? "b" : "a") + good.slice(1)
    expect(checkoutSignatureValid(secret, "order_1", "pay_1", altered)).toBe(false)
    expect(checkoutSignatureValid(secret, "order_1", "pay_1", good.slice(0, 20))).toBe(false)
    expect(checkoutSignatureValid(secret, "order_1", "pay_1", "not hex!")).toBe(false)
    expect(checkoutSignatureValid(secret, "order_1", "pay_1", undefined)).toBe(false)
    expect(checkoutSignatureValid(secret, "order_1", undefined, good)).toBe(false)
    expect(signaturesMatch(good, "")).toBe(false)
  })

  it("checks webhooks over the raw body", () => {
    const body = '{"event":"payment.captured"}'
    expect(webhookSignatureValid("wh", body, hmacHex("wh", body))).toBe(true)
    expect(webhookSignatureValid("wh", body + " ", hmacHex("wh", body))).toBe(false)
  })
})
