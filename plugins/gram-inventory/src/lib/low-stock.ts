import { type PoolLowStockData, SHOP_EVENTS } from "@sweetshop/shop-contracts"
import type { PoolView } from "./pool-read"

/**
 * Emitted when a pool's available grams (or pieces) are at or below the
 * product's low-stock threshold: after staff adjust it, and after an order
 * takes from it. The notifications plugin tells the staff number.
 */
export const LOW_STOCK_EVENT = SHOP_EVENTS.poolLowStock

export type LowStockEvent = PoolLowStockData

export function lowStockPayload(pool: PoolView): LowStockEvent {
  return {
    product_id: pool.product_id,
    product_title: pool.product_title,
    inventory_item_id: pool.inventory_item_id,
    unit: pool.unit,
    available_units: pool.available_units,
    low_stock_threshold_units: pool.low_stock_threshold_units ?? 0,
  }
}
