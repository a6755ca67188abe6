import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pluginOptions } from "../../../../lib/options"
import { twilioSignatureValid } from "../../../../lib/webhook-signatures"
import { recordDeliveryStatus } from "../../../../lib/whatsapp-webhook"

/** Twilio's message statuses → the shop's delivery statuses (queued and sending say nothing new). */
const TWILIO_STATUS: Record<string, string> = { sent: "sent", delivered: "delivered", read: "read", undelivered: "failed", failed: "failed" }

/**
 * POST /hooks/twilio/status: Twilio's status callback for an SMS
 * (TWILIO_STATUS_CALLBACK_URL). Signed by Twilio with the auth token over the
 * full URL and the sorted form fields; checked (lib/webhook-signatures:
 * twilio.validateRequest) against the configured public URL. Unsigned or
 * mis-signed → 403.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { twilio_auth_token: token, twilio_status_callback_url: url } = pluginOptions(req.scope)
  const signature = req.headers["x-twilio-signature"]
  const params = (req.body ?? {}) as Record<string, string>
  if (!twilioSignatureValid(token, url, signature, params)) {
    res.status(403).type("text/plain").send("Signature does not match.")
    return
  }
  const status = TWILIO_STATUS[String(params.MessageStatus ?? "")]
  if (status && params.MessageSid) {
    await recordDeliveryStatus(req.scope, {
      id: String(params.MessageSid),
      status,
      errors: params.ErrorCode ? [{ code: params.ErrorCode, title: params.ErrorMessage ?? "" }] : undefined,
    })
  }
  // Twilio wants a 2xx; an empty TwiML-free answer is enough.
  res.status(204).send()
}
