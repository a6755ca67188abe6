import type { PoolView } from "./pool-read"

/**
 * Emitted when a pool's available grams (or pieces) are at or below the
 * product's low-stock threshold: after staff adjust it, and after an order
 * takes from it. The notifications plugin tells the staff number.
 */
export const LOW_STOCK_EVENT = "gram_pool.low_stock"

export type LowStockEvent = {
  product_id: string
  product_title: string
  inventory_item_id: string
  unit: PoolView["unit"]
  available_units: number
  low_stock_threshold_units: number
}

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
