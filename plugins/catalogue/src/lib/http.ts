import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * Sends a catalogue answer: shared caches and browsers may keep it one
 * second, and a client that has it already (If-None-Match) gets 304.
 */
export function sendCatalogue(req: MedusaRequest, res: MedusaResponse, made: { body: string; etag: string }, status = 200) {
  res.setHeader("Cache-Control", "public, max-age=1")
  res.setHeader("ETag", made.etag)
  res.setHeader("Vary", "x-publishable-api-key")
  if (status === 200 && req.headers["if-none-match"] === made.etag) {
    res.status(304).end()
    return
  }
  res.status(status).setHeader("Content-Type", "application/json; charset=utf-8")
  res.end(made.body)
}

export const salesChannelsOf = (req: MedusaRequest): string[] => (req as any).publishable_key_context?.sales_channel_ids ?? []
