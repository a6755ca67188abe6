import crypto from "node:crypto"
import http from "node:http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TransactionOrchestrator } from "@medusajs/framework/orchestration"
import client from "prom-client"
import { currentLogContext, installJsonLogging, jsonLogs, requestIdFrom, runWithLogContext, writeRequestLine } from "./request-context"
import { dependencyStates, ensureHealthProbes } from "./health"
import { CASH_ON_DELIVERY_PROVIDER_ID, RAZORPAY_PROVIDER_ID } from "@sweetshop/shop-contracts"

/**
 * The shop's metrics, in Prometheus' text format at GET /metrics (api/metrics/route.ts), one
 * registry per process: every process (server, worker, each of a cluster) counts its own.
 * Counters and histograms count what this process did; the gauges read from the database
 * (messages, pools, holds) are the shop's state, the same from every process.
 */
type Metrics = ReturnType<typeof createMetrics>

function createMetrics() {
  const registry = new client.Registry()
  registry.setDefaultLabels({ role: process.env.MEDUSA_WORKER_MODE || "shared" })
  // Event-loop lag, heap, RSS, CPU, GC, handles: prom-client's own (nodejs_*, process_*).
  client.collectDefaultMetrics({ register: registry })

  const httpDuration = new client.Histogram({
    name: "sweetshop_http_request_duration_seconds",
    help: "HTTP requests by method, route pattern (the route that matched, never the raw URL) and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const checkoutDuration = new client.Histogram({
    name: "sweetshop_checkout_duration_seconds",
    help: "Checkouts (cart completion, the one-call checkout, Razorpay's checkout response) by route and outcome: order, payment_started, payment_refunded, refused, error",
    labelNames: ["route", "outcome"] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 30],
    registers: [registry],
  })
  const payments = new client.Counter({
    name: "sweetshop_payments_total",
    help: "Payment outcomes by method (razorpay, cash_on_delivery, …): succeeded (captured), failed, refunded, orphan_refunded (paid but could not become an order: refunded in full), orphan_refund_failed (staff must refund)",
    labelNames: ["method", "outcome"] as const,
    registers: [registry],
  })
  const jobRuns = new client.Counter({
    name: "sweetshop_job_runs_total",
    help: "Scheduled job runs in this process by job and outcome (succeeded, failed)",
    labelNames: ["job", "outcome"] as const,
    registers: [registry],
  })
  const jobDuration = new client.Histogram({
    name: "sweetshop_job_duration_seconds",
    help: "Scheduled job run time by job",
    labelNames: ["job"] as const,
    buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  })
  const dependencyUp = new client.Gauge({
    name: "sweetshop_dependency_up",
    help: "1 when the dependency answered the last background probe, 0 when it did not (only dependencies that are configured)",
    labelNames: ["dependency"] as const,
    registers: [registry],
    collect() {
      this.reset()
      for (const [name, state] of Object.entries(dependencyStates())) {
        if (state.state !== "off") this.set({ dependency: name }, state.state === "up" ? 1 : 0)
      }
    },
  })
  const dependencyLatency = new client.Gauge({
    name: "sweetshop_dependency_latency_seconds",
    help: "How long the dependency took to answer its last background probe",
    labelNames: ["dependency"] as const,
    registers: [registry],
    collect() {
      this.reset()
      for (const [name, state] of Object.entries(dependencyStates())) {
        if (state.latency_ms !== null) this.set({ dependency: name }, state.latency_ms / 1000)
      }
    },
  })

  // The shop's state, read from the database when scraped (cached for a few seconds).
  const messages = new client.Gauge({
    name: "sweetshop_messages",
    help: "Order messages by channel (sms, whatsapp) and state (sent, failed, pending), as Medusa's notification records hold them",
    labelNames: ["channel", "state"] as const,
    registers: [registry],
    async collect() {
      const state = await databaseState()
      this.reset()
      for (const row of state?.messages ?? []) this.set({ channel: row.channel, state: row.state }, row.n)
    },
  })
  const messageAttempts = new client.Gauge({
    name: "sweetshop_message_attempts",
    help: "Every try at sending an order message (the notifications plugin's notification_attempt records) by channel and outcome (sent, failed, pending)",
    labelNames: ["channel", "outcome"] as const,
    registers: [registry],
    async collect() {
      const state = await databaseState()
      this.reset()
      for (const row of state?.attempts ?? []) this.set({ channel: row.channel, outcome: row.outcome }, row.n)
    },
  })
  const poolUnits = new client.Gauge({
    name: "sweetshop_pool_units",
    help: "Each product's stock pool in grams or pieces: stocked, reserved (orders and payment holds) and available",
    labelNames: ["pool", "kind"] as const,
    registers: [registry],
    async collect() {
      const state = await databaseState()
      this.reset()
      for (const pool of state?.pools ?? []) {
        this.set({ pool: pool.pool, kind: "stocked" }, pool.stocked)
        this.set({ pool: pool.pool, kind: "reserved" }, pool.reserved)
        this.set({ pool: pool.pool, kind: "available" }, pool.stocked - pool.reserved)
      }
    },
  })
  const poolsLow = new client.Gauge({
    name: "sweetshop_pools_low",
    help: "Pools at or below the low-stock threshold staff set for them",
    registers: [registry],
    async collect() {
      const state = await databaseState()
      this.set(state?.poolsLow ?? 0)
    },
  })
  const holds = new client.Gauge({
    name: "sweetshop_payment_holds",
    help: "Stock held while shoppers pay online (reservations described 'Payment hold'): holds and the units they hold",
    labelNames: ["measure"] as const,
    registers: [registry],
    async collect() {
      const state = await databaseState()
      this.set({ measure: "holds" }, state?.holds.count ?? 0)
      this.set({ measure: "units" }, state?.holds.units ?? 0)
    },
  })
  const scrapeErrors = new client.Counter({
    name: "sweetshop_metrics_database_errors_total",
    help: "Scrapes whose database reads (messages, pools, holds) failed",
    registers: [registry],
  })

  return {
    registry,
    httpDuration,
    checkoutDuration,
    payments,
    jobRuns,
    jobDuration,
    dependencyUp,
    dependencyLatency,
    messages,
    messageAttempts,
    poolUnits,
    poolsLow,
    holds,
    scrapeErrors,
  }
}

