/**
 * The storefront's security headers (issue 23), set on every page by src/proxy.ts
 * at request time, from the same settings the pages read (lib/server/config.ts):
 * the Razorpay checkout script may be the real one or the sandbox's fake, on a
 * port only known when the shop starts, so the policy cannot be fixed at build time.
 */

export type SecurityHeaderInput = {
  /** Where shoppers' browsers reach the store API (the /track and /my-orders pages call it). */
  browserBackendUrl: string
  /** Razorpay's checkout.js: https://checkout.razorpay.com/v1/checkout.js, or the fake's. */
  razorpayCheckoutUrl: string
  /** The request's path: tracking pages send no Referer at all. */
  pathname: string
  /** Served over HTTPS (directly or behind a TLS proxy): HSTS and upgrade-insecure-requests. */
  https: boolean
  /** next dev: React needs eval and the dev server a WebSocket. */
  development?: boolean
}

const origin = (url: string): string | null => {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/** Pages whose URLs carry a tracking token or a shopper's order: no Referer leaves them. */
const PRIVATE_PAGES = /^\/(track|order|my-orders)(\/|$)/

export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  const backend = origin(input.browserBackendUrl)
  const checkout = origin(input.razorpayCheckoutUrl)
  const realRazorpay = checkout === "https://checkout.razorpay.com"
  // Razorpay's checkout.js opens its frames from api.razorpay.com and checkout.razorpay.com, reports to
  // lumberjack.razorpay.com and shows logos from cdn.razorpay.com; the fake does everything from its own origin.
  const razorpay = realRazorpay ? ["https://checkout.razorpay.com", "https://api.razorpay.com"] : checkout ? [checkout] : []
  const razorpayConnect = realRazorpay ? [...razorpay, "https://lumberjack.razorpay.com"] : razorpay
  const razorpayImages = realRazorpay ? ["https://cdn.razorpay.com"] : razorpay
  const list = (...sources: (string | null | false | undefined)[]) => [...new Set(sources.filter(Boolean))].join(" ")

  const policy = [
    `default-src 'self'`,
    // 'unsafe-inline': Next's pages carry inline scripts (the RSC payload, hydration). Nonces would be
    // the stricter way, but a nonce is per request and the catalogue's pages are cached (ISR) and served
    // identically to everyone, so there is no request to put a nonce in. No 'unsafe-eval' in production.
    `script-src ${list("'self'", "'unsafe-inline'", input.development && "'unsafe-eval'", checkout)}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src ${list("'self'", "data:", "blob:", "https://res.cloudinary.com", backend, ...razorpayImages)}`,
    `font-src 'self' data:`,
    `connect-src ${list("'self'", backend, ...razorpayConnect, input.development && "ws:")}`,
    `frame-src ${list(...razorpay) || "'none'"}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(input.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ")

  return {
    "Content-Security-Policy": policy,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": PRIVATE_PAGES.test(input.pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": `camera=(), microphone=(), geolocation=(), usb=(), interest-cohort=(), payment=(${list("self", ...razorpay.map((o) => `"${o}"`))})`,
    ...(input.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  }
}
