/**
 * What a tracking page may show of an address and a phone: enough for the
 * shopper to recognise their order, not enough to learn someone's address.
 */

/** "+919876543210" → "+91 ••••• •3210" */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null
  const digits = phone.replace(/\D/g, "")
  return digits.length >= 4 ? `+91 ••••• •${digits.slice(-4)}` : null
}

/** "Ramesh Kumar" → "R. K." */
export function maskName(first?: string | null, last?: string | null): string | null {
  const initials = [first, last]
    .flatMap((part) => (part ?? "").trim().split(/\s+/))
    .filter(Boolean)
    .map((word) => `${word[0].toUpperCase()}.`)
  return initials.length ? initials.join(" ") : null
}

/** "14 Chandni Chowk Road" → "14 C••• C••• R•••": the house number and each word's first letter. */
export function maskLine(line?: string | null): string | null {
  if (!line?.trim()) return null
  return line
    .trim()
    .split(/\s+/)
    .map((word) => (/^\d+[\w/-]*$/.test(word) ? word : `${word[0]}•••`))
    .join(" ")
}

export type PublicAddress = { name: string | null; line: string | null; city: string | null; pincode: string | null }

export function maskAddress(address: {
  first_name?: string | null
  last_name?: string | null
  address_1?: string | null
  city?: string | null
  postal_code?: string | null
} | null | undefined): PublicAddress | null {
  if (!address) return null
  return {
    name: maskName(address.first_name, address.last_name),
    line: maskLine(address.address_1),
    city: address.city ?? null,
    // The first three digits name the district; the rest would narrow it to a post office.
    pincode: address.postal_code ? `${address.postal_code.slice(0, 3)}•••` : null,
  }
}

/** The ten digits of an Indian mobile number as people type it, or null: the one rule, in shop-contracts. */
export { indianMobileDigits as mobileDigits } from "@sweetshop/shop-contracts"
