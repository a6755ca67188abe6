import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { parseCloudinaryUrl } from "../../config/env"

/**
 * Readiness of the shop's dependencies, probed in the background every HEALTH_PROBE_INTERVAL_SECONDS
 * (default 15) and kept here: GET /health/ready answers from the last probe and never waits on a
 * dependency (only the very first request of a process waits for the first probe, at most one
 * probe time-out). The database and Redis (when REDIS_URL is set) decide readiness; Razorpay,
 * Twilio, WhatsApp and Cloudinary are reported (reachable or not), since the shop takes orders
 * without them (cash on delivery; messages are retried).
 */
export type DependencyState = {
  state: "up" | "down" | "off" | "unknown"
  /** How long the last probe took (ms), null before the first. */
  latency_ms: number | null
  checked_at: string | null
  /** Why it is down, in a few words (never a secret or a URL's credentials). */
  error?: string
  /** Whether the shop is ready without it. */
  required: boolean
}

const DEPENDENCIES = ["database", "redis", "razorpay", "twilio", "whatsapp", "cloudinary"] as const
export type DependencyName = (typeof DEPENDENCIES)[number]

type Prober = {
  states: Record<DependencyName, DependencyState>
  first: Promise<void>
  timer: NodeJS.Timeout
  redis?: Redis
}

const KEY = Symbol.for("sweetshop.health-probes")
const globals = globalThis as unknown as Record<symbol, Prober | undefined>

const PROBE_TIMEOUT_MS = 3000

export function probeIntervalMs(env = process.env): number {
  const seconds = Number(env.HEALTH_PROBE_INTERVAL_SECONDS || 15)
  return Math.max(1, Number.isFinite(seconds) ? seconds : 15) * 1000
}

/** The outside services' base URLs, from the same settings the providers use; null when not configured. */
export function outsideServices(env = process.env): Record<"razorpay" | "twilio" | "whatsapp" | "cloudinary", string | null> {
  let cloudinary: string | null = null
  if (env.CLOUDINARY_URL) {
    try {
      cloudinary = parseCloudinaryUrl(env.CLOUDINARY_URL).upload_prefix ?? "https://api.cloudinary.com"
    } catch {
      cloudinary = null
    }
  }
  return {
    razorpay: env.RAZORPAY_KEY_ID ? env.RAZORPAY_API_BASE_URL || "https://api.razorpay.com" : null,
    twilio: env.TWILIO_ACCOUNT_SID ? env.TWILIO_API_BASE_URL || "https://api.twilio.com" : null,
    whatsapp: env.WHATSAPP_ACCESS_TOKEN ? env.WHATSAPP_GRAPH_BASE_URL || "https://graph.facebook.com" : null,
    cloudinary,
  }
}

function initialStates(): Record<DependencyName, DependencyState> {
  const outside = outsideServices()
  const state = (configured: boolean, required: boolean): DependencyState => ({
    state: configured ? "unknown" : "off",
    latency_ms: null,
    checked_at: null,
    required,
  })
  return {
    database: state(true, true),
    redis: state(Boolean(process.env.REDIS_URL), Boolean(process.env.REDIS_URL)),
    razorpay: state(Boolean(outside.razorpay), false),
    twilio: state(Boolean(outside.twilio), false),
    whatsapp: state(Boolean(outside.whatsapp), false),
    cloudinary: state(Boolean(outside.cloudinary), false),
  }
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS)
    }),
  ]).finally(() => clearTimeout(timer))
}

function shortError(error: any): string {
  const text = String(error?.code ?? error?.message ?? error)
  // URLs may carry credentials (redis://:password@…): never repeat one.
  return text.replace(/\b[a-z]+:\/\/\S+/gi, "(url)").slice(0, 160)
}

async function timed(state: DependencyState, probe: () => Promise<unknown>): Promise<void> {
  if (state.state === "off") return
  const started = performance.now()
  try {
    await probe()
    state.state = "up"
    delete state.error
  } catch (error) {
    state.state = "down"
    state.error = shortError(error)
  }
  state.latency_ms = Math.round((performance.now() - started) * 10) / 10
  state.checked_at = new Date().toISOString()
}

/** Reachable: anything answers over HTTP (any status: the service is there); down: no answer in time. */
async function reachable(url: string) {
  await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: "manual" })
}

async function probeAll(container: MedusaContainer, prober: Prober) {
  const { states } = prober
  const outside = outsideServices()
  await Promise.all([
    timed(states.database, () => withTimeout((container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any).raw("select 1"), "the database")),
    timed(states.redis, async () => {
      prober.redis ??= new Redis(process.env.REDIS_URL!, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: PROBE_TIMEOUT_MS,
        // Reconnect in the background, every second at most: each probe sees the connection as it is now.
        retryStrategy: () => 1000,
      })
      prober.redis.on("error", () => {})
      if (prober.redis.status === "wait") await withTimeout(prober.redis.connect(), "Redis")
      const answer = await withTimeout(prober.redis.ping(), "Redis")
      if (answer !== "PONG") throw new Error(`Redis answered ${answer}`)
    }),
    timed(states.razorpay, () => reachable(outside.razorpay!)),
    timed(states.twilio, () => reachable(outside.twilio!)),
    timed(states.whatsapp, () => reachable(outside.whatsapp!)),
    timed(states.cloudinary, () => reachable(outside.cloudinary!)),
  ])
}

/** Starts the background probes of this process (once); the first round starts at once. */
export function ensureHealthProbes(container: MedusaContainer): Prober {
  const existing = globals[KEY]
  if (existing) return existing
  const prober = { states: initialStates() } as Prober
  globals[KEY] = prober
  let running: Promise<void> | null = null
  const round = () => {
    running ??= probeAll(container, prober)
      .catch(() => {})
      .finally(() => {
        running = null
      })
    return running
  }
  prober.first = round()
  prober.timer = setInterval(round, probeIntervalMs())
  prober.timer.unref()
  return prober
}

/** The last probe's state of every dependency (unknown before any probe ran in this process). */
export function dependencyStates(): Record<DependencyName, DependencyState> {
  return globals[KEY]?.states ?? initialStates()
}

/** Ready: the database answers, and Redis too when the shop uses it. */
export function isReady(states = dependencyStates()): boolean {
  return Object.values(states).every((s) => !s.required || s.state === "up")
}

/** For GET /health/ready: waits for the first probe only (bounded), then answers from the cache. */
export async function readiness(container: MedusaContainer) {
  const prober = ensureHealthProbes(container)
  await Promise.race([prober.first, new Promise((r) => setTimeout(r, PROBE_TIMEOUT_MS + 500))])
  const states = dependencyStates()
  return { ready: isReady(states), probe_interval_seconds: probeIntervalMs() / 1000, dependencies: states }
}
