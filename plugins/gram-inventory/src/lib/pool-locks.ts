import type { ILockingModule } from "@medusajs/framework/types"
import { setTimeout as sleep } from "timers/promises"

/**
 * Locks on stock pools, held from the pool check until the reservation is
 * made. Keys are taken one at a time in sorted order, so two checkouts that
 * share pools can never wait on each other in a circle.
 */
export const poolLockKey = (poolId: string) => `gram-pool:${poolId}`
export const cartLockOwner = (cartId: string) => `gram-pool-cart:${cartId}`

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
  return keys
}

export async function releasePoolLocks(locking: ILockingModule, ownerId: string) {
  await locking.releaseAll({ ownerId })
}
