import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GRAM_POOL_MODULE } from "../../modules/gram-pool"
import type GramPoolModuleService from "../../modules/gram-pool/service"
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

type Compensation = { inventory_item_id: string; location_id: string; previous_stocked: number; adjustment_id: string }

/**
 * Changes a pool's stocked grams (or pieces) under the same lock checkouts
 * take, refuses to go below zero or below what orders already reserve, and
 * records who changed it, by how much and why.
 */
export const adjustPoolStockStep = createStep(
  "adjust-pool-stock",
  async (input: AdjustPoolStockInput, { container }) => {
    const before = await readPool(container, input.product_id)
    const locking = container.resolve(Modules.LOCKING)
    const ownerId = `gram-pool-adjust:${input.product_id}:${Date.now()}:${Math.random()}`
    await acquirePoolLocks(locking, [before.inventory_item_id], ownerId)
    try {
      const pool = await readPool(container, input.product_id)
      const target = input.set_to_units ?? pool.stocked_units + (input.delta_units ?? 0)
      const q = (n: number) => formatPoolQuantity(n, pool.unit)
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
      const inventory = container.resolve(Modules.INVENTORY)
      await inventory.updateInventoryLevels([
        { inventory_item_id: pool.inventory_item_id, location_id: pool.location_id, stocked_quantity: target },
      ])
      const poolModule: GramPoolModuleService = container.resolve(GRAM_POOL_MODULE)
      const adjustment = await poolModule.createPoolAdjustments({
        product_id: pool.product_id,
        inventory_item_id: pool.inventory_item_id,
        delta_units: target - pool.stocked_units,
        stocked_after_units: target,
        reason: input.reason,
        actor_id: input.actor_id ?? null,
      })
      const after: PoolView = await readPool(container, input.product_id)
      return new StepResponse({ pool: after, adjustment }, {
        inventory_item_id: pool.inventory_item_id,
        location_id: pool.location_id,
        previous_stocked: pool.stocked_units,
        adjustment_id: adjustment.id,
      } as Compensation)
    } finally {
      await releasePoolLocks(locking, ownerId)
    }
  },
  async (compensation: Compensation | undefined, { container }) => {
    if (!compensation) return
    await container.resolve(Modules.INVENTORY).updateInventoryLevels([
      {
        inventory_item_id: compensation.inventory_item_id,
        location_id: compensation.location_id,
        stocked_quantity: compensation.previous_stocked,
      },
    ])
    const poolModule: GramPoolModuleService = container.resolve(GRAM_POOL_MODULE)
    await poolModule.deletePoolAdjustments(compensation.adjustment_id)
  }
)
