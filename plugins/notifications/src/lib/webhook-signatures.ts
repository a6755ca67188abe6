import crypto from "crypto"
// The SDK's webhook module alone: the same function as twilio.validateRequest, without the
// types of the whole REST client (which make every type check of this file slow).
import { validateRequest } from "twilio/lib/webhooks/webhooks"

/**
 * The checks that decide whether a webhook delivery came from the vendor:
 * WhatsApp's (Meta's X-Hub-Signature-256 and the verification handshake) and
 * Twilio's (X-Twilio-Signature). Pure functions of the request's parts, so
 * they are tested against the vendors' documented examples.
 */

/** X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256 of the raw body with the app secret; compared in constant time. */
export function whatsappSignatureValid(appSecret: string, rawBody: Buffer | string, header: unknown): boolean {
  if (typeof header !== "string" || !header.startsWith("sha256=")) return false
  const expected = crypto.createHmac("sha256", appSecret).update(rawBody).digest()
  const given = Buffer.from(header.slice("sha256=".length), "hex")
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

/** The handshake Meta runs when the webhook is registered: the challenge back when the token matches. */
export function verificationChallenge(query: Record<string, unknown>, verifyToken: string | undefined): string | null {
  const token = query["hub.verify_token"]
  const challenge = query["hub.challenge"]
  if (!verifyToken || query["hub.mode"] !== "subscribe" || typeof token !== "string" || typeof challenge !== "string") return null
  const a = Buffer.from(token)
  const b = Buffer.from(verifyToken)
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? challenge : null
}

/**
 * X-Twilio-Signature: Twilio signs a callback with the auth token over the
 * full URL it called and the sorted form fields (HMAC-SHA1, base64); checked
 * with the SDK's validateRequest against the configured public URL.
 * Without a token, a URL or a signature nothing is accepted.
 */
export function twilioSignatureValid(
  authToken: string | undefined,
  callbackUrl: string | undefined,
  signature: unknown,
  params: Record<string, string>
): boolean {
  if (!authToken || !callbackUrl || typeof signature !== "string") return false
  return validateRequest(authToken, signature, callbackUrl, params)
}
