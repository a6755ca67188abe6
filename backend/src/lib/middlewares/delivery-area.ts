import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { RefusalCode } from "@sweetshop/shop-contracts"
import { cartDeliveryRefusal } from "../flows/home-delivery"

/**
 * On POST /store/carts/:id/complete and on opening a payment session: a cart
 * going home to a pincode outside the area is refused with the shopper's
 * sentence before any payment or order, and stays as it was.
 */
export async function refuseUndeliverableCart(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const refusal = await cartDeliveryRefusal(req.scope, req.params.id)
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
    const refusal = cartId ? await cartDeliveryRefusal(req.scope, cartId) : null
    if (refusal) return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal, "undeliverable_pincode" satisfies RefusalCode))
    next()
  } catch (error) {
    next(error)
  }
}
