import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { normalizeIndianMobile, PHONE_REFUSAL, type RefusalCode } from "@sweetshop/shop-contracts"

/**
 * On cart creation and update: the shipping and billing phone numbers are
 * Indian mobiles, stored as E.164 whatever way the shopper typed them; any
 * other number is refused with a sentence before the cart changes.
 * Runs after Medusa's own body validation, so both the raw and the validated
 * body are set to the normalised number.
 */
export function normalizeCheckoutPhones(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const bodies = [req.body, (req as any).validatedBody].filter((b) => b && typeof b === "object") as Record<string, any>[]
  for (const body of bodies) {
    for (const field of ["shipping_address", "billing_address"]) {
      const address = body[field]
      if (!address || typeof address !== "object" || address.phone === undefined || address.phone === null || address.phone === "") continue
      const e164 = normalizeIndianMobile(String(address.phone))
      if (!e164) return next(new MedusaError(MedusaError.Types.INVALID_DATA, PHONE_REFUSAL, "invalid_phone" satisfies RefusalCode))
      address.phone = e164
    }
  }
  next()
}
