import { checkoutSignatureValid, hmacHex, signaturesMatch, webhookSignatureValid } from "../signatures"

/**
 * Known answers: every expected signature is a literal, never computed by the
 * module under test.
 *
 * Razorpay's docs give the formulas but no worked example with a secret
 * ("Security best practices", "Verify both signatures",
 * https://razorpay.com/docs/payments/payment-gateway/s2s-integration/test-s2s/best-practices/security):
 *   checkout: HMAC-SHA256(order_id + "|" + razorpay_payment_id, key secret), hex,
 *             compared with razorpay_signature; the order id is the one the server stored
 *   webhooks: HMAC-SHA256(raw webhook body, webhook secret), hex, compared with X-Razorpay-Signature
 * The docs' sample success callback (razorpay_order_id order_9A33XWu170gUtm, razorpay_payment_id
 * pay_29QQoUBi66xm2f, razorpay_signature 9ef4dffb…) is signed with a key secret they do not publish.
 * The concrete vectors are Razorpay's own, from the tests of its official SDKs;
 * each was checked again with openssl (`printf '%s' … | openssl dgst -sha256 -hmac …`).
 */

describe("Razorpay's checkout signature (razorpay_signature)", () => {
  // razorpay-python, tests/test_client_utility.py (test_verify_payment_signature):
  // client key secret "key_secret", order "fake_order_id", payment "fake_payment_id".
  const sdkVector = "b2335e3b0801106b84a7faff035df56ecffde06918c9ddd1f0fafbb37a51cc89"

  it("accepts the signature of Razorpay's SDK tests", () => {
    expect(checkoutSignatureValid("key_secret", "fake_order_id", "fake_payment_id", sdkVector)).toBe(true)
    expect(checkoutSignatureValid("key_secret", "fake_order_id", "fake_payment_id", sdkVector.toUpperCase())).toBe(true)
    expect(hmacHex("key_secret", "fake_order_id|fake_payment_id")).toBe(sdkVector)
  })

  it("signs the ids of the docs' example response with the order id first", () => {
    // The ids of the docs' sample success callback ("Single Integration API",
    // https://razorpay.com/docs/payments/payment-gateway/s2s-integration/json/v2/build-integration/single-integration-api),
    // signed here with "key_secret": printf '%s' 'order_9A33XWu170gUtm|pay_29QQoUBi66xm2f' | openssl dgst -sha256 -hmac key_secret
    const signature = "7920f7497f3db0d8c993fa160dc7e0a1ebf7424a95a786c40c62c6059f80d04d"
    expect(checkoutSignatureValid("key_secret", "order_9A33XWu170gUtm", "pay_29QQoUBi66xm2f", signature)).toBe(true)
    // The pair the other way round, or another secret: not the same signature.
    expect(checkoutSignatureValid("key_secret", "pay_29QQoUBi66xm2f", "order_9A33XWu170gUtm", signature)).toBe(false)
    expect(checkoutSignatureValid("key_secret2", "order_9A33XWu170gUtm", "pay_29QQoUBi66xm2f", signature)).toBe(false)
  })

  it("refuses the SDK's signature for another order, another payment or another secret", () => {
    expect(checkoutSignatureValid("key_secret", "fake_order_id2", "fake_payment_id", sdkVector)).toBe(false)
    expect(checkoutSignatureValid("key_secret", "fake_order_id", "fake_payment_id2", sdkVector)).toBe(false)
    expect(checkoutSignatureValid("key_secret ", "fake_order_id", "fake_payment_id", sdkVector)).toBe(false)
  })

  it("needs a payment id that is text and not empty, whatever was signed", () => {
    // printf '%s' 'order_1|' | openssl dgst -sha256 -hmac key-secret
    expect(checkoutSignatureValid("key-secret", "order_1", "", "19201a8bfaa9e1c3c1a2c257d21c55e18ef87767111e4b5ac002d64c4b525dd8")).toBe(false)
    // printf '%s' 'order_1|123' | openssl dgst -sha256 -hmac key-secret
    expect(checkoutSignatureValid("key-secret", "order_1", 123, "8cfd36b93679820a96c674339aac011b0d402f5a13c0f616ce7e11e14d427207")).toBe(false)
    expect(checkoutSignatureValid("key-secret", "order_1", null, sdkVector)).toBe(false)
  })
})

describe("Razorpay's webhook signature (X-Razorpay-Signature)", () => {
  // razorpay-node, test/utils/razorpay-utils.spec.js (validateWebhookSignature):
  // body '{"a":1,"b":2,"c":{"d":3}}', webhook secret "123456".
  const body = '{"a":1,"b":2,"c":{"d":3}}'
  const sdkVector = "2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc"

  it("accepts the signature of Razorpay's SDK tests, over the body as text or as bytes", () => {
    expect(webhookSignatureValid("123456", body, sdkVector)).toBe(true)
    expect(webhookSignatureValid("123456", Buffer.from(body), sdkVector)).toBe(true)
  })

  it("refuses it for the same JSON written differently, another secret, or an altered signature", () => {
    expect(webhookSignatureValid("123456", '{"a":1, "b":2, "c":{"d":3}}', sdkVector)).toBe(false)
    expect(webhookSignatureValid("123456", JSON.stringify({ b: 2, a: 1, c: { d: 3 } }), sdkVector)).toBe(false)
    expect(webhookSignatureValid("1234567", body, sdkVector)).toBe(false)
    expect(webhookSignatureValid("123456", body, `${sdkVector.slice(0, -1)}d`)).toBe(false)
    expect(webhookSignatureValid("123456", body, "sdfafds")).toBe(false)
  })
})

describe("comparing signatures", () => {
  const good = "2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc"

  it("refuses a signature with anything but hex digits in it, even after a correct one", () => {
    expect(signaturesMatch(good, good)).toBe(true)
    expect(signaturesMatch(good, `${good}zz`)).toBe(false)
    expect(signaturesMatch(good, `${good} `)).toBe(false)
    expect(signaturesMatch(good, `zz${good}`)).toBe(false)
    expect(signaturesMatch(good, `sha256=${good}`)).toBe(false)
  })

  it("refuses a shorter or longer signature without throwing", () => {
    expect(signaturesMatch(good, good.slice(0, 62))).toBe(false)
    expect(signaturesMatch(good, `${good}00`)).toBe(false)
    expect(signaturesMatch(good, undefined)).toBe(false)
    expect(signaturesMatch(good, 42)).toBe(false)
  })
})
