import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { metricsAuthorized, scrape, useContainer } from "../../lib/operations/metrics"

/**
 * GET /metrics: this process's metrics in Prometheus' text format (lib/metrics.ts), for a scraper
 * holding METRICS_TOKEN as a Bearer token. Without METRICS_TOKEN set, nobody may read them.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  if (!process.env.METRICS_TOKEN) {
    res.status(403).json({ type: "not_allowed", message: "Metrics are off: set METRICS_TOKEN and scrape with Authorization: Bearer <token>." })
    return
  }
  if (!metricsAuthorized(req.headers.authorization)) {
    res.setHeader("www-authenticate", 'Bearer realm="metrics"')
    res.status(401).json({ type: "unauthorized", message: "Scrape /metrics with Authorization: Bearer <METRICS_TOKEN>." })
    return
  }
  useContainer(req.scope)
  const { contentType, body } = await scrape()
  res.setHeader("content-type", contentType)
  res.setHeader("cache-control", "no-store")
  res.status(200).end(body)
}
