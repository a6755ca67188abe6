/**
 * Order numbers as shoppers copy them: the confirmation page and the messages
 * print "#13"; people also type "13", "SS-13", "Order #13" or "order no. 13".
 * The number is Medusa's `display_id`.
 */

/** The order number in what a shopper typed, or null when it holds no single order number. */
export function parseOrderNumber(input: unknown): number | null {
  if (typeof input === "number") return Number.isSafeInteger(input) && input > 0 && input <= 2_147_483_647 ? input : null
  if (typeof input !== "string") return null
  const match = /^\s*(?:order\s*(?:no\.?|number)?\s*)?(?:ss\s*[-–]?\s*)?#?\s*0*(\d{1,10})\s*$/i.exec(input)
  if (!match) return null
  const n = Number(match[1])
  return n > 0 && n <= 2_147_483_647 ? n : null
}

/** How the shop prints an order number: "#13". */
export function formatOrderNumber(displayId: number): string {
  return `#${displayId}`
}

/**
 * A pincode as typed ("110 024", "110-024", " 110024 ") → its six digits, or
 * null when it is not a well-formed Indian PIN code (six digits, not starting
 * with 0). Never truncated: seven digits is not a pincode.
 */
export function pincodeDigits(input: unknown): string | null {
  if (typeof input !== "string") return null
  const digits = input.replace(/[\s-]/g, "")
  return /^[1-9]\d{5}$/.test(digits) ? digits : null
}
