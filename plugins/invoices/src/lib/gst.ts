import { GST_RATE_PERCENT } from "@sweetshop/shop-contracts"

/**
 * GST on tax-inclusive prices, in whole paise. The shop's prices include 5 % GST, so a line's
 * taxable value is its total × 100/105. Each line's share is rounded so that the taxable values
 * add up to the whole bill's (total × 100/105, rounded half up) and every line's taxable value
 * plus its tax is exactly its total: the invoice's lines always sum to the order's total.
 */

export type BillLine = { description: string; hsn: string; quantity: number; total_paise: number }

export type TaxedLine = BillLine & { taxable_paise: number; cgst_paise: number; sgst_paise: number; igst_paise: number }

export type TaxedBill = {
  /** Same state as the shop: CGST + SGST; another state: IGST. */
  intra_state: boolean
  rate_percent: number
  lines: TaxedLine[]
  taxable_paise: number
  cgst_paise: number
  sgst_paise: number
  igst_paise: number
  total_paise: number
}

const DENOMINATOR = 100 + GST_RATE_PERCENT

/** The bill's taxable value: total × 100/105 rounded half up to the paisa. */
export function taxableOf(totalPaise: number): number {
  if (!Number.isSafeInteger(totalPaise) || totalPaise < 0) throw new Error(`A bill's total must be whole, non-negative paise: ${totalPaise}`)
  return Math.floor((totalPaise * 100 * 2 + DENOMINATOR) / (DENOMINATOR * 2))
}

export function taxBill(lines: BillLine[], intraState: boolean): TaxedBill {
  for (const line of lines) {
    if (!Number.isSafeInteger(line.total_paise) || line.total_paise < 0) throw new Error(`A line's total must be whole, non-negative paise: ${line.total_paise}`)
  }
  const total = lines.reduce((sum, line) => sum + line.total_paise, 0)
  const billTaxable = taxableOf(total)
  // Each line's exact share is total × 100 / 105; floor it, then hand out the paise still owed
  // to the lines with the largest remainders (ties: the earlier line).
  const floors = lines.map((line) => Math.floor((line.total_paise * 100) / DENOMINATOR))
  const remainders = lines.map((line) => (line.total_paise * 100) % DENOMINATOR)
  let owed = billTaxable - floors.reduce((sum, value) => sum + value, 0)
  const order = lines.map((_, index) => index).sort((a, b) => remainders[b] - remainders[a] || a - b)
  const taxable = [...floors]
  for (const index of order) {
    if (owed <= 0) break
    if (taxable[index] < lines[index].total_paise) {
      taxable[index] += 1
      owed -= 1
    }
  }
  const taxed = lines.map((line, index): TaxedLine => {
    const tax = line.total_paise - taxable[index]
    const cgst = intraState ? Math.floor(tax / 2) : 0
    return {
      ...line,
      taxable_paise: taxable[index],
      cgst_paise: cgst,
      sgst_paise: intraState ? tax - cgst : 0,
      igst_paise: intraState ? 0 : tax,
    }
  })
  const sum = (pick: (line: TaxedLine) => number) => taxed.reduce((acc, line) => acc + pick(line), 0)
  return {
    intra_state: intraState,
    rate_percent: GST_RATE_PERCENT,
    lines: taxed,
    taxable_paise: sum((l) => l.taxable_paise),
    cgst_paise: sum((l) => l.cgst_paise),
    sgst_paise: sum((l) => l.sgst_paise),
    igst_paise: sum((l) => l.igst_paise),
    total_paise: total,
  }
}

const ONES = ["", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"]
const TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]

function belowHundred(n: number): string {
  if (n < 20) return ONES[n]
  return [TENS[Math.floor(n / 10)], ONES[n % 10]].filter(Boolean).join(" ")
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100)
  return [hundreds ? `${ONES[hundreds]} Hundred` : "", belowHundred(n % 100)].filter(Boolean).join(" ")
}

/** A whole number in words, Indian numbering (thousand, lakh, crore): 1250000 → "Twelve Lakh Fifty Thousand". */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Not a whole number: ${n}`)
  if (n === 0) return "Zero"
  const crore = Math.floor(n / 10_000_000)
  const rest = n % 10_000_000
  const parts = [
    crore ? `${numberInWords(crore)} Crore` : "",
    Math.floor(rest / 100_000) ? `${belowHundred(Math.floor(rest / 100_000))} Lakh` : "",
    Math.floor((rest % 100_000) / 1000) ? `${belowHundred(Math.floor((rest % 100_000) / 1000))} Thousand` : "",
    belowThousand(rest % 1000),
  ]
  return parts.filter(Boolean).join(" ")
}

/** Paise in words as invoices write them: 126050 → "Rupees One Thousand Two Hundred Sixty and Fifty Paise Only". */
export function paiseInWords(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0) throw new Error(`Paise must be whole and non-negative: ${paise}`)
  const rupees = Math.floor(paise / 100)
  const rest = paise % 100
  return rest ? `Rupees ${numberInWords(rupees)} and ${numberInWords(rest)} Paise Only` : `Rupees ${numberInWords(rupees)} Only`
}

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000

/** The Indian financial year (April to March, by the date in India) of a moment: "2026-27". */
export function financialYear(at: Date): string {
  const india = new Date(at.getTime() + IST_OFFSET_MS)
  const year = india.getUTCFullYear()
  const start = india.getUTCMonth() >= 3 ? year : year - 1
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`
}

export type DocumentKind = "invoice" | "credit_note"

/** SS/2026-27/000123 for invoices, SS/CN/2026-27/000001 for credit notes. */
export function documentNumber(kind: DocumentKind, fiscalYear: string, sequence: number, prefix = "SS"): string {
  const serial = String(sequence).padStart(6, "0")
  return kind === "invoice" ? `${prefix}/${fiscalYear}/${serial}` : `${prefix}/CN/${fiscalYear}/${serial}`
}
