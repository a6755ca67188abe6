import { securityHeaders } from "../security-headers"

const base = { browserBackendUrl: "https://api.sweetshop.in", razorpayCheckoutUrl: "https://checkout.razorpay.com/v1/checkout.js", pathname: "/", https: true }
const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]))

describe("the storefront's security headers", () => {
  it("allows only the shop, its store API, Razorpay and Cloudinary, and no framing", () => {
    const headers = securityHeaders(base)
    const csp = directives(headers["Content-Security-Policy"])
    expect(csp["default-src"]).toEqual(["'self'"])
    expect(csp["script-src"]).toEqual(["'self'", "'unsafe-inline'", "https://checkout.razorpay.com"])
    expect(csp["frame-src"]).toEqual(["https://checkout.razorpay.com", "https://api.razorpay.com"])
    expect(csp["connect-src"]).toEqual(["'self'", "https://api.sweetshop.in", "https://checkout.razorpay.com", "https://api.razorpay.com", "https://lumberjack.razorpay.com"])
    expect(csp["img-src"]).toContain("https://res.cloudinary.com")
    expect(csp["frame-ancestors"]).toEqual(["'none'"])
    expect(csp["object-src"]).toEqual(["'none'"])
    expect(csp["upgrade-insecure-requests"]).toEqual([])
    expect(headers["X-Frame-Options"]).toBe("DENY")
    expect(headers["X-Content-Type-Options"]).toBe("nosniff")
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin")
    expect(headers["Permissions-Policy"]).toContain("camera=()")
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains")
  })

  it("names the fake's origin in test mode, adds no HSTS over plain HTTP, no eval outside development", () => {
    const headers = securityHeaders({ ...base, browserBackendUrl: "http://localhost:9000", razorpayCheckoutUrl: "http://127.0.0.1:9410/checkout.js", https: false })
    const csp = directives(headers["Content-Security-Policy"])
    expect(csp["script-src"]).toEqual(["'self'", "'unsafe-inline'", "http://127.0.0.1:9410"])
    expect(csp["frame-src"]).toEqual(["http://127.0.0.1:9410"])
    expect(csp["connect-src"]).toEqual(["'self'", "http://localhost:9000", "http://127.0.0.1:9410"])
    expect(headers["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests")
    expect(headers["Content-Security-Policy"]).not.toContain("razorpay.com")
    expect(headers["Strict-Transport-Security"]).toBeUndefined()
    expect(securityHeaders({ ...base, development: true })["Content-Security-Policy"]).toContain("'unsafe-eval'")
  })

  it("sends no Referer from the pages whose URLs carry a token or an order", () => {
    for (const pathname of ["/track", "/track/abc.def", "/order/xyz", "/my-orders"]) {
      expect(securityHeaders({ ...base, pathname })["Referrer-Policy"]).toBe("no-referrer")
    }
    expect(securityHeaders({ ...base, pathname: "/tracking-info" })["Referrer-Policy"]).toBe("strict-origin-when-cross-origin")
  })
})
