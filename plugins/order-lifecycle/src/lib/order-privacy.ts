import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { openToken } from "./order-tokens"
import { lifecycleService } from "./shop-orders"

/**
 * Orders are private by default: the store API shows an order, or a cart that became
 * one, only to a caller with proof of it:
 *  - the logged-in customer whose order (or cart) it is; or
 *  - the order token (`x-order-token`), an encrypted, expiring token that only the
 *    storefront of the browser that placed the order holds.
 * An order id alone, or a tracking link (which opens the masked view only), is no proof.
 */

export const ORDER_TOKEN_HEADER = "x-order-token"

export type Caller = {
  /** The logged-in customer (Medusa's auth context), if any. */
  customerId?: string | null
  /** The x-order-token header, if any. */
  orderToken?: unknown
}

export async function mayOpenOrder(container: MedusaContainer, orderId: string, caller: Caller): Promise<boolean> {
  if (caller.orderToken) {
    const claims = await openToken(lifecycleService(container).options.secret, "order-owner", caller.orderToken)
    if (claims?.o === orderId) return true
  }
  if (!caller.customerId) return false
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
  return Boolean(data[0]?.customer_id) && data[0].customer_id === caller.customerId
}

export type CartState = { completed: boolean; ownedByCaller: boolean } | null

/** Whether a cart is completed (became an order), and whether the logged-in caller owns it. */
export async function cartState(container: MedusaContainer, cartId: string, customerId?: string | null): Promise<CartState> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "customer_id"], filters: { id: cartId } })
  if (!data[0]) return null
  return {
    completed: Boolean(data[0].completed_at),
    ownedByCaller: Boolean(customerId) && data[0].customer_id === customerId,
  }
}

/** What anyone holding a completed cart's id sees of its order (completing it again answers this): no person, no items. */
export const PUBLIC_ORDER_FIELDS = ["id", "display_id", "status", "currency_code", "total", "created_at"]
