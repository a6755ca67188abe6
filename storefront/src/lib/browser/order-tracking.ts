import { parseOrderNumber } from "@sweetshop/shop-contracts"

/**
 * The browser's calls to the order-lifecycle plugin's tracking routes
 * (`/store/order-tracking/…`). The browser asks the store API itself, with the
 * backend URL and publishable key (public by design) the page hands it, so the
 * backend's per-client abuse limits count each shopper, not this server.
 */

/** What the backend's tracking routes show a shopper: masked, no internal ids. */
export type TrackedOrder = {
  order_number: number
  status_label: string
  timeline: { status: string; label: string; done: boolean; at: string | null }[]
  items: { title: string; variant_title: string | null; quantity: number; total_paise: number }[]
  total_paise: number
  payment_label: string
  /** The address masked by the backend: initials, house number and word initials, city, first three pincode digits. */
  fulfillment: { kind: string; date: string; slot: string | null; address: { name: string | null; line: string | null; city: string | null; pincode: string | null } | null }
  phone: string | null
  gift_message?: string | null
}

export type StoreApi = { backendUrl: string; publishableKey: string }
export type Answer = { status: number; body: Record<string, unknown>; retryAfter: string | null }

/** One call to a tracking route: its status, its JSON body and Retry-After. Throws only when the shop cannot be reached. */
export async function trackingCall(api: StoreApi, path: string, init: { method: "GET" | "POST"; body?: unknown; session?: string }): Promise<Answer> {
  const res = await fetch(`${api.backendUrl}${path}`, {
    method: init.method,
    headers: {
      "x-publishable-api-key": api.publishableKey,
      ...(init.body ? { "content-type": "application/json" } : {}),
      ...(init.session ? { "x-order-session": init.session } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>
  return { status: res.status, body, retryAfter: res.headers.get("retry-after") }
}

export type LookupOutcome = { order: TrackedOrder } | { message: string }

const LOOKUP_FAILED = "We could not look up the order just now. Please try again in a moment."
const UNREACHABLE = "We could not reach the shop just now. Please try again in a moment."

/** One order by its number as the shopper copied it ("#13", "SS-13") and the phone it was placed with (any format). */
export async function lookUpOrder(api: StoreApi, orderNumber: string, phone: string): Promise<LookupOutcome> {
  try {
    const answer = await trackingCall(api, "/store/order-tracking/lookup", {
      method: "POST",
      body: { order_number: parseOrderNumber(orderNumber) ?? orderNumber.trim(), phone },
    })
    const order = answer.body.order as TrackedOrder | undefined
    if (answer.status < 300 && order) return { order }
    return { message: typeof answer.body.message === "string" ? answer.body.message : LOOKUP_FAILED }
  } catch {
    return { message: UNREACHABLE }
  }
}

/** The order behind a signed tracking link (from the order's messages). */
export async function orderOfLink(api: StoreApi, token: string): Promise<LookupOutcome> {
  try {
    const answer = await trackingCall(api, `/store/order-tracking/links/${encodeURIComponent(token)}`, { method: "GET" })
    const order = answer.body.order as TrackedOrder | undefined
    if (answer.status < 300 && order) return { order }
    return { message: typeof answer.body.message === "string" ? answer.body.message : LOOKUP_FAILED }
  } catch {
    return { message: UNREACHABLE }
  }
}
