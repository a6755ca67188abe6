import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, completeCartWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import {
  availableByPool,
  CartLineInput,
  checkLines,
  judgePlan,
  planFromLoadedCart,
  refuseShortfalls,
  withUnits,
} from "../../lib/pool-check"
import { acquirePoolLocks, cartLockOwner, releasePoolLocks } from "../../lib/pool-locks"
import type { HoldRecord } from "../../lib/hold-records"
import { releaseCartHolds, restoreHolds } from "../../lib/payment-holds"

/**
 * The sum of all lines that draw on one pool must fit the pool.
 *
 * Medusa 2.21 checks each line alone against the same available quantity,
 * at add-to-cart and again when it reserves stock on completion
 * (medusajs/medusa#16502), so 4 × 250 g and 1 × 1 kg both pass against
 * 1.5 kg and the pool goes negative. These hooks check the sum per pool.
 */

type CartLines = { id: string; sales_channel_id: string | null; completed_at: Date | string | null; lines: CartLineInput[] }

async function cartLines(container: MedusaContainer, cartId: string): Promise<CartLines> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "completed_at", "items.id", "items.variant_id", "items.quantity"],
    filters: { id: cartId },
  })
  const cart = data[0]
  return {
    id: cart.id,
    sales_channel_id: cart.sales_channel_id ?? null,
    completed_at: cart.completed_at ?? null,
    lines: (cart.items ?? [])
      .filter((item: any) => item?.variant_id)
      .map((item: any) => ({ key: item.id, variant_id: item.variant_id, quantity: Number(item.quantity) })),
  }
}

// Adding to the cart: the lines already there plus the new ones.
addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const cart = await cartLines(container, input.cart_id)
  const added = (input.items ?? [])
    .filter((item: any) => item.variant_id)
    .map((item: any, index: number) => ({ key: `new-${index}`, variant_id: item.variant_id, quantity: Number(item.quantity) }))
  const { pools } = await checkLines(container, [...cart.lines, ...added], cart.sales_channel_id, cart.id)
  refuseShortfalls(pools)
})

// Changing a line's quantity: the cart as it would be after the change.
updateLineItemInCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const cart = await cartLines(container, input.cart_id)
  const quantity = Number(input.update?.quantity)
  if (!Number.isFinite(quantity) || quantity <= 0) return
  const lines = cart.lines.map((line) => (line.key === input.item_id ? { ...line, quantity } : line))
  const { pools } = await checkLines(container, lines, cart.sales_channel_id, cart.id)
  refuseShortfalls(pools)
})

// Completing the cart: lock the cart's pools, check the sum, and keep the locks
// until the order (and with it the reservation) exists, so no other checkout
// can take the same grams in between. The cart as the workflow loaded it
// already names every line's pool; only the pools' levels are read, inside the lock.
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    if (cart.completed_at) {
      // Already an order: Medusa returns it without reserving again.
      return new StepResponse(undefined, null as null | { ownerId: string; released: HoldRecord[] })
    }
    const { plan, locationIds } = planFromLoadedCart(cart)
    const poolIds = [...plan.meta.keys()]
    if (!poolIds.length) return new StepResponse(undefined, null as null | { ownerId: string; released: HoldRecord[] })

    const locking = container.resolve(Modules.LOCKING)
    const ownerId = cartLockOwner(cart.id)
    await acquirePoolLocks(locking, poolIds, ownerId)
    // The cart's own payment hold becomes the order's reservation: let it go
    // inside the lock, so the grams it held are this cart's to reserve now.
    let released: HoldRecord[] = []
    try {
      released = await releaseCartHolds(container, cart.id)
      const available = await availableByPool(container, poolIds, cart.sales_channel_id, locationIds.length ? locationIds : undefined)
      let verdicts = judgePlan(plan, available)
      if (verdicts.some((v) => !v.ok)) {
        const variantIds = (cart.items ?? []).map((item: any) => item?.variant_id).filter(Boolean)
        verdicts = judgePlan(await withUnits(container, plan, variantIds), available)
      }
      refuseShortfalls(verdicts)
    } catch (error) {
      await restoreHolds(container, released).catch(() => undefined)
      await releasePoolLocks(locking, ownerId)
      throw error
    }
    return new StepResponse(undefined, { ownerId, released })
  },
  async (compensation, { container }) => {
    // The completion failed after the check: the hold goes back (the shopper
    // may still pay), and other checkouts go on.
    if (!compensation) return
    await restoreHolds(container, compensation.released).catch(() => undefined)
    await releasePoolLocks(container.resolve(Modules.LOCKING), compensation.ownerId)
  }
)

// Declared by completeCartWorkflow but left out of its typed hooks.
const completeCartHooks = completeCartWorkflow.hooks as typeof completeCartWorkflow.hooks & {
  orderCreated: (handler: (input: { order_id: string; cart_id: string }, context: { container: MedusaContainer }) => Promise<unknown>) => void
}
completeCartHooks.orderCreated(async ({ cart_id }, { container }) => {
  await releasePoolLocks(container.resolve(Modules.LOCKING), cartLockOwner(cart_id))
  return new StepResponse(undefined)
})
