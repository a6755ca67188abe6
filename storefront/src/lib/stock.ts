import { formatQuantity, type PieceName, type Unit } from "@sweetshop/shop-contracts"

export type StockLevel = "in" | "low" | "out"
export type PoolStock = { unit: Unit; available: number; soldOut: boolean; buyableByVariant: Record<string, number>; pieceName?: PieceName | null }

/** At or under this many grams (or pieces) a pool reads "only … left". */
export const LOW_STOCK_GRAMS = 2000
export const LOW_STOCK_PIECES = 24

/**
 * The stock sentence for the chosen size, from the product's live pool:
 * every size draws on the same grams, so "500 g" can be sold out while "250 g" is not.
 */
export function stockMessage(pool: PoolStock | null, size: { variantId: string; label: string } | null): { level: StockLevel; text: string } {
  if (!pool) return { level: "in", text: "Stock could not be checked just now; we check again when you add to cart." }
  if (pool.soldOut || pool.available <= 0) return { level: "out", text: "Sold out for today. Fresh batches are made every morning." }
  const left = formatQuantity(pool.unit, pool.available, pool.pieceName ?? null)
  if (size && (pool.buyableByVariant[size.variantId] ?? 0) < 1) {
    return { level: "out", text: `Only ${left} left: not enough for ${pool.pieceName ? size.label : `a ${size.label} ${pool.unit === "grams" ? "box" : "pack"}`}. Try a smaller size.` }
  }
  const low = pool.unit === "grams" ? LOW_STOCK_GRAMS : LOW_STOCK_PIECES
  if (pool.available <= low) return { level: "low", text: `Only ${left} left today.` }
  return { level: "in", text: "In stock, made fresh today." }
}

/** The most of a size the shopper may pick on the page (the backend checks again with the whole cart). */
export function maxQuantity(pool: PoolStock | null, variantId: string, cap = 99): number {
  if (!pool) return cap
  return Math.max(0, Math.min(cap, pool.buyableByVariant[variantId] ?? 0))
}
