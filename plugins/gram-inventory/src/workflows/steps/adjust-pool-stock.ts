import type { IInventoryService, InferTypeOf, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GRAM_POOL_MODULE } from "../../modules/gram-pool"
import type GramPoolModuleService from "../../modules/gram-pool/service"
import type { PoolAdjustment } from "../../modules/gram-pool/models/pool-adjustment"
import { MAX_POOL_UNITS } from "../../lib/admin-input"
import { formatPoolQuantity } from "../../lib/pool-math"
import { acquirePoolLocks, releasePoolLocks } from "../../lib/pool-locks"
import { PoolView, readPool } from "../../lib/pool-read"

export type AdjustPoolStockInput = {
  product_id: string
  /** Exactly one of delta_units (add or take away) and set_to_units (count after a stock-take). */
  delta_units?: number
  set_to_units?: number
  reason: string
  actor_id?: string | null
}

type LevelChange = { inventory_item_id: string; location_id: string; delta_units: number }
type Compensation = LevelChange & { adjustment_id: string }

/** What a shop can hold, in the pool's own unit, as staff read it. */
function capacityWords(unit: PoolView["unit"]): string {
  return unit === "grams" ? "10,000 kg" : formatPoolQuantity(MAX_POOL_UNITS.pieces, unit)
}

/**
 * Takes a level change back by its amount (not to the number read before),
 * so an order shipped meanwhile keeps its effect. Used when the history row
 * could not be written and when a later step of the workflow fails.
 */
async function undoLevelChange(inventory: IInventoryService, change: LevelChange) {
  const [level] = await inventory.listInventoryLevels({ inventory_item_id: change.inventory_item_id, location_id: change.location_id })
  const stocked = Number(level?.stocked_quantity ?? 0)
  await inventory.updateInventoryLevels([
    { inventory_item_id: change.inventory_item_id, location_id: change.location_id, stocked_quantity: stocked - change.delta_units },
  ])
}

function lockOwner(productId: string) {
  return `gram-pool-adjust:${productId}:${Date.now()}:${Math.random()}`
}

/**
 * Changes a pool's stocked grams (or pieces) and records who changed it, by
 * how much and why, under the same lock checkouts take. Both or neither: the
 * two writes live in two modules (Medusa's inventory, the shop's history), so
 * no database transaction spans them; if the history row cannot be written the
 * level is put back before the lock is released, and if a later step fails the
 * compensation takes both back. Refuses to go below zero, below what orders
 * already reserve, or above what a shop can hold.
 */
export const adjustPoolStockStep = createStep(
  "adjust-pool-stock",
  async (input: AdjustPoolStockInput, { container }) => {
    const before = await readPool(container, input.product_id)
    const locking = container.resolve(Modules.LOCKING)
    const ownerId = lockOwner(input.product_id)
    await acquirePoolLocks(locking, [before.inventory_item_id], ownerId)
    try {
      const pool = await readPool(container, input.product_id)
      const target = input.set_to_units ?? pool.stocked_units + (input.delta_units ?? 0)
      const change = target - pool.stocked_units
      const q = (n: number) => formatPoolQuantity(n, pool.unit)
      const capacity = MAX_POOL_UNITS[pool.unit]
      if (Math.abs(input.delta_units ?? 0) > capacity) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${pool.product_title}: one adjustment can add or take away at most ${capacityWords(pool.unit)}.`
        )
      }
      if (target > capacity) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${pool.product_title} would hold ${q(target)}; a pool can hold at most ${capacityWords(pool.unit)}.`
        )
      }
      if (target < 0) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${pool.product_title} has ${q(pool.stocked_units)} in stock; taking away ${q(-(input.delta_units ?? 0))} would leave less than nothing.`
        )
      }
      if (target < pool.reserved_units) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${pool.product_title}: ${q(pool.reserved_units)} are already promised to orders, so the stock cannot go down to ${q(target)}.`
        )
      }

      const inventory: IInventoryService = container.resolve(Modules.INVENTORY)
      const poolModule: GramPoolModuleService = container.resolve(GRAM_POOL_MODULE)
      const levelChange: LevelChange = { inventory_item_id: pool.inventory_item_id, location_id: pool.location_id, delta_units: change }
      await inventory.updateInventoryLevels([
        { inventory_item_id: pool.inventory_item_id, location_id: pool.location_id, stocked_quantity: target },
      ])
      let adjustment: InferTypeOf<typeof PoolAdjustment>
      try {
        adjustment = await poolModule.createPoolAdjustments({
          product_id: pool.product_id,
          inventory_item_id: pool.inventory_item_id,
          delta_units: change,
          stocked_after_units: target,
          reason: input.reason,
          actor_id: input.actor_id ?? null,
        })
      } catch (error) {
        await putLevelBack(container, levelChange, error)
        throw new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          `${pool.product_title}'s stock change could not be recorded just now, so nothing was changed; please try again.`
        )
      }
      const after: PoolView = await readPool(container, input.product_id)
      return new StepResponse({ pool: after, adjustment }, { ...levelChange, adjustment_id: adjustment.id } as Compensation)
    } finally {
      await releasePoolLocks(locking, ownerId)
    }
  },
  async (compensation: Compensation | undefined, { container }) => {
    if (!compensation) return
    const locking = container.resolve(Modules.LOCKING)
    const ownerId = lockOwner(compensation.inventory_item_id)
    await acquirePoolLocks(locking, [compensation.inventory_item_id], ownerId)
    try {
      await undoLevelChange(container.resolve(Modules.INVENTORY), compensation)
      const poolModule: GramPoolModuleService = container.resolve(GRAM_POOL_MODULE)
      await poolModule.deletePoolAdjustments(compensation.adjustment_id)
    } finally {
      await releasePoolLocks(locking, ownerId)
    }
  }
)

/** The history row failed after the level was written: undo the level (the lock is still held), and log both failures. */
async function putLevelBack(container: MedusaContainer, change: LevelChange, cause: unknown) {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.error(`gram-inventory: the history row of a stock adjustment failed, putting the level back: ${(cause as Error)?.message ?? cause}`)
  try {
    await undoLevelChange(container.resolve(Modules.INVENTORY), change)
  } catch (undoError) {
    logger.error(
      `gram-inventory: could not put the level of ${change.inventory_item_id} back by ${-change.delta_units} units: ` +
        `${(undoError as Error)?.message ?? undoError}; fix it by hand in the inventory.`
    )
    throw undoError
  }
}
