import { authenticate, defineMiddlewares, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cartState, mayOpenOrder, ORDER_TOKEN_HEADER, PUBLIC_ORDER_FIELDS } from "../lib/order-privacy"

/**
 * Orders are private by default (lib/order-privacy.ts). Medusa's store routes that
 * answer an order, or a cart that became one, answer only the logged-in customer who
 * owns it or a caller with the order token; anyone else gets the 404 an unknown id gets.
 */

/** The logged-in customer, when there is one; never refuses on its own. */
const customerIfAny = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

const customerOf = (req: MedusaRequest) => {
  const auth = (req as MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }).auth_context
  return auth?.actor_type === "customer" ? (auth.actor_id ?? null) : null
}

const orderNotFound = (res: MedusaResponse, orderId: string) =>
  res.status(404).json({ type: "not_found", message: `Order id not found: ${orderId}` })

const cartNotFound = (res: MedusaResponse, cartId: string) =>
  res.status(404).json({ type: "not_found", message: `Cart with id '${cartId}' not found` })

/** GET /store/orders/:id and the transfer routes that answer the order: proof of the order, or the 404 of an unknown one. */
async function requireOrderProof(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const orderId = String(req.params.id)
  if (await mayOpenOrder(req.scope, orderId, { customerId: customerOf(req), orderToken: req.headers[ORDER_TOKEN_HEADER] })) return next()
  orderNotFound(res, orderId)
}

/** POST /store/returns names its order in the body: the same proof. */
async function requireReturnOrderProof(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const orderId = (req.body as { order_id?: unknown } | undefined)?.order_id
  // Anything but an id is left to Medusa's own validation (a 400 with its sentence).
  if (typeof orderId !== "string" || !orderId) return next()
  if (await mayOpenOrder(req.scope, orderId, { customerId: customerOf(req), orderToken: req.headers[ORDER_TOKEN_HEADER] })) return next()
  orderNotFound(res, orderId)
}

/** Medusa's cart reads answer the cart (email, address, phone): a cart that became an order is its owner's only. */
async function hideCompletedCart(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = String(req.params.id)
  const state = await cartState(req.scope, cartId, customerOf(req))
  if (!state || !state.completed || state.ownedByCaller) return next()
  cartNotFound(res, cartId)
}

/**
 * POST /store/carts/:id/complete of a cart already completed: Medusa answers its order
 * again, in full. Anyone but its owner gets the order's number and total only (enough for
 * a storefront that completes a cart the payment already completed, to move on).
 */
async function completeOnceInFull(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = String(req.params.id)
  const state = await cartState(req.scope, cartId, customerOf(req))
  if (!state || !state.completed || state.ownedByCaller) return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  const orderId = (links[0] as { order_id?: string } | undefined)?.order_id
  if (!orderId) return next()
  const { data: orders } = await query.graph({ entity: "order", fields: PUBLIC_ORDER_FIELDS, filters: { id: orderId } })
  if (!orders[0]) return next()
  res.status(200).json({ type: "order", order: orders[0] })
}

const gateOrder = [customerIfAny, requireOrderProof]
const gateCart = [customerIfAny, hideCompletedCart]

export default defineMiddlewares({
  routes: [
    { method: ["GET"], matcher: "/store/orders/:id", middlewares: gateOrder },
    { method: ["POST"], matcher: "/store/orders/:id/transfer/request", middlewares: gateOrder },
    { method: ["POST"], matcher: "/store/orders/:id/transfer/cancel", middlewares: gateOrder },
    { method: ["POST"], matcher: "/store/returns", middlewares: [customerIfAny, requireReturnOrderProof] },
    // Medusa's cart changes refuse a completed cart themselves ("Cart … is already completed.", a 400 with
    // nothing of the cart); these two would answer it in full, so they are gated (one lookup by id each).
    { method: ["GET"], matcher: "/store/carts/:id", middlewares: gateCart },
    { method: ["POST"], matcher: "/store/carts/:id/taxes", middlewares: gateCart },
    { method: ["POST"], matcher: "/store/carts/:id/complete", middlewares: [customerIfAny, completeOnceInFull] },
  ],
})
