import { defineMiddlewares, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { refusal } from "@sweetshop/shop-contracts"
import { lockDraftOrderPools } from "../lib/draft-order-stock"
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

/** Calls `then` once, with the status, when the route has answered (res.end), or at the latest when the response has finished. */
function whenAnswered(res: MedusaResponse, then: (status: number) => void) {
  let called = false
  const once = () => {
    if (called) return
    called = true
    then(res.statusCode)
  }
  // res.end rather than only "finish": a client that hung up still has the route run to its end,
  // and "finish" never comes then; "close" would come too early (the route still reserving).
  const end = res.end
  res.end = function (this: MedusaResponse, ...args: unknown[]) {
    const out = (end as (...a: unknown[]) => MedusaResponse).apply(this, args)
    once()
    return out
  } as typeof res.end
  res.once("finish", once)
}

/**
 * Medusa's own "Convert to order" (POST /admin/draft-orders/:id/convert-to-order: a staff order
 * paid on delivery) reserves line by line (medusajs/medusa#16502) and its workflow has no hook:
 * the draft's pools are locked, the sum of its lines per pool checked (409 pool_shortfall, the
 * shortfall's sentence, nothing changed) and the locks kept until the route has answered, so the
 * reservation Medusa makes is the one judged, with no checkout or other draft in between
 * (lib/draft-order-stock.ts). A plugin's middlewares run before the project's method-specific ones
 * on the same route (and before later plugins'), so a refusal here comes before the backend books
 * the draft's delivery place or payment-razorpay cancels its link.
 */
export async function guardDraftOrderConversion(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const guard = await lockDraftOrderPools(req.scope, String(req.params.id ?? ""))
    if (guard) {
      whenAnswered(res, (status) => {
        guard.done(status < 300).catch((error) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`gram-inventory: releasing draft ${req.params.id}'s pools failed: ${error}`))
      })
    }
    next()
  } catch (error) {
    if (error instanceof MedusaError && (error as { code?: string }).code === "pool_shortfall") {
      res.status(409).json(refusal("pool_shortfall", error.message, "not_allowed"))
      return
    }
    next(error)
  }
}

export default defineMiddlewares({
  routes: [
    { method: ["POST"], matcher: "/store/payment-collections/:id/payment-sessions", middlewares: [holdStockBeforeOnlinePayment] },
    { method: ["POST"], matcher: "/admin/draft-orders/:id/convert-to-order", middlewares: [guardDraftOrderConversion] },
  ],
})
