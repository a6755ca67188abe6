import { indianMobileDigits, PHONE_REFUSAL, pincodeDigits, type FulfillmentKind } from "@sweetshop/shop-contracts"
import { pincodeFormatError, slotChoiceError } from "./delivery"

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
  /** Optional: "near the Sai temple" (Medusa's address_2). */
  landmark: string
  city: string
  state: string
  pincode: string
  fulfilment: FulfillmentKind
  deliveryDate: string
  slot: string
  giftMessage: string
  /** Cash on delivery, or online through Razorpay's checkout.js. */
  payment: "cod" | "razorpay"
}

export type FieldErrors = Partial<Record<keyof CheckoutFields, string>>

export const GIFT_MESSAGE_MAX = 200
export const LANDMARK_MAX = 100

/** The checkout's fields in the order the form shows them: the error summary lists errors in this order. */
export const FIELD_ORDER: (keyof CheckoutFields)[] = [
  "fullName",
  "phone",
  "email",
  "fulfilment",
  "address",
  "landmark",
  "pincode",
  "city",
  "state",
  "deliveryDate",
  "slot",
  "giftMessage",
  "payment",
]

/** What each field is called in the error summary. */
export const FIELD_LABELS: Record<keyof CheckoutFields, string> = {
  fullName: "Full name",
  phone: "Mobile number",
  email: "Email",
  address: "House number and street",
  landmark: "Landmark",
  city: "City",
  state: "State",
  pincode: "Pincode",
  fulfilment: "Delivery or pickup",
  deliveryDate: "Day",
  slot: "Time slot",
  giftMessage: "Gift message",
  payment: "Payment",
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
    landmark: text("landmark"),
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
  // The shop's one phone rule (shop-contracts), the same the backend applies.
  if (!indianMobileDigits(fields.phone)) errors.phone = PHONE_REFUSAL
  if (fields.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email)) errors.email = "Please check the email address, or leave it empty."
  if (fields.fulfilment === "delivery") {
    if (fields.address.length < 5) errors.address = "Please enter the house number and street."
    if (fields.landmark.length > LANDMARK_MAX) errors.landmark = `Please keep the landmark within ${LANDMARK_MAX} characters.`
    if (fields.city.length < 2) errors.city = "Please enter the city."
    if (fields.state.length < 2) errors.state = "Please enter the state."
    const pin = pincodeFormatError(fields.pincode)
    if (pin) errors.pincode = pin
  }
  const slot = slotChoiceError(now, fields.deliveryDate, fields.fulfilment === "pickup" ? null : fields.slot)
  if (slot) errors.slot = slot
  if (fields.giftMessage.length > GIFT_MESSAGE_MAX) errors.giftMessage = `Please keep the gift message within ${GIFT_MESSAGE_MAX} characters.`
  return errors
}

/** The pincode's six digits as the shopper typed them ("110 024" → "110024"), or the text as typed when it is not one. */
export function pincodeOf(fields: Pick<CheckoutFields, "pincode">): string {
  return pincodeDigits(fields.pincode) ?? fields.pincode.replace(/\s/g, "")
}

/** An Idempotency-Key as the browser makes it (crypto.randomUUID): anything else is not sent. */
export function idempotencyKeyOf(value: unknown): string | null {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : null
}
