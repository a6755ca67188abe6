import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readiness } from "../../../lib/operations/health"

/**
 * GET /health/ready: whether this process can serve the shop. 200 when the database (and Redis,
 * when REDIS_URL is set) answered the last background probe, 503 otherwise; every dependency's
 * state and latency, Razorpay, Twilio, WhatsApp and Cloudinary included (lib/health.ts). Answered
 * from the probes' cache: a hanging dependency never holds it up. GET /health (Medusa's own) stays
 * the cheap liveness probe.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const report = await readiness(req.scope)
  res.setHeader("cache-control", "no-store")
  res.status(report.ready ? 200 : 503).json({ status: report.ready ? "ready" : "not_ready", ...report })
}
