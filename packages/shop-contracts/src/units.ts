/**
 * How a sweet is sold: by weight (a pool of grams shared by its sizes) or by
 * the piece. Products say so in `metadata.sold_by`; a product that does not
 * say is sold by the piece (the safe reading: a piece is never split).
 */

export const UNITS = ["grams", "pieces"] as const
export type Unit = (typeof UNITS)[number]

export function isUnit(value: unknown): value is Unit {
  return value === "grams" || value === "pieces"
}

/** The unit of a product from its metadata (`sold_by`); pieces when it is missing or unknown. */
export function unitOf(metadata: { sold_by?: unknown } | null | undefined): Unit {
  return metadata?.sold_by === "grams" ? "grams" : "pieces"
}

const plainNumber = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 2 })

/** 250 → "250 g", 1000 → "1 kg", 1500 → "1.5 kg". */
export function formatGrams(grams: number): string {
  if (!Number.isFinite(grams) || grams < 0) throw new Error(`not a weight: ${grams}`)
  return grams >= 1000 ? `${plainNumber.format(grams / 1000)} kg` : `${plainNumber.format(grams)} g`
}

/** 1 → "1 piece", 12 → "12 pieces". */
export function formatPieces(pieces: number): string {
  return pieces === 1 ? "1 piece" : `${plainNumber.format(pieces)} pieces`
}

/** A quantity in the product's unit: "500 g", "12 pieces". */
export function formatQuantity(unit: Unit, units: number): string {
  return unit === "grams" ? formatGrams(units) : formatPieces(units)
}