const METRICS_KEY = Symbol.for("sweetshop.metrics")
const globals = globalThis as unknown as Record<symbol, any>

/** One registry per process, however many times this file is loaded (routes, middlewares, subscribers). */
export function metrics(): Metrics {
  return (globals[METRICS_KEY] ??= createMetrics())
}

// --- The container, for the database reads and the health probes ----------------------------

const CONTAINER_KEY = Symbol.for("sweetshop.metrics-container")

/** Remembers the application container (first request, event or scrape) and starts the health probes. */
export function useContainer(container: MedusaContainer | undefined) {
  if (!container || globals[CONTAINER_KEY]) return
  globals[CONTAINER_KEY] = container
  ensureHealthProbes(container)
}

type DatabaseState = {
  messages: { channel: string; state: string; n: number }[]
  attempts: { channel: string; outcome: string; n: number }[]
  pools: { pool: string; stocked: number; reserved: number }[]
  poolsLow: number
  holds: { count: number; units: number }
}
const STATE_KEY = Symbol.for("sweetshop.metrics-db-state")
/** How long one database read serves scrapes (METRICS_STATE_TTL_MS; the tests set 0 so a scrape after an action sees it). */
const stateTtlMs = () => {
  const value = Number(process.env.METRICS_STATE_TTL_MS ?? 2000)
  return Number.isFinite(value) && value >= 0 ? value : 2000
}

/** The database's part of a scrape, read once for all the gauges of that scrape. */
async function databaseState(): Promise<DatabaseState | null> {
  const container: MedusaContainer | undefined = globals[CONTAINER_KEY]
  if (!container) return null
  const cached = globals[STATE_KEY] as { at: number; promise: Promise<DatabaseState | null> } | undefined
  if (cached && Date.now() - cached.at < stateTtlMs()) return cached.promise
  const promise = readDatabaseState(container).catch(() => {
    metrics().scrapeErrors.inc()
    return null
  })
  globals[STATE_KEY] = { at: Date.now(), promise }
  return promise
}

