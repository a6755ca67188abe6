import { AsyncLocalStorage } from "node:async_hooks"
import crypto from "node:crypto"
import { logger } from "@medusajs/framework/logger"

/**
 * What a log line carries about the work it was written in: the request's id (HTTP), or the
 * scheduled job and its run. Held in AsyncLocalStorage, so every log line written by a workflow,
 * a subscriber or a step that the request (or the job) started, carries it, wherever it is written.
 */
export type LogContext = { request_id?: string; job?: string; job_run_id?: string }

const STORE_KEY = Symbol.for("sweetshop.log-context")
const globalStore = globalThis as unknown as Record<symbol, AsyncLocalStorage<LogContext> | undefined>
const contexts: AsyncLocalStorage<LogContext> = (globalStore[STORE_KEY] ??= new AsyncLocalStorage<LogContext>())

export function currentLogContext(): LogContext | undefined {
  return contexts.getStore()
}

export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return contexts.run(context, fn)
}

/** The caller's X-Request-Id when it is a plain token (a proxy's), else a new one. */
export function requestIdFrom(header: unknown): string {
  const value = Array.isArray(header) ? header[0] : header
  return typeof value === "string" && /^[\w.:-]{8,128}$/.test(value) ? value : crypto.randomUUID()
}

/**
 * Personal data out of log text: Indian mobile numbers (with or without +91, written 98765 43210 too) keep their last two
 * digits (+91********10), e-mail addresses their first letter and domain (p***@example.in).
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(/(?<![\w+])(\+?91[\s-]?)?[6-9]\d{4}[\s-]?\d{3}(\d{2})(?!\w)/g, (_m, prefix: string | undefined, last: string) => `${prefix ? "+91" : ""}********${last}`)
    .replace(/(?<![\w.+-])([\w+-])[\w.+-]*@((?:[\w-]+\.)+[\w-]+)/g, "$1***@$2")
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskPersonalData(value)
  if (depth > 4 || value === null || typeof value !== "object") return value
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = maskDeep(v, depth + 1)
  return out
}

export const jsonLogs = () => process.env.LOG_FORMAT === "json"

type WinstonFormat = { transform: (info: any, options?: any) => any; options?: any }
type WinstonLike = { format: WinstonFormat; transports: { format?: WinstonFormat }[]; log: (entry: any) => void }
type ReporterLike = { loggerInstance_?: WinstonLike; shouldLog: (level: string) => boolean }

const INSTALLED_KEY = Symbol.for("sweetshop.json-logs-installed")

/**
 * LOG_FORMAT=json: every line of Medusa's logger is one JSON object (Medusa's own format in
 * production), with the request id or job of the work it was written in, personal data masked,
 * the same in development (its coloured console format is dropped); and the request line is the
 * shop's own (writeRequestLine: method, route pattern, status, duration, request id; no query
 * string, no client address), so Medusa's access line (raw URL with its query string) is turned off.
 * Done once per process, on the logger Medusa and every plugin share.
 */
export function installJsonLogging(): void {
  if (!jsonLogs()) return
  const flags = globalThis as unknown as Record<symbol, boolean>
  if (flags[INSTALLED_KEY]) return
  const reporter = logger as unknown as ReporterLike
  const winston = reporter.loggerInstance_
  if (!winston?.format) return
  flags[INSTALLED_KEY] = true
  const original = winston.format
  winston.format = {
    options: original.options,
    transform(info: any, options?: any) {
      const context = currentLogContext()
      if (context) {
        for (const [key, value] of Object.entries(context)) if (value !== undefined && info[key] === undefined) info[key] = value
      }
      if (typeof info.message === "string") info.message = maskPersonalData(info.message)
      for (const key of Object.keys(info)) {
        if (key !== "message" && key !== "level" && typeof key === "string") info[key] = maskDeep(info[key])
      }
      return original.transform(info, options ?? original.options)
    },
  }
  for (const transport of winston.transports ?? []) transport.format = undefined
  // Medusa's access log (morgan) asks shouldLog("http") for every request: this process writes its own.
  const shouldLog = reporter.shouldLog.bind(reporter)
  reporter.shouldLog = (level: string) => (level === "http" ? false : shouldLog(level))
}

/** The shop's one line per request (LOG_FORMAT=json): at level http, so LOG_LEVEL=info silences it. */
export function writeRequestLine(line: { method: string; route: string; status: number; duration_ms: number; request_id: string }) {
  const winston = (logger as unknown as ReporterLike).loggerInstance_
  if (!winston) return
  winston.log({ level: "http", message: "request", ...line })
}
