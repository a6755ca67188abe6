import { PAYMENT_LINK_KEY } from "./orders.js"
import type { PaymentMode } from "./statuses.js"

/**
 * Payment provider ids as Medusa names them: `pp_<provider identifier>_<id in medusa-config>`.
 * Cash on delivery is Medusa's own system provider.
 */
export const CASH_ON_DELIVERY_PROVIDER_ID = "pp_system_default"
export const RAZORPAY_PROVIDER_ID = "pp_razorpay_razorpay"

/** What staff and shoppers call a payment provider. */
export function paymentProviderLabel(providerId: string | null | undefined): string {
  if (providerId === CASH_ON_DELIVERY_PROVIDER_ID) return "Cash on delivery"
  if (providerId === RAZORPAY_PROVIDER_ID) return "Razorpay (paid online)"
  return providerId ?? "Unknown"
}

type WithProvider = { provider_id?: string | null } | null | undefined
type PaymentCollectionLike = { payments?: WithProvider[] | null; payment_sessions?: WithProvider[] | null } | null | undefined

/**
 * How an order is paid, for its messages, its shop record and staff: "online" when any payment
 * (or, before one is recorded, any payment session) is not cash on delivery, or when the order
 * came from a phone order's payment link that Razorpay reported paid (`metadata.payment_link`, PAYMENT_LINK_KEY,
 * written by payment-razorpay before the draft becomes the order, whose payment is recorded just
 * after); "cod" otherwise, including an order with no payment at all (a staff order converted by
 * Medusa's "convert to order" is cash on delivery).
 */
export function paymentModeOf(
  order: { payment_collections?: PaymentCollectionLike[] | null; metadata?: Record<string, unknown> | null } | null | undefined
): PaymentMode {
  const link = order?.metadata?.[PAYMENT_LINK_KEY] as { razorpay_payment_id?: unknown } | undefined
  if (typeof link?.razorpay_payment_id === "string" && link.razorpay_payment_id) return "online"
  const collections = order?.payment_collections ?? []
  const providersOf = (key: "payments" | "payment_sessions") =>
    collections.flatMap((c) => c?.[key] ?? []).map((p) => p?.provider_id).filter((id): id is string => Boolean(id))
  const payments = providersOf("payments")
  const providers = payments.length ? payments : providersOf("payment_sessions")
  return providers.some((id) => id !== CASH_ON_DELIVERY_PROVIDER_ID) ? "online" : "cod"
}