/** Each read on its own: a table a process does not have (a module not loaded) leaves the others. */
async function readDatabaseState(container: MedusaContainer): Promise<DatabaseState> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const rows = async (sql: string) => {
    try {
      return ((await pg.raw(sql)).rows ?? []) as any[]
    } catch {
      metrics().scrapeErrors.inc()
      return []
    }
  }
  const [messages, attempts, pools, low, holds] = await Promise.all([
    rows(`select channel, case status when 'success' then 'sent' when 'failure' then 'failed' else status end as state, count(*)::int as n
            from notification where deleted_at is null group by 1, 2`),
    rows(`select channel, outcome, count(*)::int as n from notification_attempt where deleted_at is null group by 1, 2`),
    rows(`select lower(regexp_replace(i.sku, '^POOL-', '')) as pool,
                 coalesce(sum(l.stocked_quantity), 0)::float as stocked, coalesce(sum(l.reserved_quantity), 0)::float as reserved
            from inventory_item i join inventory_level l on l.inventory_item_id = i.id and l.deleted_at is null
           where i.sku like 'POOL-%' and i.deleted_at is null group by 1`),
    rows(`select count(distinct s.product_id)::int as n
            from pool_setting s
            join product_variant v on v.product_id = s.product_id and v.deleted_at is null
            join product_variant_inventory_item pv on pv.variant_id = v.id and pv.deleted_at is null
            join inventory_item i on i.id = pv.inventory_item_id and i.sku like 'POOL-%' and i.deleted_at is null
            join inventory_level l on l.inventory_item_id = i.id and l.deleted_at is null
           where s.deleted_at is null and s.low_stock_threshold_units is not null
             and l.stocked_quantity - l.reserved_quantity <= s.low_stock_threshold_units`),
    rows(`select count(*)::int as count, coalesce(sum(quantity), 0)::float as units
            from reservation_item where description = 'Payment hold' and deleted_at is null`),
  ])
  return {
    messages: messages.map((r) => ({ channel: r.channel, state: r.state, n: Number(r.n) })),
    attempts: attempts.map((r) => ({ channel: r.channel, outcome: r.outcome, n: Number(r.n) })),
    pools: pools.map((r) => ({ pool: r.pool, stocked: Number(r.stocked), reserved: Number(r.reserved) })),
    poolsLow: Number(low[0]?.n ?? 0),
    holds: { count: Number(holds[0]?.count ?? 0), units: Number(holds[0]?.units ?? 0) },
  }
}

// --- GET /metrics -------------------------------------------------------------------------------

/** Whether the request carries METRICS_TOKEN as a Bearer token (compared in constant time). */
export function metricsAuthorized(authorization: string | undefined, token = process.env.METRICS_TOKEN): boolean {
  if (!token) return false
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")
  if (!match) return false
  const given = crypto.createHash("sha256").update(match[1]).digest()
  const expected = crypto.createHash("sha256").update(token).digest()
  return crypto.timingSafeEqual(given, expected)
}

/** The exposition text and its content type. */
export async function scrape(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics()
  return { contentType: registry.contentType, body: await registry.metrics() }
}

// --- Requests -----------------------------------------------------------------------------------

const CHECKOUT_ROUTES = new Set(["/store/carts/:id/complete", "/store/carts/:id/checkout", "/store/razorpay/checkout-response"])

/** The route pattern a request matched (or would have, had a middleware not answered first); never the raw URL. */
export function routeOf(req: MedusaRequest): string {
  const matched = (req as any).route?.path
  if (typeof matched === "string") return `${req.baseUrl ?? ""}${matched}`
  const path = req.path ?? ""
  const stack: any[] = (req.app as any)?._router?.stack ?? []
  const method = (req.method ?? "GET").toLowerCase()
  for (const layer of stack) {
    if (!layer.route || typeof layer.route.path !== "string") continue
    if (!(layer.route.methods?.[method] || layer.route.methods?._all)) continue
    try {
      if (layer.match(path)) return layer.route.path
    } catch {
      // A malformed percent-encoding: no pattern to name.
    }
  }
  if (path === "/app" || path.startsWith("/app/")) return "/app/*"
  if (path.startsWith("/static/")) return "/static/*"
  return "unmatched"
}

/** What a checkout came to, from its answer. */
function checkoutOutcome(status: number, body: any): string {
  if (status >= 500) return "error"
  if (body?.type === "payment_refunded") return "payment_refunded"
  if (status >= 400) return "refused"
  if (body?.type === "order" || body?.order_id) return "order"
  if (body?.type === "payment") return "payment_started"
  return "refused" // Medusa's completion answers 200 with the cart and an error when it could not complete
}

/**
 * The global middleware (api/middlewares.ts): a request id for the request (X-Request-Id, and the
 * context every log line of its work carries), the request's duration by route pattern and status,
 * checkouts by outcome, and with LOG_FORMAT=json one JSON line per request.
 */
