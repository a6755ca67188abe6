/**
 * Indian mobile numbers as people type them: "98765 43210", "+91-98765-43210",
 * "098765 43210", "(+91) 98765 43210", "919876543210". Ten digits, the first
 * 6 to 9. Stored as E.164 (+919876543210), the form SMS and WhatsApp need.
 */

export const PHONE_REFUSAL = "Please give a 10-digit Indian mobile number, for example 98765 43210, so we can send you order updates."

/** The ten digits of an Indian mobile number, or null when the input is not one. */
export function indianMobileDigits(input: unknown): string | null {
  if (typeof input !== "string") return null
  const trimmed = input.trim()
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null
  let digits = trimmed.replace(/\D/g, "")
  if (trimmed.startsWith("+")) {
    if (!digits.startsWith("91")) return null
    digits = digits.slice(2)
  } else if (digits.length === 12 && digits.startsWith("91")) {
    digits = digits.slice(2)
  } else if (digits.length === 11 && digits.startsWith("0")) {
    digits = digits.slice(1)
  }
  return /^[6-9]\d{9}$/.test(digits) ? digits : null
}

/** +91 and the ten digits, or null when the input is not an Indian mobile number. */
export function normalizeIndianMobile(input: unknown): string | null {
  const digits = indianMobileDigits(input)
  return digits ? `+91${digits}` : null
}
