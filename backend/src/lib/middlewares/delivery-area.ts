import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { RefusalCode } from "@sweetshop/shop-contracts"
import { servedRanges } from "../flows/delivery-settings"
import { checkCartDelivery } from "../flows/home-delivery"
import { priceAreaOf, withPriceArea } from "../rules/delivery-area"

/**
 * On POST /store/carts/:id/complete and on opening a payment session: a cart
 * going home to a pincode outside the area is refused with the shopper's
 * sentence before any payment or order, and stays as it was.
 */
export async function refuseUndeliverableCart(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const refusal = await checkCartDelivery(req.scope, req.params.id)
    if (refusal) return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal, "undeliverable_pincode" satisfies RefusalCode))
    next()
  } catch (error) {
    next(error)
  }
}

/** The same on POST /store/payment-collections/:id/payment-sessions, for the collection's cart. */
export async function refuseUndeliverablePayment(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "payment_collection", fields: ["id", "cart.id"], filters: { id: req.params.id } })
    const cartId = (data[0] as any)?.cart?.id as string | undefined
    const refusal = cartId ? await checkCartDelivery(req.scope, cartId) : null
    if (refusal) return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal, "undeliverable_pincode" satisfies RefusalCode))
    next()
  } catch (error) {
    next(error)
  }
}

/**
 * On POST /store/carts and POST /store/carts/:id with a shipping address: the address's metadata gets
 * the delivery area home delivery is priced by (PRICE_AREA_METADATA_KEY in ../rules/delivery-area.ts),
 * from its pincode, or from the pincode the cart already holds when the update names none; whatever a
 * shopper sent under that key is replaced. Medusa's updateCartWorkflow then prices the cart's home
 * delivery by that area as it refreshes the cart.
 */
export async function keyAddressToDeliveryArea(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const bodies = [req.body, (req as any).validatedBody].filter((b) => b && typeof b === "object") as Record<string, any>[]
    const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v)
    const address = bodies.map((b) => b.shipping_address).find(isRecord)
    // Anything malformed is left as sent, for Medusa's validator to refuse (400) untouched.
    if (!address || (address.metadata != null && !isRecord(address.metadata))) return next()
    if (address.postal_code != null && typeof address.postal_code !== "string") return next()
    let postalCode = address.postal_code as string | null | undefined
    if (postalCode === undefined && req.params.id) {
      const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "cart", fields: ["id", "shipping_address.postal_code"], filters: { id: req.params.id } })
      postalCode = (data[0] as any)?.shipping_address?.postal_code
    }
    const priceArea = priceAreaOf(postalCode, await servedRanges(req.scope))
    for (const body of bodies) {
      if (isRecord(body.shipping_address)) body.shipping_address = withPriceArea(body.shipping_address, priceArea)
    }
    next()
  } catch (error) {
    next(error)
  }
}
