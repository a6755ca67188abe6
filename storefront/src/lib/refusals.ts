import type { CheckoutFields } from "./checkout-form"

/**
 * The backend refuses a checkout with a sentence meant for the shopper (the
 * phone rule, the cash-on-delivery cap, the delivery area, stock). Here that
 * sentence is put where the shopper can act on it: next to the field it is
 * about, or as the list of lines that ran out. Free of Next.js and of the
 * network (the stock check is handed in), so it is unit-tested.
 */

/** A checkout that did not become an order: lines out of stock, or a sentence (with the field it concerns). */
export type CheckoutRefusal =
  | { kind: "stock"; messages: string[] }
  | { kind: "refused"; message: string; field?: keyof CheckoutFields }

/** What the cart's stock check answers, as far as a refusal needs it. */
export type StockAnswer = { ok: boolean; lines: { ok: boolean; message: string | null }[] }

/** The sentences of the lines a stock check refused. */
export function stockMessages(stock: Pick<StockAnswer, "lines">): string[] {
  return stock.lines.filter((l) => !l.ok).map((l) => l.message ?? "A line of your cart is no longer in stock.")
}

/** The sentence when the shop's online payment provider is not there (keys not set, provider down). */
export const ONLINE_PAYMENT_UNAVAILABLE = "Online payment is not available just now. Please choose cash on delivery."

/**
 * A refusal of the checkout call, put where the shopper can act on it. The
 * phone, the cash-on-delivery cap and the payment provider are told by the
 * sentence itself; otherwise the cart's stock is asked (the pool guard refuses
 * completion when stock ran out meanwhile, and its check says which lines),
 * then a sentence about the pincode goes to the pincode field.
 */
export async function refusalOutcome(message: string, stockCheck: () => Promise<StockAnswer | null>): Promise<CheckoutRefusal> {
  if (/mobile number/i.test(message)) return { kind: "refused", message, field: "phone" }
  if (/^cash on delivery/i.test(message)) return { kind: "refused", message, field: "payment" }
  if (/payment provider/i.test(message)) return { kind: "refused", message: ONLINE_PAYMENT_UNAVAILABLE, field: "payment" }
  const stock = await stockCheck()
  if (stock && !stock.ok) return { kind: "stock", messages: stockMessages(stock) }
  if (/pincode|pin code|postal_code|deliver/i.test(message)) return { kind: "refused", message, field: "pincode" }
  return { kind: "refused", message }
}
