import crypto from "crypto"

/** Hex HMAC-SHA256, as Razorpay signs checkout responses and webhooks. */
export function hmacHex(secret: string, payload: string | Buffer): string {
  return crypto.createHmac("sha256", secret).update(payload).digest("hex")
}

/** Constant-time comparison of two hex signatures; false for anything malformed. */
export function signaturesMatch(expectedHex: string, givenHex: unknown): boolean {
  // Exactly as many hex digits as the expected one: Buffer.from(hex) would drop an odd last digit.
  if (typeof givenHex !== "string" || givenHex.length !== expectedHex.length || !/^[0-9a-f]+$/i.test(givenHex)) return false
  const expected = Buffer.from(expectedHex, "hex")
  const given = Buffer.from(givenHex, "hex")
  return expected.length === given.length && crypto.timingSafeEqual(expected, given)
}

/** The checkout handler's signature: HMAC of "order_id|payment_id" with the key secret. */
export function checkoutSignatureValid(keySecret: string, orderId: string, paymentId: unknown, signature: unknown): boolean {
  if (typeof paymentId !== "string" || !paymentId) return false
  return signaturesMatch(hmacHex(keySecret, `${orderId}|${paymentId}`), signature)
}

/** A webhook's X-Razorpay-Signature: HMAC of the raw body with the webhook secret. */
export function webhookSignatureValid(webhookSecret: string, rawBody: string | Buffer, signature: unknown): boolean {
  return signaturesMatch(hmacHex(webhookSecret, rawBody), signature)
}
