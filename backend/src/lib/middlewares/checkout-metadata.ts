import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkoutMetadataRefusal } from "../rules/checkout-metadata"

/**
 * On Medusa's own cart routes (POST /store/carts, POST /store/carts/:id): the
 * same allowlist as the one-call checkout, so a cart cannot be given keys the
 * shop keeps for itself by another door.
 */
export function refuseUnknownCartMetadata(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const refusal = checkoutMetadataRefusal((req.body as Record<string, unknown> | undefined)?.metadata)
  if (!refusal) return next()
  res.status(400).json({ type: "invalid_data", code: "metadata_not_allowed", message: refusal })
}
