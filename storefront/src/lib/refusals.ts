import { refusalField, type RefusalField } from "@sweetshop/shop-contracts"
import type { CheckoutFields } from "./checkout-form"

/**
 * The backend refuses a checkout with a stable code (shop-contracts' REFUSALS:
 * invalid_phone, undeliverable_pincode, cod_over_cap, pool_shortfall, …), the
 * field it concerns and a sentence meant for the shopper. Here the refusal is
 * put where the shopper can act on it, by its code and field, never by reading
 * the sentence: next to the form field, or as the list of cart lines that ran
 * out. A refusal without a code (an older backend, Medusa's own errors) goes to
 * the form's summary only. Free of Next.js and of the network (the stock check
 * is handed in), so it is unit-tested.
 */

/** A checkout that did not become an order: lines out of stock, or a sentence (with the field it concerns). */
export type CheckoutRefusal =
  | { kind: "stock"; messages: string[] }
  | { kind: "refused"; message: string; field?: keyof CheckoutFields }

/** What the cart's stock check answers, as far as a refusal needs it. */
export type StockAnswer = { ok: boolean; lines: { ok: boolean; message: string | null }[] }

/** A refusal as the backend answered it. */
export type BackendRefusal = { message: string; code?: string | null; field?: RefusalField | string | null }

/** The sentences of the lines a stock check refused. */
export function stockMessages(stock: Pick<StockAnswer, "lines">): string[] {
  return stock.lines.filter((l) => !l.ok).map((l) => l.message ?? "A line of your cart is no longer in stock.")
}

/** The sentence when the shop's online payment provider is not there (keys not set, provider down). */
export const ONLINE_PAYMENT_UNAVAILABLE = "Online payment is not available just now. Please choose cash on delivery."

/** The checkout form's input for each field a refusal may concern (cart refusals are shown as the stock lines or the summary). */
const FORM_FIELD: Partial<Record<RefusalField, keyof CheckoutFields>> = {
  phone: "phone",
  email: "email",
  name: "fullName",
  address: "address",
  pincode: "pincode",
  payment: "payment",
  delivery_day: "deliveryDate",
  delivery_slot: "slot",
  gift_message: "giftMessage",
}

/** The form field of a refusal: the backend's `field`, else its code's; none for a refusal without either. */
export function formFieldOf(refusal: Pick<BackendRefusal, "code" | "field">): keyof CheckoutFields | undefined {
  const field = (refusal.field ?? refusalField(refusal.code)) as RefusalField | null
  return field ? FORM_FIELD[field] : undefined
}

/**
 * A refusal of the checkout call, put where the shopper can act on it. Stock
 * refusals (and refusals about the cart or without a code, since completion
 * can fail when a pool ran out meanwhile) ask the cart's stock check, which
 * says which lines; the others go to their field.
 */
export async function refusalOutcome(refusal: BackendRefusal, stockCheck: () => Promise<StockAnswer | null>): Promise<CheckoutRefusal> {
  const message = refusal.code === "online_payment_unavailable" ? ONLINE_PAYMENT_UNAVAILABLE : refusal.message
  const field = formFieldOf(refusal)
  if (field) return { kind: "refused", message, field }
  const stock = await stockCheck()
  if (stock && !stock.ok) return { kind: "stock", messages: stockMessages(stock) }
  return { kind: "refused", message }
}
