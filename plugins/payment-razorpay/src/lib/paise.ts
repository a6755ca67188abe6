import { BigNumber } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * Medusa keeps amounts in rupees (major units, decimal); Razorpay wants whole
 * paise. The conversion goes through the decimal digits, never through a
 * float multiplication (199.99 × 100 is 19998.999… in floating point).
 */
export function rupeesToPaise(amount: BigNumberInput): number {
  const text = new BigNumber(amount as any).numeric.toString()
  const decimal = /^(-)?(\d+)(?:\.(\d+))?$/.exec(toPlainDecimal(text))
  if (!decimal) throw new Error(`Not an amount of rupees: ${text}`)
  const [, minus, whole, fraction = ""] = decimal
  if (fraction.replace(/0+$/, "").length > 2) {
    throw new Error(`₹${text} has more than two decimals; it cannot be paid in paise.`)
  }
  const paise = Number(whole) * 100 + Number((fraction + "00").slice(0, 2))
  if (!Number.isSafeInteger(paise)) throw new Error(`₹${text} is too large to pay.`)
  return minus ? -paise : paise
}

/** Whole paise back to rupees as a decimal string Medusa's BigNumber reads exactly. */
export function paiseToRupees(paise: number): string {
  if (!Number.isInteger(paise)) throw new Error(`Paise must be whole: ${paise}`)
  const sign = paise < 0 ? "-" : ""
  const abs = Math.abs(paise)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}

function toPlainDecimal(text: string): string {
  if (!/e/i.test(text)) return text
  // 1e-2 and the like: let BigInt-free string maths expand it.
  const [mantissa, exponentText] = text.toLowerCase().split("e")
  const exponent = Number(exponentText)
  const negative = mantissa.startsWith("-")
  const digits = mantissa.replace(/^-/, "")
  const [int, frac = ""] = digits.split(".")
  const all = int + frac
  const point = int.length + exponent
  const plain =
    point <= 0 ? `0.${"0".repeat(-point)}${all}` : point >= all.length ? all + "0".repeat(point - all.length) : `${all.slice(0, point)}.${all.slice(point)}`
  return (negative ? "-" : "") + plain
}
