/**
 * Money. Medusa keeps amounts in rupees (major units, decimal); Razorpay, the
 * shop's own routes and every total the shop computes use whole paise. The
 * conversion goes through the decimal digits, never through a float
 * multiplication (199.99 × 100 is 19998.999… in floating point).
 */

/** What Medusa hands out as an amount: a number, a decimal string, or a BigNumber (its `numeric` or `toString()`). */
export type RupeeAmount = number | string | { numeric?: number | string; value?: number | string; toString(): string }

/** ₹ → whole paise, exactly. Throws on more than two decimals or on something that is not an amount. */
export function rupeesToPaise(amount: RupeeAmount): number {
  const text = amountText(amount)
  const decimal = /^(-)?(\d+)(?:\.(\d+))?$/.exec(plainDecimal(text))
  if (!decimal) throw new Error(`Not an amount of rupees: ${text}`)
  const [, minus, whole, fraction = ""] = decimal
  if (fraction.replace(/0+$/, "").length > 2) throw new Error(`₹${text} has more than two decimals; it cannot be paid in paise.`)
  const paise = Number(whole) * 100 + Number((fraction + "00").slice(0, 2))
  if (!Number.isSafeInteger(paise)) throw new Error(`₹${text} is too large to pay.`)
  return minus && paise !== 0 ? -paise : paise
}

/**
 * Like `rupeesToPaise`, for amounts Medusa computed (tax splits, discounts) that
 * may carry more than two decimals: rounded half away from zero to the paisa,
 * still through the digits. Null and undefined give null.
 */
export function toPaise(amount: RupeeAmount | null | undefined): number | null {
  if (amount === null || amount === undefined) return null
  const text = amountText(amount)
  const decimal = /^(-)?(\d+)(?:\.(\d+))?$/.exec(plainDecimal(text))
  if (!decimal) throw new Error(`Not an amount of rupees: ${text}`)
  const [, minus, whole, fraction = ""] = decimal
  let paise = Number(whole) * 100 + Number((fraction + "00").slice(0, 2))
  if (Number(fraction.charAt(2) || "0") >= 5) paise += 1
  if (!Number.isSafeInteger(paise)) throw new Error(`₹${text} is too large.`)
  return minus && paise !== 0 ? -paise : paise
}

/** Whole paise back to rupees as a decimal string ("199.99") that Medusa's BigNumber reads exactly. */
export function paiseToRupees(paise: number): string {
  if (!Number.isSafeInteger(paise)) throw new Error(`Paise must be whole: ${paise}`)
  const sign = paise < 0 ? "-" : ""
  const abs = Math.abs(paise)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}

const withPaise = new Intl.NumberFormat("en-IN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const whole = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 0 })

/**
 * Paise as Indian shoppers read them, lakh grouping: ₹1,250 where there are no
 * paise, ₹62.50 where there are; `{ paise: "always" }` gives ₹1,250.00.
 */
export function formatPaise(paise: number, options: { paise?: "when-any" | "always" } = {}): string {
  if (!Number.isSafeInteger(paise)) throw new Error(`Paise must be whole: ${paise}`)
  const sign = paise < 0 ? "−" : ""
  const abs = Math.abs(paise)
  const showPaise = options.paise === "always" || abs % 100 !== 0
  const text = showPaise ? withPaise.format(abs / 100) : whole.format(abs / 100)
  return `${sign}₹${text}`
}

function amountText(amount: RupeeAmount): string {
  if (typeof amount === "number") {
    if (!Number.isFinite(amount)) throw new Error(`Not an amount of rupees: ${amount}`)
    return String(amount)
  }
  if (typeof amount === "string") return amount
  if (amount && typeof amount === "object") {
    // Medusa's BigNumber (its `numeric`), or its raw value ({ value, precision }) as stored on records.
    const { numeric, value } = amount as { numeric?: unknown; value?: unknown }
    if (typeof numeric === "number" || typeof numeric === "string") return String(numeric)
    if (typeof value === "number" || typeof value === "string") return String(value)
    return String(amount.toString())
  }
  throw new Error(`Not an amount of rupees: ${String(amount)}`)
}

/** 1e-2 and the like (as String(number) writes tiny and huge numbers) to plain digits. */
function plainDecimal(text: string): string {
  if (!/e/i.test(text)) return text
  const [mantissa, exponentText] = text.toLowerCase().split("e")
  const exponent = Number(exponentText)
  const negative = mantissa.startsWith("-")
  const digits = mantissa.replace(/^[-+]/, "")
  const [int, frac = ""] = digits.split(".")
  const all = int + frac
  const point = int.length + exponent
  const plain =
    point <= 0 ? `0.${"0".repeat(-point)}${all}` : point >= all.length ? all + "0".repeat(point - all.length) : `${all.slice(0, point)}.${all.slice(point)}`
  return (negative ? "-" : "") + plain
}
