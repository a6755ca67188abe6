/**
 * Money, weights and pieces the way Indian shoppers read them: ₹1,250.00,
 * lakh grouping (₹1,00,000), "250 g", "1 kg". Medusa's own routes (carts,
 * orders) give INR amounts in rupees (major units); the shop's routes (the
 * catalogue, order tracking) give integer paise. Both are formatted here:
 * `formatRupees` for rupees, `formatPaise` for paise.
 */

const rupeesWithPaise = new Intl.NumberFormat("en-IN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const wholeRupees = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 0 })
const plainNumber = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 2 })

/** ₹1,250.00 ; ₹1,00,000.00 ; with `{ whole: true }` ₹1,00,000 (rounded to the rupee). */
export function formatRupees(amountInRupees: number, options: { whole?: boolean } = {}): string {
  if (!Number.isFinite(amountInRupees)) throw new Error(`not an amount: ${amountInRupees}`)
  const sign = amountInRupees < 0 ? "−" : ""
  const abs = Math.abs(amountInRupees)
  const digits = options.whole ? wholeRupees.format(Math.round(abs)) : rupeesWithPaise.format(abs)
  return `${sign}₹${digits}`
}

/** Whole amounts without paise, others with them: ₹999 but ₹62.50. For short labels. */
export function formatRupeesShort(amountInRupees: number): string {
  return Number.isInteger(amountInRupees) ? formatRupees(amountInRupees, { whole: true }) : formatRupees(amountInRupees)
}

/** 250 → "250 g", 1000 → "1 kg", 1500 → "1.5 kg", 12500 → "12.5 kg". */
export function formatGrams(grams: number): string {
  if (!Number.isFinite(grams) || grams < 0) throw new Error(`not a weight: ${grams}`)
  if (grams >= 1000) return `${plainNumber.format(grams / 1000)} kg`
  return `${plainNumber.format(grams)} g`
}

/** 1 → "1 piece", 12 → "12 pieces". */
export function formatPieces(pieces: number): string {
  return pieces === 1 ? "1 piece" : `${plainNumber.format(pieces)} pieces`
}

export type Unit = "grams" | "pieces"

export function formatQuantityOf(unit: Unit, units: number): string {
  return unit === "grams" ? formatGrams(units) : formatPieces(units)
}

/** Price of one kilogram from the price of a box: ₹300 for 250 g → 1200. Rounded to the paisa. */
export function rupeesPerKg(boxRupees: number, grams: number): number {
  if (grams <= 0) throw new Error(`a box must weigh something: ${grams}`)
  return Math.round((boxRupees * 1000 * 100) / grams) / 100
}

/** Price of one piece from the price of a pack, rounded to the paisa. */
export function rupeesPerPiece(packRupees: number, pieces: number): number {
  if (pieces <= 0) throw new Error(`a pack must hold something: ${pieces}`)
  return Math.round((packRupees * 100) / pieces) / 100
}

/** "₹1,200.00/kg" or "₹23.33/piece": the comparison price shown beside each chip. */
export function formatUnitPrice(unit: Unit, boxRupees: number, units: number): string {
  return unit === "grams"
    ? `${formatRupees(rupeesPerKg(boxRupees, units))}/kg`
    : `${formatRupees(rupeesPerPiece(boxRupees, units))}/piece`
}

/** "+919876543210" → "+91 98765 43210"; anything else as given. */
export function formatIndianPhone(e164: string): string {
  const m = /^\+91(\d{5})(\d{5})$/.exec(e164)
  return m ? `+91 ${m[1]} ${m[2]}` : e164
}

function wholePaise(paise: number): number {
  if (!Number.isInteger(paise)) throw new Error(`not a whole number of paise: ${paise}`)
  return paise
}

/** 125000 paise → "₹1,250.00". Paise are integers; anything else is refused. */
export function formatPaise(paise: number): string {
  return formatRupees(wholePaise(paise) / 100)
}

/** Whole rupees without paise, others with them: 99900 → "₹999", 6250 → "₹62.50". For short labels. */
export function formatPaiseShort(paise: number): string {
  return wholePaise(paise) % 100 === 0 ? formatRupees(paise / 100, { whole: true }) : formatRupees(paise / 100)
}

/** "₹1,200.00/kg" or "₹23.33/piece" from a box's price in paise, rounded to the paisa. */
export function formatUnitPricePaise(unit: Unit, boxPaise: number, units: number): string {
  if (units <= 0) throw new Error(`a box must hold something: ${units}`)
  const per = unit === "grams" ? Math.round((wholePaise(boxPaise) * 1000) / units) : Math.round(wholePaise(boxPaise) / units)
  return `${formatPaise(per)}/${unit === "grams" ? "kg" : "piece"}`
}
