import { MedusaError } from "@medusajs/framework/utils"
import Razorpay from "razorpay"

/**
 * The official SDK, set up once for the provider and for the plugin's own
 * work (webhooks, reconciliation, refunds of payments that made no order),
 * and the entities as Razorpay documents them (only the fields used here).
 */

export type RazorpayApiOptions = {
  key_id: string
  key_secret: string
  /** Another API host: the sandbox's fake Razorpay. */
  api_base_url?: string
  /** How long to wait for Razorpay. */
  timeout_ms?: number
}

export type RazorpayPayment = {
  id: string
  entity?: "payment"
  order_id: string | null
  amount: number
  currency: string
  status: "created" | "authorized" | "captured" | "refunded" | "failed"
  amount_refunded?: number
  refund_status?: "partial" | "full" | null
  captured?: boolean
  /** How the shopper paid: upi, card, netbanking, wallet, emi, paylater (Razorpay's payment entity). */
  method?: string
  email?: string | null
  contact?: string | null
  /** Razorpay sends `[]` when empty: the order's notes are not copied here. */
  notes?: Record<string, string> | unknown[]
  error_code?: string | null
  error_description?: string | null
  created_at: number
}

export type RazorpayOrder = {
  id: string
  amount: number
  amount_paid?: number
  currency: string
  receipt?: string | null
  status: string
  notes?: Record<string, string> | unknown[]
  created_at: number
}

export type RazorpayRefund = {
  id: string
  entity?: "refund"
  amount: number
  currency?: string
  payment_id: string
  notes?: Record<string, string> | unknown[]
  status: "pending" | "processed" | "failed"
  speed_requested?: string
  created_at?: number
}

export type Collection<T> = { entity?: "collection"; count: number; items: T[] }

/** Razorpay's notes as an object: `[]` (Razorpay's empty notes) and anything else odd become {}. */
export function notesOf(entity: { notes?: unknown } | null | undefined): Record<string, string> {
  const notes = entity?.notes
  return notes && typeof notes === "object" && !Array.isArray(notes) ? (notes as Record<string, string>) : {}
}

/** A payment that holds the shopper's money: authorised or captured, and not refunded in full. */
export function holdsMoney(payment: RazorpayPayment): boolean {
  return (payment.status === "authorized" || payment.status === "captured") && (payment.amount_refunded ?? 0) < payment.amount
}

export function razorpayClient(options: RazorpayApiOptions): InstanceType<typeof Razorpay> {
  const client = new Razorpay({ key_id: options.key_id, key_secret: options.key_secret })
  // The SDK has no host option; its axios instance carries the base URL (see ../../README.md).
  const rq = (client as any).api.rq
  if (options.api_base_url) rq.defaults.baseURL = options.api_base_url
  rq.defaults.timeout = options.timeout_ms ?? 15_000
  return client
}

/**
 * Razorpay's answer to a failed call, as one error: 4xx are Razorpay's refusal
 * (its description), anything else (5xx, no answer, timeout) means "try again later".
 */
export function razorpayFailure(action: string, error: any, log?: (line: string) => void): MedusaError {
  const status = error?.statusCode
  const description = error?.error?.description ?? error?.message ?? String(error)
  log?.(`Razorpay ${action} failed (${status ?? "no answer"}): ${description}`)
  if (status && status < 500) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, `Razorpay refused the payment step: ${description}`)
  }
  return new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    "The payment service is not answering just now. Your cart is kept; please try again in a minute."
  )
}

export async function callRazorpay<T>(action: string, fn: () => Promise<T>, log?: (line: string) => void): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw razorpayFailure(action, error, log)
  }
}
