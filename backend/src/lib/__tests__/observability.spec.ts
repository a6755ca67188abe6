import { maskPersonalData, requestIdFrom } from "../operations/request-context"
import { metricsAuthorized, paymentMethodOf, startWorkerMetricsServer } from "../operations/metrics"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require("../../../../scripts/lib/ports.cjs") as { freePort(): Promise<number> }

describe("maskPersonalData", () => {
  it.each([
    ["Payment declined for +919876543210", "Payment declined for +91********10"],
    ["phone 9876543210 typed", "phone ********10 typed"],
    ["call +91 98765 43210 or 98765-43210", "call +91********10 or ********10"],
    ["mail priya.sharma@example.in now", "mail p***@example.in now"],
  ])("masks %j", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked)
  })

  it.each(["order_01J8Z9876543210ABCDEFGH", "pay_29QQoUBi66xm2f", "amount 66000 paise", "cart 1234567890"])("leaves %j alone", (text) => {
    expect(maskPersonalData(text)).toBe(text)
  })
})

describe("requestIdFrom", () => {
  it("keeps a proxy's plain request id and makes one for anything else", () => {
    expect(requestIdFrom("lb-1234-abcd-5678")).toBe("lb-1234-abcd-5678")
    for (const bad of [undefined, "", "short", "has space in it", "x".repeat(200), "<script>alert(1)</script>"]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/)
    }
  })
})

describe("metricsAuthorized", () => {
  const token = "a-long-metrics-token-1234"
  it("takes only the exact token as a Bearer token, and nothing when no token is set", () => {
    expect(metricsAuthorized(`Bearer ${token}`, token)).toBe(true)
    expect(metricsAuthorized(`bearer ${token}`, token)).toBe(true)
    expect(metricsAuthorized(`Bearer ${token}x`, token)).toBe(false)
    expect(metricsAuthorized(token, token)).toBe(false)
    expect(metricsAuthorized(undefined, token)).toBe(false)
    expect(metricsAuthorized(`Bearer ${token}`, undefined)).toBe(false)
    expect(metricsAuthorized("Bearer ", "")).toBe(false)
  })
})

describe("paymentMethodOf", () => {
  it("names cash on delivery and Razorpay by their provider ids", () => {
    expect(paymentMethodOf("pp_system_default")).toBe("cash_on_delivery")
    expect(paymentMethodOf("pp_razorpay_razorpay")).toBe("razorpay")
    expect(paymentMethodOf("pp_stripe_stripe")).toBe("stripe_stripe")
    expect(paymentMethodOf(undefined)).toBe("unknown")
  })
})

describe("a worker's metrics port", () => {
  it("answers GET /metrics with the token on METRICS_PORT in a worker process only", async () => {
    const port = await freePort()
    startWorkerMetricsServer({ MEDUSA_WORKER_MODE: "server", METRICS_PORT: String(port), METRICS_TOKEN: "worker-metrics-token-1234" })
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow()

    startWorkerMetricsServer({ MEDUSA_WORKER_MODE: "worker", METRICS_PORT: String(port), METRICS_TOKEN: "worker-metrics-token-1234" })
    const refused = await fetch(`http://127.0.0.1:${port}/metrics`)
    expect(refused.status).toBe(401)
    const scraped = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: "Bearer worker-metrics-token-1234" } })
    expect(scraped.status).toBe(200)
    const text = await scraped.text()
    expect(text).toContain("# TYPE sweetshop_job_runs_total counter")
    expect(text).toContain('process_resident_memory_bytes{role="')
  })
})
