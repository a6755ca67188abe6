import Medusa, { FetchError } from "@medusajs/js-sdk"
import { refusalField, type RefusalField } from "@sweetshop/shop-contracts"
import { readConfig } from "./config"

/**
 * The store API through Medusa's JS SDK, on the server only: the browser talks
 * to this Next.js app (pages and server actions), never to the backend, so the
 * cart id stays in an httpOnly cookie and no key beyond the publishable one exists.
 */

/** The backend could not be reached or answered with a server error: pages show a clear message. */
export class BackendUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The shop's server is not answering right now.", { cause })
    this.name = "BackendUnavailableError"
  }
}

/**
 * The backend refused a request with a reason meant for the shopper (stock, cash-on-delivery cap, phone).
 * `code` is the shop's stable refusal code (shop-contracts' REFUSALS) when the backend sent one, and
 * `field` the form field it concerns: by the backend's word, else from the code; null when neither says.
 */
export class ShopRefusal extends Error {
  readonly code: string | null
  readonly field: RefusalField | null
  constructor(message: string, readonly status: number, refusal: { code?: unknown; field?: unknown } = {}) {
    super(message)
    this.name = "ShopRefusal"
    this.code = typeof refusal.code === "string" && refusal.code ? refusal.code : null
    this.field = typeof refusal.field === "string" && refusal.field ? (refusal.field as RefusalField) : refusalField(this.code)
  }
}

let sdk: Medusa | undefined
let sdkKey = ""

function client(): Medusa {
  const { backendUrl, publishableKey } = readConfig()
  const key = `${backendUrl}|${publishableKey}`
  if (!sdk || sdkKey !== key) {
    sdk = new Medusa({ baseUrl: backendUrl, publishableKey, auth: { type: "session", jwtTokenStorageMethod: "nostore" } })
    sdkKey = key
  }
  return sdk
}

export type Freshness =
  /** Catalogue data: cached by Next.js and revalidated by tag when the backend says it changed. */
  | { cache: "catalogue"; tags: string[]; /** How long a read may be served from the cache; an hour unless said. */ revalidateSeconds?: number }
  /** Stock, carts, orders: always asked of the backend. */
  | { cache: "live" }

/** One call to the store API; turns transport failures and 5xx into BackendUnavailableError, 4xx into ShopRefusal. */
export async function store<T>(
  path: string,
  options: {
    method?: "GET" | "POST" | "DELETE"
    query?: Record<string, unknown>
    body?: Record<string, unknown>
    /** Extra request headers (the order token of an order this browser placed, an Idempotency-Key). */
    headers?: Record<string, string>
    freshness: Freshness
    /** Give up after this long (the checkout's calls): a BackendUnavailableError, so the shopper may press again. */
    timeoutMs?: number
  }
): Promise<T> {
  const { freshness } = options
  // `next build` never asks a backend: one build serves any backend, and the catalogue pages
  // are rendered on their first request, then kept in Next's cache (see their generateStaticParams).
  if (process.env.NEXT_PHASE === "phase-production-build") throw new BackendUnavailableError("not asked during next build")
  // Changes go through `write`: the SDK's FetchError keeps only the message of a refusal, and the
  // shop's refusals carry a code and a field beside it ({ type, code, message, field }).
  if (options.method && options.method !== "GET") return write<T>(path, { ...options, method: options.method })
  try {
    return await client().client.fetch<T>(path, {
      method: options.method ?? "GET",
      query: options.query,
      body: options.body,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(freshness.cache === "catalogue"
        ? { cache: "force-cache", next: { tags: freshness.tags, revalidate: freshness.revalidateSeconds ?? 3600 } }
        : { cache: "no-store" }),
    })
  } catch (error) {
    if (error instanceof FetchError && error.status !== undefined && error.status < 500) {
      throw new ShopRefusal(error.message, error.status)
    }
    throw new BackendUnavailableError(error)
  }
}

/**
 * A POST or DELETE to the store API with the headers the SDK sends (JSON, the publishable key),
 * reading a refusal's whole body: 4xx → ShopRefusal with its code and field; 5xx, a network
 * failure or the timeout → BackendUnavailableError.
 */
async function write<T>(
  path: string,
  options: { method: "POST" | "DELETE"; query?: Record<string, unknown>; body?: Record<string, unknown>; headers?: Record<string, string>; timeoutMs?: number }
): Promise<T> {
  const { backendUrl, publishableKey } = readConfig()
  const url = new URL(`${backendUrl.replace(/\/$/, "")}/${path.replace(/^\//, "")}`)
  for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined && value !== null) url.searchParams.set(key, String(value))
  let res: Response
  try {
    res = await fetch(url, {
      method: options.method,
      headers: { "content-type": "application/json", accept: "application/json", "x-publishable-api-key": publishableKey, ...options.headers },
      body: options.body ? JSON.stringify(options.body) : undefined,
      cache: "no-store",
      ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
    })
  } catch (error) {
    throw new BackendUnavailableError(error)
  }
  const body = (await res.json().catch(() => null)) as (Record<string, unknown> & { message?: unknown }) | null
  if (res.ok) return body as T
  if (res.status < 500) {
    const message = typeof body?.message === "string" && body.message ? body.message : res.statusText || "The shop refused this request."
    throw new ShopRefusal(message, res.status, { code: body?.code, field: body?.field })
  }
  throw new BackendUnavailableError(new Error(`${res.status} ${res.statusText}`))
}
