/**
 * GST facts every package reads the same way: the state codes of the GST system (the first two
 * digits of a GSTIN and the "place of supply"), the rate on sweets, the default HSN code.
 */

/** Sweets and namkeen (HSN 2106, 1704) are taxed at 5 %: CGST 2.5 % + SGST 2.5 % in the shop's state, IGST 5 % across states. */
export const GST_RATE_PERCENT = 5

/** HSN of "food preparations not elsewhere specified" (Indian sweets, namkeen): a product without `metadata.hsn` is this. */
export const DEFAULT_HSN = "2106"

/** State and union-territory names with their GST state codes (CBIC's list). */
export const GST_STATES: Readonly<Record<string, string>> = {
  "Jammu and Kashmir": "01",
  "Himachal Pradesh": "02",
  Punjab: "03",
  Chandigarh: "04",
  Uttarakhand: "05",
  Haryana: "06",
  Delhi: "07",
  Rajasthan: "08",
  "Uttar Pradesh": "09",
  Bihar: "10",
  Sikkim: "11",
  "Arunachal Pradesh": "12",
  Nagaland: "13",
  Manipur: "14",
  Mizoram: "15",
  Tripura: "16",
  Meghalaya: "17",
  Assam: "18",
  "West Bengal": "19",
  Jharkhand: "20",
  Odisha: "21",
  Chhattisgarh: "22",
  "Madhya Pradesh": "23",
  Gujarat: "24",
  "Dadra and Nagar Haveli and Daman and Diu": "26",
  Maharashtra: "27",
  Karnataka: "29",
  Goa: "30",
  Lakshadweep: "31",
  Kerala: "32",
  "Tamil Nadu": "33",
  Puducherry: "34",
  "Andaman and Nicobar Islands": "35",
  Telangana: "36",
  "Andhra Pradesh": "37",
  Ladakh: "38",
}

/** Spellings shoppers type for a state, folded to the list's names. */
const ALIASES: Record<string, string> = {
  "new delhi": "Delhi",
  "nct of delhi": "Delhi",
  "nct delhi": "Delhi",
  up: "Uttar Pradesh",
  orissa: "Odisha",
  pondicherry: "Puducherry",
  "j&k": "Jammu and Kashmir",
  "jammu & kashmir": "Jammu and Kashmir",
  uttaranchal: "Uttarakhand",
}

const fold = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ")
const BY_FOLDED = new Map(Object.entries(GST_STATES).map(([name, code]) => [fold(name).replace(/ & /g, " and "), { name, code }]))

/** The state of a name as typed ("new delhi", "Uttar Pradesh", "07"), with its GST code; null when it is not one. */
export function gstState(input: string | null | undefined): { name: string; code: string } | null {
  if (typeof input !== "string" || !input.trim()) return null
  const text = fold(input)
  if (/^\d{2}$/.test(text)) {
    const found = Object.entries(GST_STATES).find(([, code]) => code === text)
    return found ? { name: found[0], code: found[1] } : null
  }
  const alias = ALIASES[text]
  if (alias) return { name: alias, code: GST_STATES[alias] }
  return BY_FOLDED.get(text.replace(/ & /g, " and ")) ?? null
}

/** A GSTIN: 2-digit state code, PAN (5 letters, 4 digits, 1 letter), entity number, "Z", check character. */
export const GSTIN_PATTERN = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/

/** An HSN code as invoices print it: 4, 6 or 8 digits. */
export const HSN_PATTERN = /^(\d{4}|\d{6}|\d{8})$/
