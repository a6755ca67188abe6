import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { pluginOptions } from "../../../lib/options"
import { verificationChallenge, WHATSAPP_WEBHOOK_EVENT, whatsappSignatureValid } from "../../../lib/whatsapp-webhook"

/** GET /hooks/whatsapp: Meta's verification handshake. The challenge back as plain text, or 403. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const challenge = verificationChallenge(req.query as Record<string, unknown>, pluginOptions(req.scope).whatsapp_verify_token)
  if (challenge === null) {
    res.status(403).json({ message: "Verification refused." })
    return
  }
  res.status(200).type("text/plain").send(challenge)
}

/**
 * POST /hooks/whatsapp: a delivery from Meta. Only a body signed with the app
 * secret (X-Hub-Signature-256 over the raw bytes) is taken in: unsigned → 401,
 * mis-signed → 403. It is answered at once and handled by a subscriber, so a
 * slow reply never makes Meta wait or retry.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const secret = pluginOptions(req.scope).whatsapp_app_secret
  const signature = req.headers["x-hub-signature-256"]
  const raw = (req as any).rawBody as Buffer | string | undefined
  if (!signature) {
    res.status(401).json({ message: "Unsigned delivery refused." })
    return
  }
  if (!secret || !raw || !whatsappSignatureValid(secret, raw, signature)) {
    res.status(403).json({ message: "Signature does not match." })
    return
  }
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.isBuffer(raw) ? raw.toString("utf8") : raw)
  } catch {
    res.status(400).json({ message: "The body is not JSON." })
    return
  }
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: WHATSAPP_WEBHOOK_EVENT, data: { payload } })
  req.scope.resolve(ContainerRegistrationKeys.LOGGER).debug?.("WhatsApp webhook delivery taken in")
  res.status(200).json({ received: true })
}
