import { formatPaise, toPaise, type PieceName, type Unit } from "@sweetshop/shop-contracts"

/**
 * Money, weights and pieces the way Indian shoppers read them. The rules are the
 * shop's contracts (@sweetshop/shop-contracts): ₹999 where there are no paise,
 * ₹62.50 where there are, lakh grouping (₹1,00,000); "250 g", "1 kg", "6 pieces".
 * The shop's routes (the catalogue, order tracking) give integer paise
 * (`formatPaise`); Medusa's own routes (carts, orders) give rupees, turned into
 * paise through their digits (`formatRupees`), never by a float multiplication.
 */
export { formatGrams, formatPaise, formatPieces, formatQuantity, type Unit } from "@sweetshop/shop-contracts"

/** An amount in rupees as Medusa answers it (1250, 62.5, "199.99") → "₹1,250", "₹62.50". */
export function formatRupees(amountInRupees: number | string): string {
  if (typeof amountInRupees === "number" && !Number.isFinite(amountInRupees)) throw new Error(`not an amount: ${amountInRupees}`)
  return formatPaise(rupeesAsPaise(amountInRupees))
}

/** Medusa's rupees (a number or decimal text, perhaps with more than two decimals) → whole paise, rounded to the paisa. */
export function rupeesAsPaise(amountInRupees: number | string | null | undefined): number {
  return toPaise(amountInRupees ?? 0) ?? 0
}

/** "+919876543210" → "+91 98765 43210"; anything else as given. */
export function formatIndianPhone(e164: string): string {
  const m = /^\+91(\d{5})(\d{5})$/.exec(e164)
  return m ? `+91 ${m[1]} ${m[2]}` : e164
}

/** "₹1,200/kg", "₹23.33/piece" or "₹820/box" from a size's price in paise, rounded to the paisa: the comparison price beside each chip. */
export function formatUnitPricePaise(unit: Unit, boxPaise: number, units: number, pieceName: PieceName | null = null): string {
  if (!Number.isSafeInteger(boxPaise)) throw new Error(`not a whole number of paise: ${boxPaise}`)
  if (units <= 0) throw new Error(`a box must hold something: ${units}`)
  const per = unit === "grams" ? Math.round((boxPaise * 1000) / units) : Math.round(boxPaise / units)
  return `${formatPaise(per)}/${unit === "grams" ? "kg" : (pieceName ?? "piece")}`
}
