/**
 * Best-before dates. Sweets are made for the day they go out, so a box is best
 * before its delivery (or pickup) day plus the product's shelf life in days
 * (product metadata `shelf_life_days`, shown on the product page as "keeps N
 * days"): FSSAI's labelling rules want the date on the box, and the packing slip
 * prints it for each line.
 */

/** The product's shelf life in whole days from its metadata, or null when it has none. */
export function shelfLifeDaysOf(metadata: { shelf_life_days?: unknown } | null | undefined): number | null {
  const days = Number(metadata?.shelf_life_days)
  return Number.isInteger(days) && days > 0 && days <= 365 ? days : null
}

/** "2026-12-03" + 3 days → "2026-12-06"; null when the day is not a calendar date or there is no shelf life. */
export function bestBefore(madeOn: string | null | undefined, shelfLifeDays: number | null | undefined): string | null {
  if (!madeOn || !/^\d{4}-\d{2}-\d{2}$/.test(madeOn) || !shelfLifeDays || !Number.isInteger(shelfLifeDays) || shelfLifeDays <= 0) return null
  const day = new Date(`${madeOn}T00:00:00Z`)
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== madeOn) return null
  day.setUTCDate(day.getUTCDate() + shelfLifeDays)
  return day.toISOString().slice(0, 10)
}
