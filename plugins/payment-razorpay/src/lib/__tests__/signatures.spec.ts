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

  it("refuses the right signature with one more hex digit after it (an odd last digit is not dropped)", () => {
    // Razorpay's webhook known answer (razorpay-node tests): body {"a":1,"b":2,"c":{"d":3}}, secret 123456.
    const body = '{"a":1,"b":2,"c":{"d":3}}'
    const right = "2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc"
    expect(webhookSignatureValid("123456", body, right)).toBe(true)
    expect(webhookSignatureValid("123456", body, right + "0")).toBe(false)
    expect(webhookSignatureValid("123456", body, right + "f")).toBe(false)
  })
})