export function observeRequests(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  useContainer(req.scope)
  const started = process.hrtime.bigint()
  const requestId = requestIdFrom(req.headers["x-request-id"])
  ;(req as any).requestId = requestId
  res.setHeader("x-request-id", requestId)
  let checkoutBody: unknown
  if (req.method === "POST" && /^\/store\/(carts\/[^/]+\/(complete|checkout)|razorpay\/checkout-response)\/?$/.test(req.path)) {
    const json = res.json.bind(res)
    res.json = ((body: unknown) => {
      checkoutBody = body
      return json(body)
    }) as typeof res.json
  }
  res.once("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const route = routeOf(req)
    const status = res.statusCode
    const m = metrics()
    m.httpDuration.observe({ method: req.method, route, status: String(status) }, seconds)
    if (CHECKOUT_ROUTES.has(route) && req.method === "POST") {
      m.checkoutDuration.observe({ route, outcome: checkoutOutcome(status, checkoutBody) }, seconds)
    }
    if (jsonLogs()) writeRequestLine({ method: req.method, route, status, duration_ms: Math.round(seconds * 1e6) / 1e3, request_id: requestId })
  })
  runWithLogContext({ request_id: requestId }, () => next())
}

// --- Payments -----------------------------------------------------------------------------------

/** The payment method's label from a Medusa payment provider id. */
export function paymentMethodOf(providerId: string | null | undefined): string {
  if (!providerId) return "unknown"
  if (providerId === CASH_ON_DELIVERY_PROVIDER_ID) return "cash_on_delivery"
  if (providerId === RAZORPAY_PROVIDER_ID) return "razorpay"
  return providerId.replace(/^pp_/, "")
}

export function countPayment(method: string, outcome: "succeeded" | "failed" | "refunded" | "orphan_refunded" | "orphan_refund_failed") {
  metrics().payments.inc({ method, outcome })
}

// --- Scheduled jobs -----------------------------------------------------------------------------

const TRACING_KEY = Symbol.for("sweetshop.job-tracing")

/**
 * Medusa runs each scheduled job as a workflow `job-<name>` of one step `<name>-as-step`
 * (framework/jobs/job-loader). Its orchestrator lets instrumentation wrap every step
 * (TransactionOrchestrator.traceStep, as Medusa's OpenTelemetry instrumentation does): the job's
 * step is timed, counted by outcome, and runs in a log context naming the job and its run. Any
 * hook already there (OpenTelemetry) is kept and called.
 */
export function installJobTracing() {
  if (globals[TRACING_KEY]) return
  globals[TRACING_KEY] = true
  const previous = TransactionOrchestrator.traceStep
  TransactionOrchestrator.traceStep = async (handler, metadata) => {
    const run = previous ? () => previous(handler, metadata) : handler
    const job = /^(.+)-as-step$/.exec(String(metadata?.action ?? ""))?.[1]
    if (!job || metadata.type !== "invoke") return run()
    const started = process.hrtime.bigint()
    const m = metrics()
    const context = { ...(currentLogContext() ?? {}), job, job_run_id: crypto.randomUUID() }
    try {
      const result = await runWithLogContext(context, run)
      m.jobRuns.inc({ job, outcome: "succeeded" })
      return result
    } catch (error) {
      m.jobRuns.inc({ job, outcome: "failed" })
      throw error
    } finally {
      m.jobDuration.observe({ job }, Number(process.hrtime.bigint() - started) / 1e9)
    }
  }
}

// --- A worker's own port -------------------------------------------------------------------------

const SERVER_KEY = Symbol.for("sweetshop.metrics-server")

/**
 * A worker process (MEDUSA_WORKER_MODE=worker) serves no API routes, so no /metrics either: with
 * METRICS_PORT set it answers GET /metrics on that port (same token), for its job and event counts.
 */
export function startWorkerMetricsServer(env = process.env) {
  if (env.MEDUSA_WORKER_MODE !== "worker" || !env.METRICS_PORT || globals[SERVER_KEY]) return
  const server = http.createServer(async (req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404).end()
      return
    }
    if (!metricsAuthorized(req.headers.authorization, env.METRICS_TOKEN)) {
      res.writeHead(env.METRICS_TOKEN ? 401 : 403, { "content-type": "text/plain" }).end("Scrape with Authorization: Bearer <METRICS_TOKEN>.\n")
      return
    }
    const { contentType, body } = await scrape()
    res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body)
  })
  server.on("error", (error) => process.stderr.write(`Sweet Shop: the worker's metrics port ${env.METRICS_PORT} could not be opened (${(error as any)?.code ?? error}).\n`))
  server.listen(Number(env.METRICS_PORT))
  server.unref()
  globals[SERVER_KEY] = server
}

// Loaded by the subscribers in every process (server, worker, shared), before any job runs.
installJsonLogging()
installJobTracing()
startWorkerMetricsServer()
