import { pincodeFormatError, slotRefusal } from "./delivery"

/**
 * The one-page checkout's fields and their checks, shared by the form (inline
 * errors as the shopper types) and the server action (the same checks again,
 * since a browser can send anything). The backend stays the authority on the
 * phone (it stores +91…), the delivery area (pincodes), stock and the cash-on-delivery cap.
 */
export type CheckoutFields = {
  fullName: string
  phone: string
  email: string
  address: string
  city: string
  state: string
  pincode: string
  fulfilment: "delivery" | "pickup"
  deliveryDate: string
  slot: string
  giftMessage: string
  /** Cash on delivery, or online through Razorpay's checkout.js. */
  payment: "cod" | "razorpay"
}

export type FieldErrors = Partial<Record<keyof CheckoutFields, string>>

export const GIFT_MESSAGE_MAX = 200

/** Indian mobile as typed → ten digits, or null. Same rule as the backend: 10 digits starting 6–9, +91 / 0 prefixes allowed. */
export function indianMobileDigits(input: string): string | null {
  const trimmed = input.trim()
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null
  let digits = trimmed.replace(/\D/g, "")
  if (trimmed.startsWith("+")) {
    if (!digits.startsWith("91")) return null
    digits = digits.slice(2)
  } else if (digits.length === 12 && digits.startsWith("91")) digits = digits.slice(2)
  else if (digits.length === 11 && digits.startsWith("0")) digits = digits.slice(1)
  return /^[6-9]\d{9}$/.test(digits) ? digits : null
}

/** "Priya Sharma" → first and last name as Medusa's address wants them. */
export function splitName(fullName: string): { firstName: string; lastName: string } {
  const parts = fullName.trim().split(/\s+/)
  return { firstName: parts[0] ?? "", lastName: parts.slice(1).join(" ") }
}

export function readCheckoutForm(form: FormData): CheckoutFields {
  const text = (name: string) => String(form.get(name) ?? "").trim()
  return {
    fullName: text("fullName"),
    phone: text("phone"),
    email: text("email"),
    address: text("address"),
    city: text("city"),
    state: text("state"),
    pincode: text("pincode"),
    fulfilment: text("fulfilment") === "pickup" ? "pickup" : "delivery",
    deliveryDate: text("deliveryDate"),
    slot: text("slot"),
    giftMessage: text("giftMessage"),
    payment: text("payment") === "razorpay" ? "razorpay" : "cod",
  }
}

/** Every problem with the form, one sentence per field; empty when it can be sent. */
export function validateCheckout(fields: CheckoutFields, now: Date): FieldErrors {
  const errors: FieldErrors = {}
  if (fields.fullName.length < 2) errors.fullName = "Please enter your name."
  if (!indianMobileDigits(fields.phone)) {
    errors.phone = "Please give a 10-digit Indian mobile number, for example 98765 43210, so we can send you order updates."
  }
  if (fields.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email)) errors.email = "Please check the email address, or leave it empty."
  if (fields.fulfilment === "delivery") {
    if (fields.address.length < 5) errors.address = "Please enter the house number and street."
    if (fields.city.length < 2) errors.city = "Please enter the city."
    if (fields.state.length < 2) errors.state = "Please enter the state."
    const pin = pincodeFormatError(fields.pincode)
    if (pin) errors.pincode = pin
  }
  const slot = slotRefusal(now, fields.deliveryDate, fields.slot)
  if (slot) errors.slot = slot
  if (fields.giftMessage.length > GIFT_MESSAGE_MAX) errors.giftMessage = `Please keep the gift message within ${GIFT_MESSAGE_MAX} characters.`
  return errors
}
