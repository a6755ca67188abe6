import type { PoolUnit } from "./pool-math"

/**
 * How much of its product's pool one unit of a variant takes: grams for a
 * product sold by weight, pieces for one sold by the piece.
 *
 * Staff state it explicitly (the variant's weight in grams; metadata.pieces),
 * or the shop's usual names say it: "250 g", "1 kg", "0.5 kg", "6 pieces".
 */

export type VariantMeasureInput = {
  title?: string | null
  weight?: number | null
  metadata?: Record<string, unknown> | null
  optionValues?: string[]
}

export class MeasureError extends Error {}

const GRAMS = /^\s*(\d+(?:\.\d+)?)\s*(g|gm|gms|gram|grams|kg|kgs|kilo|kilos|kilogram|kilograms)\s*$/i

/** Grams named in a label such as "250 g" or "1.5 kg"; null when it names none. */
export function gramsFromLabel(label: string): number | null {
  const match = label.match(GRAMS)
  if (!match) return null
  const grams = /^k/i.test(match[2]) ? Number(match[1]) * 1000 : Number(match[1])
  return Number.isInteger(grams) && grams > 0 ? grams : null
}

/** Pieces named in a label such as "6 pieces" or "1 piece"; null when it names none. */
export function piecesFromLabel(label: string): number | null {
  const match = label.match(/^\s*(\d+)\s*(pc|pcs|piece|pieces)\s*$/i)
  if (!match) return null
  const pieces = Number(match[1])
  return pieces > 0 ? pieces : null
}

function labels(variant: VariantMeasureInput): string[] {
  return [...(variant.optionValues ?? []), variant.title ?? ""].filter(Boolean)
}

/** The unit a product's variants imply by their names, when they all agree. */
export function inferUnit(variants: VariantMeasureInput[]): PoolUnit | null {
  if (!variants.length) return null
  if (variants.every((v) => positiveInteger(v.weight) || labels(v).some((l) => gramsFromLabel(l) !== null))) return "grams"
  if (variants.every((v) => positiveInteger(v.metadata?.pieces) || labels(v).some((l) => piecesFromLabel(l) !== null))) {
    return "pieces"
  }
  return null
}

/** The variant's grams or pieces, or a MeasureError saying what staff must fill in. */
export function measureOf(variant: VariantMeasureInput, unit: PoolUnit, productTitle: string): number {
  const name = variant.title ? `"${variant.title}"` : "a variant"
  if (unit === "grams") {
    if (variant.weight !== null && variant.weight !== undefined) {
      if (!positiveInteger(variant.weight)) {
        throw new MeasureError(`${productTitle} is sold by weight: the weight of ${name} must be a whole number of grams above 0, not ${variant.weight}.`)
      }
      return Number(variant.weight)
    }
    for (const label of labels(variant)) {
      const grams = gramsFromLabel(label)
      if (grams !== null) return grams
    }
    throw new MeasureError(`${productTitle} is sold by weight: give ${name} its weight in grams (for example 250), or name it like "250 g".`)
  }
  const stated = variant.metadata?.pieces
  if (stated !== null && stated !== undefined) {
    if (!positiveInteger(stated)) {
      throw new MeasureError(`${productTitle} is sold by the piece: the piece count of ${name} must be a whole number above 0, not ${String(stated)}.`)
    }
    return Number(stated)
  }
  for (const label of labels(variant)) {
    const pieces = piecesFromLabel(label)
    if (pieces !== null) return pieces
  }
  throw new MeasureError(`${productTitle} is sold by the piece: give ${name} its piece count (metadata "pieces", for example 6), or name it like "6 pieces".`)
}

function positiveInteger(value: unknown): boolean {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value
  return typeof n === "number" && Number.isInteger(n) && n > 0
}
