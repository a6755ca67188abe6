/**
 * Available stock, one definition: stocked minus reserved at the stock
 * location the sales channel sells from (the first of the channel's locations
 * that holds a level of the item), never a sum over every location. Reserved
 * includes the payment holds of carts at the pay step and the reservations of
 * orders not yet shipped. It may be negative after staff lowered the stock
 * below what is reserved; shoppers are shown `Math.max(0, …)`.
 */

export type StockLevelShape = { location_id: string; stocked_quantity: number | string; reserved_quantity: number | string }

/** Available units at the first of `sellingLocationIds` (in order) holding a level; null when none does. */
export function availableAt(levels: StockLevelShape[], sellingLocationIds: string[]): { available: number; location_id: string } | null {
  for (const locationId of sellingLocationIds) {
    const level = levels.find((l) => l.location_id === locationId)
    if (level) return { available: Number(level.stocked_quantity) - Number(level.reserved_quantity), location_id: locationId }
  }
  return null
}

/** How many of a size taking `unitsPerItem` grams or pieces a pool with `available` units can give now. */
export function buyableNow(available: number, unitsPerItem: number): number {
  if (!(unitsPerItem > 0)) return 0
  return Math.max(0, Math.floor(available / unitsPerItem))
}
