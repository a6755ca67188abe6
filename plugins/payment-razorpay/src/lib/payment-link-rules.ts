import { normalizeIndianMobile, paiseToRupees, PAYMENT_LINK_KEY, rupeesToPaise, type RupeeAmount } from "@sweetshop/shop-contracts"

/**
 * The pure rules of phone and WhatsApp orders paid through a Razorpay
 * payment link (lib/payment-links.ts does the work): what the link asks of
 * Razorpay, what the draft order keeps of it, what the customer is sent.
 */

/** Minutes a payment link stays payable, and the draft's grams held (PAYMENT_LINK_MINUTES). */
export const DEFAULT_PAYMENT_LINK_MINUTES = 60

export type PaymentLinkStatus = "created" | "paid" | "expired" | "cancelled" | "refunded"

/** What a draft order (and the order it becomes) keeps of its payment link, under metadata.payment_link. */
export type PaymentLinkMetadata = {
  id: string
  url: string
  /** The link's reference_id; Razorpay writes it as the receipt of the order it makes when the link is paid. */
  reference_id: string
  amount_paise: number
  /** ISO time the link stops taking payments. */
  expires_at: string
  status: PaymentLinkStatus
  sent_at: string
  /** How many links this draft has had (a resend replaces the last). */
  sequence: number
  razorpay_payment_id?: string
  razorpay_order_id?: string
  /** The shop's order made from the draft (the same id: Medusa converts the draft in place). */
  order_id?: string
  paid_at?: string
}

export type DraftForLink = {
  id: string
  display_id?: number | string | null
  email?: string | null
  currency_code?: string | null
  total: RupeeAmount
  metadata?: Record<string, unknown> | null
  items?: unknown[] | null
  shipping_address?: { first_name?: string | null; last_name?: string | null; phone?: string | null } | null
  billing_address?: { first_name?: string | null; last_name?: string | null; phone?: string | null } | null
}

export type LinkRefusal = { status: number; code: string; message: string }

export function linkMinutes(configured: unknown): number {
  const n = Number(configured)
  return Number.isInteger(n) && n >= 1 && n <= 60 * 24 * 30 ? n : DEFAULT_PAYMENT_LINK_MINUTES
}

export function currentLink(metadata: Record<string, unknown> | null | undefined): PaymentLinkMetadata | undefined {
  const link = metadata?.[PAYMENT_LINK_KEY] as PaymentLinkMetadata | undefined
  return link && typeof link === "object" && typeof link.id === "string" ? link : undefined
}

/** The customer's phone (E.164) from the draft's shipping address, else its billing address. */
export function customerPhone(draft: Pick<DraftForLink, "shipping_address" | "billing_address">): string | null {
  return normalizeIndianMobile(draft.shipping_address?.phone ?? undefined) ?? normalizeIndianMobile(draft.billing_address?.phone ?? undefined)
}

function customerName(draft: DraftForLink): string | undefined {
  const address = draft.shipping_address ?? draft.billing_address
  const name = [address?.first_name, address?.last_name].filter(Boolean).join(" ").trim()
  return name || undefined
}

/** Why a link cannot be sent for this draft (a 4xx with a stable code), or null. */
export function linkRefusal(draft: DraftForLink | undefined, draftOrderId: string): LinkRefusal | null {
  if (!draft) return { status: 404, code: "draft_order_not_found", message: `There is no draft order ${draftOrderId}.` }
  const status = (draft as any).status
  if ((draft as any).is_draft_order === false || (status && status !== "draft")) {
    return { status: 409, code: "draft_order_converted", message: "This draft has already become an order; a payment link is sent for drafts only." }
  }
  if (!(draft.items ?? []).length) return { status: 400, code: "draft_order_empty", message: "This draft order has no items; add the sweets before sending a payment link." }
  if ((draft.currency_code ?? "inr").toLowerCase() !== "inr") {
    return { status: 400, code: "currency_not_inr", message: `Payment links are sent in INR; this draft is in ${String(draft.currency_code).toUpperCase()}.` }
  }
  let paise: number
  try {
    paise = rupeesToPaise(draft.total)
  } catch {
    return { status: 400, code: "invalid_total", message: "This draft order's total could not be read; open it again and check its items." }
  }
  if (paise < 100) return { status: 400, code: "amount_too_small", message: "Razorpay takes payment links of ₹1 or more; this draft's total is less." }
  if (!customerPhone(draft)) {
    return { status: 400, code: "invalid_phone", message: "The draft's shipping address needs the customer's 10-digit Indian mobile number, to send the payment link to." }
  }
  const link = currentLink(draft.metadata)
  if (link?.status === "paid") return { status: 409, code: "payment_link_paid", message: "This draft's payment link has been paid; the order is being made from it." }
  return null
}

/** The Payment Links API request (POST /v1/payment_links) for a draft: its total in paise, the shop sends the messages itself. */
export function paymentLinkRequest(draft: DraftForLink, { minutes, now, sequence }: { minutes: number; now: number; sequence: number }) {
  const email = draft.email && /@/.test(draft.email) ? draft.email : undefined
  const name = customerName(draft)
  return {
    amount: rupeesToPaise(draft.total),
    currency: "INR",
    description: `Sweet Shop order${draft.display_id ? ` #${draft.display_id}` : ""}`,
    customer: { ...(name ? { name } : {}), contact: customerPhone(draft)!, ...(email ? { email } : {}) },
    // The shop sends the link itself (SMS and WhatsApp, DLT-registered templates).
    notify: { sms: false, email: false },
    reminder_enable: false,
    expire_by: Math.floor(now / 1000) + minutes * 60,
    // Unique per link (Razorpay refuses a repeated reference_id); ≤ 40 characters.
    reference_id: `${draft.id}.${sequence}`.slice(-40),
    notes: { draft_order_id: draft.id },
  }
}

/** The sentence the customer gets with the link. */
export function paymentLinkText({ url, amount_paise, expires_at }: { url: string; amount_paise: number; expires_at: string }, timeZone = "Asia/Kolkata"): string {
  const until = new Intl.DateTimeFormat("en-IN", { timeZone, hour: "numeric", minute: "2-digit", day: "numeric", month: "short" }).format(new Date(expires_at))
  return `Please pay ₹${paiseToRupees(amount_paise)} for your Sweet Shop order at ${url} (UPI, cards, netbanking) by ${until}.`
}
