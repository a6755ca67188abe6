import { randomUUID } from "node:crypto"
import { CASH_ON_DELIVERY_PROVIDER_ID, indianMobileDigits } from "@sweetshop/shop-contracts"
import { splitName, type CheckoutFields } from "../../checkout-form"
import { slotLabel } from "../../delivery"
import { refusalOutcome } from "../../refusals"
import { stockCheck } from "../cart"
import { ShopRefusal, store } from "../medusa"
import { noteOf, orderPlaced, type PlaceOrderOutcome } from "./confirmation"
import { optionNameOf, placeOf, shippingOptionId } from "./shipping"

/**
 * Checkout in one request to the backend (`POST /store/carts/:id/checkout`,
 * backend/src/lib/one-call-checkout.ts): contact, address, the order's day, slot
 * and gift message, the shipping method and the payment session; for cash on
 * delivery the cart is completed there too (the backend checks the phone, the
 * cash-on-delivery cap, the pincode and every pool inside a lock).
 */

/** How long the checkout call may take before the shopper is told to press again (with the same Idempotency-Key). */
const CHECKOUT_TIMEOUT_MS = 30_000

/**
 * The backend's one-call checkout wants an email. Shoppers may leave theirs out
 * (order updates go to the phone), so such an order is filed under an address at
 * the reserved `.invalid` domain (RFC 2606) made from the phone, which can never
 * receive mail. To drop once the backend takes checkouts without an email.
 */
export function checkoutEmail(fields: Pick<CheckoutFields, "email" | "phone">): string {
  if (fields.email) return fields.email
  return `${indianMobileDigits(fields.phone) ?? "shopper"}@no-email.sweetshop.invalid`
}

export type OneCallAnswer =
  | { type: "order"; order: { id: string; display_id: number; total: number; currency_code: string } }
  | { type: "payment"; payment_session: { id: string; provider_id: string; data: Record<string, unknown> } }

export type Refused = Exclude<PlaceOrderOutcome, { kind: "order" }>

/**
 * One checkout attempt. `idempotencyKey` (made by the browser for this attempt) goes in the
 * Idempotency-Key header: an attempt repeated after a timeout or a network failure gets the
 * first one's answer from the backend rather than a second order.
 */
export async function checkOut(cartId: string, fields: CheckoutFields, providerId: string, idempotencyKey: string | null): Promise<OneCallAnswer | Refused> {
  const wanted = optionNameOf(fields.fulfilment)
  const { firstName, lastName } = splitName(fields.fullName)
  const body = (optionId: string) => ({
    email: checkoutEmail(fields),
    shipping_address: { first_name: firstName, ...(lastName ? { last_name: lastName } : {}), phone: fields.phone, country_code: "in", ...placeOf(fields) },
    shipping_option_id: optionId,
    payment_provider_id: providerId,
    metadata: {
      fulfilment: fields.fulfilment,
      delivery_date: fields.deliveryDate,
      // Pickup asks no slot: the backend judges the day by the counter's pickup hours.
      ...(fields.fulfilment === "pickup" ? {} : { delivery_slot: fields.slot, delivery_slot_label: slotLabel(fields.slot) }),
      gift_message: fields.giftMessage || null,
    },
  })
  for (const fresh of [false, true]) {
    const optionId = await shippingOptionId(cartId, wanted, fresh)
    if (!optionId) return { kind: "refused", message: `${wanted} is not available for this cart right now. Please choose another way.`, field: "fulfilment" }
    try {
      return await store<OneCallAnswer>(`/store/carts/${cartId}/checkout`, {
        method: "POST",
        body: body(optionId),
        // The try with fresh option ids follows an answer (a refusal): it is another attempt, with its own key.
        headers: idempotencyKey ? { "idempotency-key": fresh ? randomUUID() : idempotencyKey } : {},
        freshness: { cache: "live" },
        timeoutMs: CHECKOUT_TIMEOUT_MS,
      })
    } catch (error) {
      if (!(error instanceof ShopRefusal)) throw error
      // A shipping option replaced by staff since the ids were read: ask again once.
      if (!fresh && !error.code && /shipping option/i.test(error.message)) continue
      return refusalOutcome({ message: error.message, code: error.code, field: error.field }, () => stockCheck(cartId).catch(() => null))
    }
  }
  return { kind: "refused", message: `${wanted} is not available for this cart right now. Please choose another way.`, field: "fulfilment" }
}

/** Cash on delivery: one call to the backend, which answers with the order (or a sentence). */
export async function placeCashOnDeliveryOrder(cartId: string, fields: CheckoutFields, idempotencyKey: string | null, festivalName: string | null = null): Promise<PlaceOrderOutcome> {
  const answer = await checkOut(cartId, fields, CASH_ON_DELIVERY_PROVIDER_ID, idempotencyKey)
  if ("kind" in answer) return answer
  if (answer.type !== "order") throw new Error("the checkout answered a payment session for cash on delivery")
  return orderPlaced(cartId, answer.order, noteOf(fields, festivalName))
}
