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
