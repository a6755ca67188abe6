import { NextResponse, type NextRequest } from "next/server"
import { readConfig } from "@/lib/server/config"
import { securityHeaders } from "@/lib/security-headers"

/**
 * Every page gets the shop's security headers (lib/security-headers.ts): CSP,
 * no framing, Referrer-Policy, Permissions-Policy, nosniff, and HSTS over HTTPS.
 * Set here, at request time, because the Razorpay script's origin is a setting.
 */
export function proxy(request: NextRequest) {
  const config = readConfig()
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim()
  const https = request.nextUrl.protocol === "https:" || forwarded === "https" || config.siteUrl.startsWith("https://")
  const response = NextResponse.next()
  const headers = securityHeaders({
    browserBackendUrl: config.browserBackendUrl,
    razorpayCheckoutUrl: config.razorpayCheckoutUrl,
    pathname: request.nextUrl.pathname,
    https,
    development: process.env.NODE_ENV === "development",
  })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

export const config = {
  // Pages and API answers; not the build's hashed static files.
  matcher: ["/((?!_next/static|favicon.ico).*)"],
}
