import type { PoolStock } from "../stock"

/**
 * The browser's calls to this storefront's own route handlers (app/api), for the
 * per-shopper parts of cached pages. Never cached; null when they cannot be read.
 */

/** The shopper's item count from `/api/cart` (the cart cookie is httpOnly); null when it could not be read. */
export async function fetchCartCount(): Promise<number | null> {
  try {
    const res = await fetch("/api/cart", { cache: "no-store" })
    if (!res.ok) return null
    return ((await res.json()) as { itemCount: number }).itemCount
  } catch {
    return null
  }
}

/** A product's pool from the storefront's live stock route (app/api/stock); null when it could not be read. */
export async function fetchPool(handle: string): Promise<PoolStock | null> {
  try {
    const res = await fetch(`/api/stock?handle=${encodeURIComponent(handle)}`, { cache: "no-store" })
    if (!res.ok) return null
    return ((await res.json()) as { pool: PoolStock | null }).pool
  } catch {
    return null
  }
}
