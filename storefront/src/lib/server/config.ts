import fs from "node:fs"
import path from "node:path"

/**
 * Where the backend is and the storefront's publishable key, read on the
 * server at request time (never inlined into a bundle at build time), so one
 * build serves any backend and `next build` needs none.
 *
 * Sources, first found wins: MEDUSA_BACKEND_URL / MEDUSA_PUBLISHABLE_KEY, the
 * NEXT_PUBLIC_ names, then .data/storefront.env written by `npm start` (or, under
 * docker compose, by the migrate service).
 */
export type StorefrontConfig = {
  /** Where this server reaches the backend (under docker compose, http://backend-server:9000). */
  backendUrl: string
  /**
   * Where the shopper's browser reaches the backend, for the pages whose browser
   * asks the store API itself (/track, /my-orders): MEDUSA_BROWSER_BACKEND_URL,
   * else the same as backendUrl.
   */
  browserBackendUrl: string
  publishableKey: string
  /** Absolute URL of the storefront itself, for metadata, the sitemap and Open Graph. */
  siteUrl: string
  /** Shared with the backend's subscriber that asks for revalidation; empty turns the route off. */
  revalidateSecret: string
  /** Razorpay's checkout.js: the real one, or the fake's in test mode (npm start sets it). Not a secret. */
  razorpayCheckoutUrl: string
  /** The shop's FSSAI licence number (SHOP_FSSAI_LICENCE, 14 digits), shown in the footer; null when not set. */
  fssaiLicence: string | null
}

function readEnvFile(): Record<string, string> {
  for (const file of [path.join(process.cwd(), "..", ".data", "storefront.env"), path.join(process.cwd(), ".data", "storefront.env")]) {
    try {
      const values: Record<string, string> = {}
      for (const line of fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").split("\n")) {
        const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim())
        if (match) values[match[1]] = match[2]
      }
      return values
    } catch {}
  }
  return {}
}

function pick(env: NodeJS.ProcessEnv, file: Record<string, string>, ...names: string[]): string | undefined {
  for (const name of names) {
    // Indexed by a variable so Next.js leaves the lookup to run time.
    const value = env[name] || file[name]
    if (value) return value
  }
  return undefined
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): StorefrontConfig {
  const file = readEnvFile()
  const backendUrl = pick(env, file, "MEDUSA_BACKEND_URL", "NEXT_PUBLIC_MEDUSA_BACKEND_URL") ?? "http://localhost:9000"
  const publishableKey = pick(env, file, "MEDUSA_PUBLISHABLE_KEY", "NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY") ?? ""
  const siteUrl = pick(env, file, "SITE_URL", "STOREFRONT_URL") ?? `http://localhost:${env["PORT"] || 8000}`
  const revalidateSecret = pick(env, file, "STOREFRONT_REVALIDATE_SECRET") ?? ""
  const razorpayCheckoutUrl = pick(env, file, "RAZORPAY_CHECKOUT_URL") ?? "https://checkout.razorpay.com/v1/checkout.js"
  const browserBackendUrl = pick(env, file, "MEDUSA_BROWSER_BACKEND_URL") ?? backendUrl
  return {
    backendUrl: backendUrl.replace(/\/$/, ""),
    browserBackendUrl: browserBackendUrl.replace(/\/$/, ""),
    publishableKey,
    siteUrl: siteUrl.replace(/\/$/, ""),
    revalidateSecret,
    razorpayCheckoutUrl,
    fssaiLicence: fssaiLicenceOf(pick(env, file, "SHOP_FSSAI_LICENCE", "NEXT_PUBLIC_SHOP_FSSAI_LICENCE")),
  }
}

/** An FSSAI licence or registration number is 14 digits (spaces allowed as printed); anything else is not shown. */
export function fssaiLicenceOf(value: string | undefined): string | null {
  const digits = (value ?? "").replace(/\s/g, "")
  return /^\d{14}$/.test(digits) ? digits : null
}
