/** How staff read an order at a glance: its day, slot, payment and gift message, in India's time and words. */

const DAY: Intl.DateTimeFormatOptions = { timeZone: "Asia/Kolkata", weekday: "short", day: "numeric", month: "short" }

/** "2026-12-02" → "Wed, 2 Dec" (the day in India, whatever the browser's zone). */
export function humanDay(date: string | null | undefined): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date ?? ""
  return new Date(`${date}T12:00:00+05:30`).toLocaleDateString("en-IN", DAY)
}

/** A moment as staff in India read it: "30 Nov, 4:05 pm". */
export function humanMoment(at: string | Date | null | undefined): string {
  if (!at) return ""
  return new Date(at).toLocaleString("en-IN", { timeZone: "Asia/Kolkata", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" })
}

/** Whole paise as rupees: ₹1,250 or ₹1,250.50. */
export function rupees(paise: number): string {
  const whole = paise % 100 === 0
  return `₹${new Intl.NumberFormat("en-IN", { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(paise / 100)}`
}

/** Today in India, as YYYY-MM-DD. */
export const indiaDay = () => new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Kolkata" })

/** The slot as the shopper chose it ("Evening, 4–7 pm"), else its code. */
export function slotOf(metadata: Record<string, unknown> | null | undefined, slot: string | null | undefined): string {
  const label = metadata?.delivery_slot_label
  return typeof label === "string" && label.trim() ? label.trim() : (slot ?? "")
}

/** The gift message, or null when there is none. */
export function giftMessageOf(metadata: Record<string, unknown> | null | undefined): string | null {
  const message = metadata?.gift_message
  return typeof message === "string" && message.trim() ? message.trim() : null
}

const METHODS: Record<string, string> = { upi: "UPI", card: "Card", netbanking: "Net banking", wallet: "Wallet", emi: "EMI", paylater: "Pay later" }

/**
 * How an order was paid, in the shop's words. Medusa's payment section prints the
 * provider's id ("pp_system_default", CSS-capitalised to "Pp_system_default") and
 * cannot be given a label, so the Shop status widget says it instead.
 */
export function paymentLabel(order: { payment_collections?: any[] | null } | null | undefined, mode: "cod" | "online"): string {
  if (mode === "cod") return "Cash on delivery"
  const payments = (order?.payment_collections ?? []).flatMap((c: any) => c?.payments ?? [])
  const method = payments.map((p: any) => p?.data?.method ?? p?.data?.razorpay_method).find((m: unknown) => typeof m === "string")
  return method ? `${METHODS[method] ?? method} (Razorpay)` : "Online (Razorpay)"
}
