import type { Unit } from "@sweetshop/shop-contracts"
/**
 * The arithmetic of a stock pool, free of Medusa: every variant of a product
 * draws `unitsPerVariant` grams (or pieces) from one pool, so what a cart
 * needs from a pool is the sum over all its lines of that product.
 */

/** How a pool counts: grams or pieces (shop-contracts). */
export type PoolUnit = Unit

export type PoolLine = {
  /** Whatever identifies the line to the caller (line item id or variant id). */
  key: string
  poolId: string
  /** Grams (or pieces) one unit of the variant takes from the pool. */
  unitsPerVariant: number
  quantity: number
}

export type PoolInfo = {
  poolId: string
  productTitle: string
  unit: PoolUnit
  /** Stocked minus reserved at the selling location. */
  available: number
}

export type PoolVerdict = {
  poolId: string
  productTitle: string
  unit: PoolUnit
  available: number
  needed: number
  shortfall: number
  ok: boolean
  /** A sentence for the shopper when the pool cannot cover the cart. */
  message: string | null
}

/** Sums what each pool must give for the lines. Whole units only. */
export function unitsNeededPerPool(lines: PoolLine[]): Map<string, number> {
  const needed = new Map<string, number>()
  for (const line of lines) {
    assertWhole(line.unitsPerVariant, "units per variant")
    assertWhole(line.quantity, "quantity")
    needed.set(line.poolId, (needed.get(line.poolId) ?? 0) + line.unitsPerVariant * line.quantity)
  }
  return needed
}

/** For each pool the lines draw on: whether it covers them, and the shortfall. */
export function judgePools(lines: PoolLine[], pools: Map<string, PoolInfo>): PoolVerdict[] {
  const verdicts: PoolVerdict[] = []
  for (const [poolId, needed] of unitsNeededPerPool(lines)) {
    const pool = pools.get(poolId)
    if (!pool) throw new Error(`Unknown stock pool ${poolId}`)
    const available = Math.max(0, pool.available)
    const shortfall = Math.max(0, needed - available)
    verdicts.push({
      poolId,
      productTitle: pool.productTitle,
      unit: pool.unit,
      available,
      needed,
      shortfall,
      ok: shortfall === 0,
      message: shortfall === 0 ? null : shortfallMessage(pool.productTitle, pool.unit, available, needed),
    })
  }
  return verdicts
}

/** How many of a variant can be bought now: floor(available / required); one rule, in shop-contracts. */
export { buyableNow } from "@sweetshop/shop-contracts"

/** "Only 750 g of Kaju Katli left; your cart needs 1,250 g." */
export function shortfallMessage(productTitle: string, unit: PoolUnit, available: number, needed: number): string {
  if (available <= 0) {
    return `${productTitle} is sold out; please remove it from your cart.`
  }
  return `Only ${formatPoolQuantity(available, unit)} of ${productTitle} left; your cart needs ${formatPoolQuantity(needed, unit)}.`
}

/** 750 g, 1,250 g, 12 pieces, 1 piece: Indian digit grouping, the shop's way of writing weights. */
export function formatPoolQuantity(quantity: number, unit: PoolUnit): string {
  const number = new Intl.NumberFormat("en-IN").format(quantity)
  if (unit === "grams") return `${number} g`
  return quantity === 1 ? "1 piece" : `${number} pieces`
}

function assertWhole(value: number, what: string) {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`A stock pool counts whole ${what}; got ${value}`)
  }
}
