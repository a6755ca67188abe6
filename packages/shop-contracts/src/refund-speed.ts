/**
 * Refund speed: the shop asks Razorpay for `speed: "optimum"` (its instant refund where a fast
 * rail is free); Razorpay answers the speed it granted in `speed_processed` ("instant" or
 * "normal"). The Razorpay provider records each refund in its payment's data (`data.refunds`);
 * the messages tell the shopper when the money arrives from that record.
 */

/** One refund as the payment's data keeps it. */
export type RecordedRefund = { id: string; amount_paise: number; speed_requested?: string; speed_processed?: string | null }

/** Instant: minutes. Normal: Razorpay's 5–7 working days. */
export type RefundArrival = "instant" | "normal"

/**
 * When the money of a refund of `amountPaise` arrives, from the data of the order's payments:
 * "instant" when the latest refund of that amount (or, without one, the latest refund) was
 * processed at instant speed; "normal" otherwise, and for payments without recorded refunds.
 */
export function refundArrival(paymentsData: unknown[], amountPaise: number): RefundArrival {
  const refunds: RecordedRefund[] = []
  for (const data of paymentsData) {
    const list = (data as { refunds?: unknown } | null | undefined)?.refunds
    if (Array.isArray(list)) for (const r of list) if (r && typeof r === "object") refunds.push(r as RecordedRefund)
  }
  const matching = refunds.filter((r) => r.amount_paise === amountPaise)
  const latest = (matching.length ? matching : refunds).at(-1)
  return latest?.speed_processed === "instant" ? "instant" : "normal"
}
