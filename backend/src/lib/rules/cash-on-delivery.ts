/** The cash-on-delivery cap (COD_MAX_ORDER_RUPEES): the rule and its sentence. Where it is enforced: middlewares/cash-on-delivery.ts and the one-call checkout's workflow. */

export function formatRupees(rupees: number): string {
  return `₹${new Intl.NumberFormat("en-IN", { maximumFractionDigits: 2 }).format(rupees)}`
}

/** The sentence a shopper sees above the cap, or null when cash on delivery is fine. */
export function cashOnDeliveryRefusal(orderRupees: number, capRupees: number): string | null {
  if (orderRupees <= capRupees) return null
  return `Cash on delivery is available for orders up to ${formatRupees(capRupees)}; this order is ${formatRupees(orderRupees)}. Please pay online.`
}
