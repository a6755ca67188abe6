import Medusa, { FetchError } from "@medusajs/js-sdk"
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

/** The backend refused a request with a reason meant for the shopper (stock, cash-on-delivery cap, phone). */
export class ShopRefusal extends Error {
  constructor(message: string, readonly status: number) {
    super(message)
    this.name = "ShopRefusal"
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
  | { cache: "catalogue"; tags: string[] }
  /** Stock, carts, orders: always asked of the backend. */
  | { cache: "live" }

/** One call to the store API; turns transport failures and 5xx into BackendUnavailableError, 4xx into ShopRefusal. */
export async function store<T>(
  path: string,
  options: {
    method?: "GET" | "POST" | "DELETE"
    query?: Record<string, unknown>
    body?: Record<string, unknown>
    /** Extra request headers (the order token of an order this browser placed). */
    headers?: Record<string, string>
    freshness: Freshness
  }
): Promise<T> {
  const { freshness } = options
  // `next build` never asks a backend: one build serves any backend, and the catalogue pages
  // are rendered on their first request, then kept in Next's cache (see their generateStaticParams).
  if (process.env.NEXT_PHASE === "phase-production-build") throw new BackendUnavailableError("not asked during next build")
  try {
    return await client().client.fetch<T>(path, {
      method: options.method ?? "GET",
      query: options.query,
      body: options.body,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(freshness.cache === "catalogue"
        ? { cache: "force-cache", next: { tags: freshness.tags, revalidate: 3600 } }
        : { cache: "no-store" }),
    })
  } catch (error) {
    if (error instanceof FetchError && error.status !== undefined && error.status < 500) {
      throw new ShopRefusal(error.message, error.status)
    }
    throw new BackendUnavailableError(error)
  }
}
