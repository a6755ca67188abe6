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

/** What a product sold by the piece calls one piece, when not "piece": gift boxes are sold as boxes. */
export const PIECE_NAMES = { box: "boxes" } as const
export type PieceName = keyof typeof PIECE_NAMES

/** A product's piece name from its metadata (`piece_name`); null when it sells plain pieces. */
export function pieceNameOf(metadata: { piece_name?: unknown } | null | undefined): PieceName | null {
  const name = metadata?.piece_name
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(PIECE_NAMES, name) ? (name as PieceName) : null
}

/** 1 → "1 piece", 12 → "12 pieces"; with a piece name, 1 → "1 box", 5 → "5 boxes". */
export function formatPieces(pieces: number, name: PieceName | null = null): string {
  if (name) return pieces === 1 ? `1 ${name}` : `${plainNumber.format(pieces)} ${PIECE_NAMES[name]}`
  return pieces === 1 ? "1 piece" : `${plainNumber.format(pieces)} pieces`
}

/** A quantity in the product's unit: "500 g", "12 pieces", "2 boxes". */
export function formatQuantity(unit: Unit, units: number, pieceName: PieceName | null = null): string {
  return unit === "grams" ? formatGrams(units) : formatPieces(units, pieceName)
}
