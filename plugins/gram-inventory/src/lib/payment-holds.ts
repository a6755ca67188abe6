import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { RefusalCode } from "@sweetshop/shop-contracts"
import { holdExpiresAt, HoldRecord, listHolds, PAYMENT_HOLD_DESCRIPTION } from "./hold-records"
import { CartLineInput, judgePlan, levelsByPool, locationsOfSalesChannel, planPools, refuseShortfalls, withUnits } from "./pool-check"
import { acquirePoolLocks, releasePoolLocks } from "./pool-locks"

/**
 * A hold before payment: when a shopper starts paying online, the cart's
 * grams (or pieces) are set aside in their pools for a while, so a payment
 * made inside that window can always become an order. Without it, two
 * shoppers could pay for the last kilo and one would be charged for nothing.
 *
 * Taken under the same pool locks as a checkout, after the cart's earlier
 * holds are let go (a retry renews the hold rather than doubling it). Turned
 * into the order's reservations at completion (pool-guard.ts), and let go by
 * the expire-payment-holds job when the time is up.
 */

export const DEFAULT_HOLD_MINUTES = 15
const holdOwner = (cartId: string) => `gram-pool-hold:${cartId}`

export type HeldPool = { inventory_item_id: string; location_id: string; quantity: number }
export type HoldResult = { cart_id: string; expires_at: string | null; pools: HeldPool[] }

async function cartForHold(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "completed_at", "items.id", "items.variant_id", "items.quantity"],
    filters: { id: cartId },
  })
  const cart = data[0] as any
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This cart no longer exists. Please add the sweets to a new cart.")
  return cart
}

export async function holdCartStock(
  container: MedusaContainer,
  cartId: string,
  { minutes = DEFAULT_HOLD_MINUTES, now = Date.now() }: { minutes?: number; now?: number } = {}
): Promise<HoldResult> {
  const cart = await cartForHold(container, cartId)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart has already been ordered.", "cart_completed" satisfies RefusalCode)
  const lines = (cart.items ?? [])
    .filter((item: any) => item?.variant_id)
    .map((item: any) => ({ key: item.id, variant_id: item.variant_id, quantity: Number(item.quantity) }))
  return holdLinesStock(container, { holderId: cartId, salesChannelId: cart.sales_channel_id, lines, minutes, now })
}

/**
 * Holds these lines' grams for a holder (a cart, or a draft order whose payment link is out):
 * reservations whose `external_id` is the holder's id, under the pools' locks, after the holder's
 * earlier holds are let go. Refuses with the shortfall's sentence when a pool cannot cover the lines.
 */
export async function holdLinesStock(
  container: MedusaContainer,
  { holderId, salesChannelId, lines, minutes, now }: { holderId: string; salesChannelId: string | null; lines: CartLineInput[]; minutes: number; now: number }
): Promise<HoldResult> {
  const cartId = holderId
  const plan = await planPools(container, lines)
  const poolIds = [...plan.meta.keys()]
  if (!poolIds.length) return { cart_id: cartId, expires_at: null, pools: [] }

  const locking = container.resolve(Modules.LOCKING)
  const owner = holdOwner(cartId)
  await acquirePoolLocks(locking, poolIds, owner)
  try {
    await releaseCartHolds(container, cartId)
    const locationIds = await locationsOfSalesChannel(container, salesChannelId)
    const levels = await levelsByPool(container, poolIds, salesChannelId, locationIds)
    const available = new Map([...levels].map(([id, level]) => [id, level.available]))
    let verdicts = judgePlan(plan, available)
    if (verdicts.some((v) => !v.ok)) {
      verdicts = judgePlan(await withUnits(container, plan, lines.map((l: { variant_id: string }) => l.variant_id)), available)
      refuseShortfalls(verdicts)
    }
    const expiresAt = new Date(now + minutes * 60_000).toISOString()
    const pools: HeldPool[] = verdicts
      .filter((v) => v.needed > 0 && levels.get(v.poolId)?.location_id)
      .map((v) => ({ inventory_item_id: v.poolId, location_id: levels.get(v.poolId)!.location_id!, quantity: v.needed }))
    if (pools.length) {
      await container.resolve(Modules.INVENTORY).createReservationItems(
        pools.map((pool) => ({
          ...pool,
          external_id: cartId,
          description: PAYMENT_HOLD_DESCRIPTION,
          metadata: { payment_hold: true, cart_id: cartId, expires_at: expiresAt },
        }))
      )
    }
    return { cart_id: cartId, expires_at: expiresAt, pools }
  } finally {
    await releasePoolLocks(locking, owner)
  }
}

/** Lets go of a cart's holds; returns what was held (to put back if a completion fails). */
export async function releaseCartHolds(container: Pick<MedusaContainer, "resolve">, cartId: string): Promise<HoldRecord[]> {
  const holds = await listHolds(container, cartId)
  if (holds.length) await container.resolve(Modules.INVENTORY).deleteReservationItems(holds.map((h) => h.id))
  return holds
}

/** Puts back holds taken away by a completion that then failed, if they have not expired meanwhile. */
export async function restoreHolds(container: Pick<MedusaContainer, "resolve">, holds: HoldRecord[], now = Date.now()) {
  const live = holds.filter((h) => holdExpiresAt(h) > now)
  if (!live.length) return
  await container.resolve(Modules.INVENTORY).createReservationItems(
    live.map((h) => ({
      inventory_item_id: h.inventory_item_id,
      location_id: h.location_id,
      quantity: h.quantity,
      external_id: h.external_id ?? undefined,
      description: PAYMENT_HOLD_DESCRIPTION,
      metadata: h.metadata ?? undefined,
    }))
  )
}

/** The job's work: every hold whose time is up goes back to its pool. */
export async function expirePaymentHolds(container: Pick<MedusaContainer, "resolve">, now = Date.now()) {
  const expired = (await listHolds(container)).filter((hold) => holdExpiresAt(hold) <= now)
  if (expired.length) await container.resolve(Modules.INVENTORY).deleteReservationItems(expired.map((h) => h.id))
  return { released: expired.length, carts: [...new Set(expired.map((h) => h.external_id).filter(Boolean))] as string[] }
}
