import { defineMiddlewares, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pluginOptions } from "../lib/options"
import { holdCartStock } from "../lib/payment-holds"

/**
 * Medusa's own store route for opening a payment session: for a provider that
 * takes the money before the order exists (Razorpay), the cart's stock is held
 * first, and a cart the pools cannot cover is refused before anyone pays.
 */
export async function holdStockBeforeOnlinePayment(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const options = pluginOptions(req.scope)
  const provider = (req.body as any)?.provider_id
  if (typeof provider !== "string" || !options.payment_hold_providers.includes(provider)) return next()
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id"],
      filters: { payment_collection_id: req.params.id },
    })
    const cartId = (data[0] as any)?.cart_id
    if (cartId) await holdCartStock(req.scope, cartId, { minutes: options.payment_hold_minutes })
    next()
  } catch (error) {
    next(error)
  }
}

export default defineMiddlewares({
  routes: [{ method: ["POST"], matcher: "/store/payment-collections/:id/payment-sessions", middlewares: [holdStockBeforeOnlinePayment] }],
})
