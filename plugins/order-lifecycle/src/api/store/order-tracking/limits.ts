import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TooManyRequests } from "../../../lib/shopper-tracking"

/** The client a request comes from, for per-client limits. */
export const clientOf = (req: MedusaRequest) => `ip:${req.ip ?? req.socket?.remoteAddress ?? "unknown"}`

/** Runs a store tracking handler; an exceeded limit answers 429 with Retry-After and a sentence. */
export async function withinLimits(res: MedusaResponse, handler: () => Promise<void>) {
  try {
    await handler()
  } catch (error) {
    if (!(error instanceof TooManyRequests)) throw error
    res.setHeader("Retry-After", String(error.retryAfterSeconds))
    res.status(429).json({ type: "too_many_requests", message: error.message })
  }
}
