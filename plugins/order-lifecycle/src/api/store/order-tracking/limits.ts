import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clientKeyOf } from "@sweetshop/shop-contracts"
import { lifecycleService } from "../../../lib/shop-orders"
import { TooManyRequests } from "../../../lib/shopper-tracking"

/**
 * The client a request comes from, for per-client limits: the TCP peer, or the address
 * `trust_proxy_hops` (TRUST_PROXY_HOPS) back in X-Forwarded-For; IPv4 and IPv6 forms of
 * one address are one client (lib/client-address.ts). Not `req.ip`: Medusa's Express
 * trusts one proxy hop whether or not there is a proxy, so a client could name itself.
 */
export const clientOf = (req: MedusaRequest) => clientKeyOf(req, lifecycleService(req.scope).options.trust_proxy_hops)

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
