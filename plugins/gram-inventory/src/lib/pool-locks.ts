import type { ILockingModule } from "@medusajs/framework/types"
import { setTimeout as sleep } from "timers/promises"

/**
 * Locks on stock pools, held from the pool check until the reservation is
 * made. Keys are taken one at a time in sorted order, so two checkouts that
 * share pools can never wait on each other in a circle.
 *
 * The keys an owner holds are remembered in this process, so releasing names
 * them: the locking module's releaseAll({ ownerId }) has the Redis provider
 * SCAN every key of the database (workflow checkpoints, event jobs, cache
 * entries), which held the pools hundreds of milliseconds longer per order.
 * releaseAll stays only as the fallback for an owner this process does not
 * know (locks also expire on their own after ttlSeconds).
 */
const heldByOwner = new Map<string, string[]>()

export const poolLockKey = (poolId: string) => `gram-pool:${poolId}`
export const cartLockOwner = (cartId: string) => `gram-pool-cart:${cartId}`
/**
 * One owner per draft order for every conversion of it (a paid link's, Medusa's own route):
 * the locks are re-entrant for their owner, so a paid link converting the draft (inside
 * payment-razorpay's draft lock) is not kept waiting by a "Convert to order" of the same draft
 * that waits for that draft lock (only one of them can make the order: Medusa's draft check).
 */
export const draftLockOwner = (draftOrderId: string) => `gram-pool-draft:${draftOrderId}`

export async function acquirePoolLocks(
  locking: ILockingModule,
  poolIds: string[],
  ownerId: string,
  { timeoutSeconds = 30, ttlSeconds = 120 } = {}
): Promise<string[]> {
  const keys = [...new Set(poolIds)].sort().map(poolLockKey)
  const deadline = Date.now() + timeoutSeconds * 1000
  const held: string[] = []
  try {
    for (const key of keys) {
      for (;;) {
        try {
          await locking.acquire(key, { ownerId, expire: ttlSeconds })
          held.push(key)
          break
        } catch (error) {
          if (Date.now() >= deadline) throw error
          await sleep(25 + Math.random() * 50)
        }
      }
    }
  } catch (error) {
    if (held.length) await locking.release(held, { ownerId })
    throw new Error(`The shop is busy with other orders for these sweets; please try again in a moment.`)
  }
  heldByOwner.set(ownerId, [...new Set([...(heldByOwner.get(ownerId) ?? []), ...keys])])
  return keys
}

export async function releasePoolLocks(locking: ILockingModule, ownerId: string) {
  const keys = heldByOwner.get(ownerId)
  heldByOwner.delete(ownerId)
  if (keys) {
    if (keys.length) await locking.release(keys, { ownerId })
    return
  }
  await locking.releaseAll({ ownerId })
}
