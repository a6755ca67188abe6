import { z } from "zod"
import { GSTIN_PATTERN, gstState } from "@sweetshop/shop-contracts"

/**
 * Every setting of the shop comes from the environment and is checked here,
 * once, when the process starts. A wrong value must stop the process with one
 * sentence naming the variable, never a stack trace from deep inside Medusa.
 */

export class ShopConfigError extends Error {
  constructor(readonly variable: string, sentence: string) {
    super(sentence)
    this.name = "ShopConfigError"
  }
}

const DEV_SECRET = "sweetshop-local-dev-secret"

const urlWithProtocols = (protocols: string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        const url = new URL(value)
        return protocols.includes(url.protocol) && url.hostname.length > 0
      } catch {
        return false
      }
    },
    { message: `must be a URL like ${example}` }
  )

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    errorMap: () => ({ message: "must be true or false" }),
  })
  .transform((value) => ["true", "1", "yes"].includes(value))

const corsList = z
  .string()
  .min(1, "must list at least one origin")
  .refine((value) => value.split(",").every((origin) => /^https?:\/\/[^\s,]+$/.test(origin.trim())), {
    message: "must be a comma-separated list of origins like http://localhost:8000",
  })

/** A JSON object of names and values (each value matching `value`), as in SMS_DLT_TEMPLATE_IDS. */
const jsonNameMap = (message: string, value: RegExp) =>
  z.string().transform((text, ctx) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = null
    }
    const ok =
      parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) &&
      Object.entries(parsed as Record<string, unknown>).every(([k, v]) => /^[a-z0-9_.-]{1,80}$/.test(k) && typeof v === "string" && value.test(v))
    if (!ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message })
      return z.NEVER
    }
    return parsed as Record<string, string>
  })

/** The made-up seller the shop runs with until its own is set: fine for a trial, refused by a production start. */
const EXAMPLE_SELLER = {
  SHOP_GSTIN: "07AABCS1234Q1Z5",
  SHOP_LEGAL_NAME: "Sweet Shop Foods Private Limited",
  SHOP_ADDRESS: "12 Chandni Chowk, Delhi 110006",
  SHOP_FSSAI_LICENCE: "13326999000123",
} as const
const EXAMPLE_SELLER_USE: Record<keyof typeof EXAMPLE_SELLER, string> = {
  SHOP_GSTIN: "every tax invoice would carry a GSTIN that is not the shop's",
  SHOP_LEGAL_NAME: "every tax invoice would name a seller that is not the shop",
  SHOP_ADDRESS: "every tax invoice would carry an address that is not the shop's",
  SHOP_FSSAI_LICENCE: "the pages and invoices would show an FSSAI licence that is not the shop's",
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: urlWithProtocols(["postgres:", "postgresql:"], "postgres://user:password@localhost:5432/sweetshop"),
  REDIS_URL: urlWithProtocols(["redis:", "rediss:"], "redis://localhost:6379").optional(),
  PORT: z.coerce
    .number({ invalid_type_error: "must be a port number" })
    .int("must be a whole port number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(9000),
  MEDUSA_BACKEND_URL: urlWithProtocols(["http:", "https:"], "http://localhost:9000").optional(),
  STORE_CORS: corsList.default("http://localhost:8000"),
  ADMIN_CORS: corsList.default("http://localhost:9000"),
  AUTH_CORS: corsList.default("http://localhost:8000,http://localhost:9000"),
  JWT_SECRET: z.string().min(16, "must be at least 16 characters long").optional(),
  COOKIE_SECRET: z.string().min(16, "must be at least 16 characters long").optional(),
  TRACKING_SECRET: z.string().min(16, "must be at least 16 characters long").optional(),
  /** Proxies of the shop's own in front of the backend, each appending to X-Forwarded-For: abuse limits read the client that many hops back. 0: the header is not read. */
  TRUST_PROXY_HOPS: z.coerce
    .number({ invalid_type_error: "must be a whole number of proxies (0 when nothing stands in front of the backend)" })
    .int("must be a whole number of proxies")
    .min(0, "must be 0 (no proxy) or more")
    .max(10, "must be at most 10")
    .default(0),
  STOREFRONT_URL: urlWithProtocols(["http:", "https:"], "http://localhost:8000").default("http://localhost:8000"),
  /** Where the backend itself reaches the storefront, when not at STOREFRONT_URL (docker compose: http://storefront:8000). */
  STOREFRONT_INTERNAL_URL: urlWithProtocols(["http:", "https:"], "http://storefront:8000").optional(),
  /** Shared with the storefront: the backend asks it to refetch its cached catalogue (subscribers/storefront-revalidation.ts). Unset: no revalidation. */
  STOREFRONT_REVALIDATE_SECRET: z.string().min(16, "must be at least 16 characters long").optional(),
  MEDUSA_WORKER_MODE: z
    .enum(["shared", "server", "worker"], {
      errorMap: () => ({ message: "must be shared, server or worker" }),
    })
    .default("shared"),
  DISABLE_ADMIN: booleanFlag.default("false"),
  UPLOAD_DIR: z.string().min(1).optional(),
  GRAM_POOL_CHECKS: booleanFlag.default("true"),
  MEDUSA_CACHING: booleanFlag.default("true"),
  RAZORPAY_KEY_ID: z.string().regex(/^rzp_(test|live)_\w+$/, { message: "must be a Razorpay key id like rzp_test_… or rzp_live_…" }).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(8, "must be the key secret from the Razorpay dashboard").optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(8, "must be the webhook secret set in the Razorpay dashboard").optional(),
  RAZORPAY_API_BASE_URL: urlWithProtocols(["http:", "https:"], "http://127.0.0.1:9410").optional(),
  RAZORPAY_AUTO_CAPTURE: booleanFlag.default("false"),
  RAZORPAY_TIMEOUT_MS: z.coerce.number({ invalid_type_error: "must be a number of milliseconds" }).int().min(100).max(120000).default(15000),
  PAYMENT_HOLD_MINUTES: z.coerce
    .number({ invalid_type_error: "must be a number of minutes" })
    .int("must be a whole number of minutes")
    .min(0, "must be 0 (no hold: benchmarks only) or more minutes")
    .max(24 * 60, "must be at most a day (1440 minutes)")
    .default(15),
  // A message still marked as being sent after this long was left by a process that stopped mid-send: it is
  // looked up at the provider and recorded as sent, or sent again (notifications plugin, settle-pending-notifications).
  NOTIFICATION_IN_FLIGHT_SECONDS: z.coerce.number({ invalid_type_error: "must be a number of seconds" }).int().min(5).max(3600).default(300),
  // A phone order's payment link stays payable, and the draft's grams held, this long (payment-razorpay).
  PAYMENT_LINK_MINUTES: z.coerce.number({ invalid_type_error: "must be a number of minutes" }).int().min(15, "must be at least 15 minutes (Razorpay's shortest link)").max(60 * 24 * 30, "must be at most 30 days (43200 minutes)").default(60),
  RAZORPAY_RECONCILE_AFTER_SECONDS: z.coerce.number({ invalid_type_error: "must be a number of seconds" }).int().min(0).max(24 * 3600).default(120),
  COD_MAX_ORDER_RUPEES: z.coerce
    .number({ invalid_type_error: "must be an amount in rupees" })
    .int("must be a whole number of rupees")
    .min(0, "must be 0 or more")
    .default(5000),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, { message: "must be a Twilio account SID: AC and 32 hex digits" }).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(8, "must be the auth token from the Twilio console").optional(),
  TWILIO_SMS_FROM: z
    .string()
    .regex(/^(\+\d{8,15}|MG[0-9a-fA-F]{32})$/, { message: "must be a Twilio number like +15005550006 or a Messaging Service SID (MG…)" })
    .optional(),
  TWILIO_API_BASE_URL: urlWithProtocols(["http:", "https:"], "http://127.0.0.1:9420").optional(),
  TWILIO_TIMEOUT_MS: z.coerce.number({ invalid_type_error: "must be a number of milliseconds" }).int().min(100).max(60000).default(10000),
  TWILIO_STATUS_CALLBACK_URL: urlWithProtocols(["http:", "https:"], "https://shop.example.in/hooks/twilio/status").optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(16, "must be a WhatsApp Cloud API access token (Meta app → WhatsApp → API setup)").optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d{6,20}$/, { message: "must be the numeric Phone number ID from Meta's WhatsApp API setup" }).optional(),
  WHATSAPP_APP_SECRET: z.string().min(8, "must be the app secret from the Meta app's basic settings").optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8, "must be at least 8 characters (you type the same token in Meta's webhook settings)").optional(),
  WHATSAPP_GRAPH_BASE_URL: urlWithProtocols(["http:", "https:"], "https://graph.facebook.com").default("https://graph.facebook.com"),
  WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/, { message: "must be a Graph API version like v21.0" }).default("v21.0"),
  WHATSAPP_TEMPLATE_LANGUAGE: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, { message: "must be a template language code like en, en_US or hi" }).default("en"),
  WHATSAPP_TIMEOUT_MS: z.coerce.number({ invalid_type_error: "must be a number of milliseconds" }).int().min(100).max(60000).default(10000),
  // India's DLT (TRAI): the sender's principal entity id and each SMS template's DLT template id (plugins/notifications, providers/sms/dlt.ts).
  SMS_DLT_ENTITY_ID: z.string().trim().regex(/^\d{10,25}$/, { message: "must be the sender's DLT principal entity id (digits, from the operator's DLT portal)" }).optional(),
  SMS_DLT_TEMPLATE_IDS: jsonNameMap("must be a JSON object of SMS template names and DLT template ids, like {\"order-placed\":\"1107160000000012345\"}", /^\d{10,25}$/).optional(),
  // The approved (utility) WhatsApp template names, per message ("order-status.confirmed") or per shop template ("order_refunded").
  WHATSAPP_TEMPLATE_NAMES: jsonNameMap("must be a JSON object of the shop's message or template names and approved template names, like {\"order-status.confirmed\":\"order_confirmed\"}", /^[a-z0-9_]{1,512}$/).optional(),
  SHOP_STAFF_PHONE: z.string().regex(/^\+\d{8,15}$/, { message: "must be a phone number in international form like +919876543210" }).optional(),
  MESSAGE_LANGUAGE: z.enum(["en", "hi"], { errorMap: () => ({ message: "must be en or hi" }) }).default("en"),
  // The "ready for pickup" message: the counter's address and opening hours (defaults: the seed's kitchen, plugins/notifications templates.ts).
  SHOP_PICKUP_ADDRESS: z.string().trim().min(10, "must be the shop's full address, as a shopper would find it").max(160, "must be at most 160 characters (it goes in an SMS)").optional(),
  SHOP_PICKUP_HOURS: z.string().trim().min(3, "must say when the counter is open, like 10 am to 9 pm, every day").max(80, "must be at most 80 characters (it goes in an SMS)").optional(),
  // The seller on GST tax invoices (plugins/invoices). The defaults are a made-up shop for local trials; set your own before selling.
  SHOP_GSTIN: z.string().trim().toUpperCase().regex(GSTIN_PATTERN, { message: "must be a 15-character GSTIN like 07AABCS1234Q1Z5 (state code, PAN, entity, Z, check)" }).default(EXAMPLE_SELLER.SHOP_GSTIN),
  SHOP_LEGAL_NAME: z.string().trim().min(3, "must be the shop's legal name as registered for GST").max(120, "must be at most 120 characters").default(EXAMPLE_SELLER.SHOP_LEGAL_NAME),
  SHOP_ADDRESS: z.string().trim().min(10, "must be the shop's registered address, as on its GST registration").max(240, "must be at most 240 characters").default(EXAMPLE_SELLER.SHOP_ADDRESS),
  SHOP_STATE: z.string().trim().refine((value) => gstState(value.replace(/\s*\(\s*\d{2}\s*\)\s*$/, "")) !== null, { message: "must be an Indian state or union territory, optionally with its GST code, like Delhi or Delhi (07)" }).default("Delhi (07)"),
  SHOP_FSSAI_LICENCE: z.string().trim().regex(/^\d{14}$/, { message: "must be the 14-digit FSSAI licence number" }).default(EXAMPLE_SELLER.SHOP_FSSAI_LICENCE),
  CLOUDINARY_URL: z
    .string()
    .regex(/^cloudinary:\/\/[^:@/\s]+:[^@/\s]+@[^/?\s]+(\?.*)?$/, {
      message: "must look like cloudinary://API_KEY:API_SECRET@CLOUD_NAME (copy it from the Cloudinary console)",
    })
    .optional(),
  CLOUDINARY_FOLDER: z.string().regex(/^[\w-]+(\/[\w-]+)*$/, { message: "must be a folder path like sweetshop/products" }).default("sweetshop/products"),
  UPLOAD_MAX_BYTES: z.coerce
    .number({ invalid_type_error: "must be a number of bytes" })
    .int("must be a whole number of bytes")
    .min(1024, "must be at least 1024 bytes")
    .max(50 * 1024 * 1024, "must be at most 52428800 bytes (50 MB)")
    .default(5 * 1024 * 1024),
  LOG_LEVEL: z.enum(["error", "warn", "info", "http", "verbose", "debug", "silly"]).optional(),
  /** json: every log line one JSON object with the request id or job it belongs to, phones masked, one line per request (lib/request-context.ts). */
  LOG_FORMAT: z.enum(["text", "json"], { errorMap: () => ({ message: "must be text or json" }) }).default("text"),
  /** Bearer token a Prometheus scraper sends to GET /metrics; unset: /metrics refuses everyone. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters long (a long random string the scraper sends as a Bearer token)").optional(),
  /** A worker process (MEDUSA_WORKER_MODE=worker) serves no API: with this port it answers GET /metrics there. */
  METRICS_PORT: z.coerce
    .number({ invalid_type_error: "must be a port number" })
    .int("must be a whole port number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .optional(),
  /** How often the readiness probes (database, Redis, Razorpay, Twilio, WhatsApp, Cloudinary) run in the background. */
  HEALTH_PROBE_INTERVAL_SECONDS: z.coerce
    .number({ invalid_type_error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1 second")
    .max(3600, "must be at most 3600 seconds")
    .default(15),
  /** Production only: lets the shop run against the sandbox's fakes (no real money moves, no message reaches a phone); the banner says TEST MODE. */
  ALLOW_TEST_MODE: booleanFlag.default("false"),
  /** Production only: lets MEDUSA_BACKEND_URL and STOREFRONT_URL be http:// (a trial on one machine, or TLS ended by a proxy that also rewrites them). */
  ALLOW_HTTP: booleanFlag.default("false"),
  /** Staff login and token refresh: wrong passwords allowed per account (and 3× that per client address) in a window before 429. */
  LOGIN_MAX_FAILURES: z.coerce
    .number({ invalid_type_error: "must be a whole number of failed logins" })
    .int("must be a whole number of failed logins")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000")
    .default(10),
  /** The window those failures are counted in; a locked account or client waits for it (doubling on each lock-out, up to a day). */
  LOGIN_WINDOW_SECONDS: z.coerce
    .number({ invalid_type_error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1 second")
    .max(86400, "must be at most 86400 seconds (a day)")
    .default(900),
})

export type ShopEnv = Omit<z.infer<typeof schema>, "JWT_SECRET" | "COOKIE_SECRET" | "TRACKING_SECRET" | "MEDUSA_BACKEND_URL"> & {
  JWT_SECRET: string
  COOKIE_SECRET: string
  TRACKING_SECRET: string
  MEDUSA_BACKEND_URL: string
}

function describeProblem(variable: string, value: string | undefined, message: string): string {
  if (value === undefined) {
    return `${variable} is not set: it is required (${schemaHints[variable] ?? "see .env.example"}).`
  }
  return `${variable} is invalid: it ${message}.`
}

const schemaHints: Record<string, string> = {
  DATABASE_URL: "a URL like postgres://user:password@localhost:5432/sweetshop; npm start sets it for the embedded database",
}

/**
 * Reads the shop's settings from an environment. Throws ShopConfigError with
 * one sentence naming the first wrong variable.
 */
export function readShopEnv(source: NodeJS.ProcessEnv): ShopEnv {
  // An empty string in .env means "not set", as it does for people.
  const cleaned: Record<string, string> = {}
  for (const key of Object.keys(schema.shape)) {
    const value = source[key]
    if (value !== undefined && value.trim() !== "") {
      cleaned[key] = value.trim()
    }
  }

  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const variable = String(issue.path[0])
    throw new ShopConfigError(variable, describeProblem(variable, cleaned[variable], issue.message))
  }

  const env = parsed.data
  const razorpayKeys = ["RAZORPAY_KEY_ID", "RAZORPAY_KEY_SECRET", "RAZORPAY_WEBHOOK_SECRET"] as const
  const razorpaySet = razorpayKeys.filter((k) => env[k])
  if (razorpaySet.length && razorpaySet.length < razorpayKeys.length) {
    const missing = razorpayKeys.find((k) => !env[k])!
    throw new ShopConfigError(missing, `${missing} is not set: Razorpay needs RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET together.`)
  }
  const twilioKeys = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_SMS_FROM"] as const
  const twilioSet = twilioKeys.filter((k) => env[k])
  if (twilioSet.length && twilioSet.length < twilioKeys.length) {
    const missing = twilioKeys.find((k) => !env[k])!
    throw new ShopConfigError(missing, `${missing} is not set: SMS needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_SMS_FROM together.`)
  }
  const whatsappKeys = ["WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"] as const
  const whatsappSet = whatsappKeys.filter((k) => env[k])
  if (whatsappSet.length && whatsappSet.length < whatsappKeys.length) {
    const missing = whatsappKeys.find((k) => !env[k])!
    throw new ShopConfigError(
      missing,
      `${missing} is not set: WhatsApp needs WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN together.`
    )
  }
  const shopState = gstState(env.SHOP_STATE.replace(/\s*\(\s*\d{2}\s*\)\s*$/, ""))!
  const typedCode = /\((\d{2})\)\s*$/.exec(env.SHOP_STATE)?.[1]
  if (typedCode && typedCode !== shopState.code) {
    throw new ShopConfigError("SHOP_STATE", `SHOP_STATE is invalid: ${shopState.name}'s GST state code is ${shopState.code}, not ${typedCode}.`)
  }
  if (env.SHOP_GSTIN.slice(0, 2) !== shopState.code) {
    throw new ShopConfigError("SHOP_GSTIN", `SHOP_GSTIN is invalid: it starts with state code ${env.SHOP_GSTIN.slice(0, 2)}, but SHOP_STATE is ${shopState.name} (${shopState.code}).`)
  }
  const production = env.NODE_ENV === "production"
  for (const secret of ["JWT_SECRET", "COOKIE_SECRET", "TRACKING_SECRET"] as const) {
    if (production && !env[secret]) {
      throw new ShopConfigError(
        secret,
        `${secret} is not set: it is required when NODE_ENV is production (use a long random string).`
      )
    }
  }

  if (production) refuseUnsafeProduction(env)

  return {
    ...env,
    JWT_SECRET: env.JWT_SECRET ?? DEV_SECRET,
    COOKIE_SECRET: env.COOKIE_SECRET ?? DEV_SECRET,
    TRACKING_SECRET: env.TRACKING_SECRET ?? DEV_SECRET,
    MEDUSA_BACKEND_URL: env.MEDUSA_BACKEND_URL ?? `http://localhost:${env.PORT}`,
  }
}

/** Hosts that mean "this machine": a gateway URL naming one is a fake, a public URL naming one is a local run. */
function isLocalUrl(value: string | undefined): boolean {
  if (!value) return false
  try {
    const host = new URL(value).hostname.replace(/^\[|\]$/g, "")
    return host === "localhost" || host.endsWith(".localhost") || host === "::1" || host === "0.0.0.0" || /^127\./.test(host)
  } catch {
    return false
  }
}

/** The sandbox fakes' built-in keys and secrets (sandbox/*): a shop holding one talks to a fake, or is an easy guess. */
const SANDBOX_DEFAULTS: Partial<Record<keyof z.infer<typeof schema>, string>> = {
  RAZORPAY_KEY_ID: "rzp_test_sandbox",
  RAZORPAY_KEY_SECRET: "sandbox-key-secret",
  RAZORPAY_WEBHOOK_SECRET: "sandbox-webhook-secret",
  TWILIO_ACCOUNT_SID: "AC" + "0".repeat(32),
  TWILIO_AUTH_TOKEN: "sandbox-auth-token",
  WHATSAPP_ACCESS_TOKEN: "sandbox-whatsapp-access-token",
  WHATSAPP_APP_SECRET: "sandbox-whatsapp-app-secret",
  WHATSAPP_VERIFY_TOKEN: "sandbox-whatsapp-verify-token",
}
const SANDBOX_CLOUDINARY = { api_key: "sandbox-key", api_secret: "sandbox-secret" }

/**
 * NODE_ENV=production: what a deployed shop must not run with, one sentence
 * each: a gateway pointed at a fake (unless ALLOW_TEST_MODE), an http:// public
 * URL (unless ALLOW_HTTP), a CORS list naming localhost while the shop itself is
 * served elsewhere, a secret equal to the development or sandbox default.
 */
function refuseUnsafeProduction(env: z.infer<typeof schema>): void {
  for (const name of ["JWT_SECRET", "COOKIE_SECRET", "TRACKING_SECRET", "STOREFRONT_REVALIDATE_SECRET", "METRICS_TOKEN"] as const) {
    if (env[name] === DEV_SECRET) {
      throw new ShopConfigError(name, `${name} is the development default, which anyone can read in the source: set a long random string of your own.`)
    }
  }
  if (!env.ALLOW_TEST_MODE) {
    const fake = (variable: string, what: string) =>
      new ShopConfigError(
        variable,
        `${variable} points the shop at a fake (${what}) while NODE_ENV is production: set the real service's keys, or ALLOW_TEST_MODE=true for a trial where nothing is real.`
      )
    const gateways = [
      ["RAZORPAY_API_BASE_URL", env.RAZORPAY_API_BASE_URL, "payments would take no money"],
      ["TWILIO_API_BASE_URL", env.TWILIO_API_BASE_URL, "no SMS would reach a phone"],
      ["WHATSAPP_GRAPH_BASE_URL", env.WHATSAPP_GRAPH_BASE_URL, "no WhatsApp message would reach a phone"],
    ] as const
    for (const [variable, url, what] of gateways) {
      if (isLocalUrl(url)) throw fake(variable, what)
    }
    for (const [variable, value] of Object.entries(SANDBOX_DEFAULTS)) {
      if (env[variable as keyof typeof env] === value) throw fake(variable, "the sandbox's own key")
    }
    // The seller on tax invoices and the FSSAI licence on every page are the law's, not an example's.
    for (const [variable, example] of Object.entries(EXAMPLE_SELLER) as [keyof typeof EXAMPLE_SELLER, string][]) {
      if (env[variable] === example) {
        throw new ShopConfigError(
          variable,
          `${variable} is the example "${example}" (${EXAMPLE_SELLER_USE[variable]}) while NODE_ENV is production: set the shop's own, as registered, or ALLOW_TEST_MODE=true for a trial where nothing is real.`
        )
      }
    }
    if (env.CLOUDINARY_URL) {
      const cloudinary = parseCloudinaryUrl(env.CLOUDINARY_URL)
      if (isLocalUrl(cloudinary.upload_prefix) || isLocalUrl(cloudinary.delivery_base_url)) throw fake("CLOUDINARY_URL", "images would go to this machine's fake Cloudinary")
      if (cloudinary.api_key === SANDBOX_CLOUDINARY.api_key || cloudinary.api_secret === SANDBOX_CLOUDINARY.api_secret) {
        throw fake("CLOUDINARY_URL", "the sandbox's own key")
      }
    }
  }
  const backendUrl = env.MEDUSA_BACKEND_URL ?? `http://localhost:${env.PORT}`
  if (!env.ALLOW_HTTP) {
    for (const [variable, url] of [["MEDUSA_BACKEND_URL", backendUrl], ["STOREFRONT_URL", env.STOREFRONT_URL]] as const) {
      if (new URL(url).protocol === "http:") {
        throw new ShopConfigError(
          variable,
          `${variable} is ${url}: a shop in production is served over https:// (logins and orders travel in the clear otherwise); set ALLOW_HTTP=true only for a trial on one machine.`
        )
      }
    }
  }
  // A CORS list naming localhost lets any page served on a visitor's own machine call the API;
  // it is right only while the shop itself is served from this machine (a local trial, the benchmarks).
  if (!(isLocalUrl(backendUrl) && isLocalUrl(env.STOREFRONT_URL))) {
    for (const variable of ["STORE_CORS", "ADMIN_CORS", "AUTH_CORS"] as const) {
      const local = env[variable].split(",").map((origin) => origin.trim()).find((origin) => isLocalUrl(origin))
      if (local) {
        throw new ShopConfigError(
          variable,
          `${variable} names ${local} while the shop is served at ${env.STOREFRONT_URL}: list only the shop's own origins (the default names localhost, so set it).`
        )
      }
    }
  }
}

/** For medusa-config.ts: prints the one sentence and stops the process. */
export function readShopEnvOrExit(source: NodeJS.ProcessEnv): ShopEnv {
  try {
    return readShopEnv(source)
  } catch (error) {
    if (error instanceof ShopConfigError) {
      process.stderr.write(`Sweet Shop cannot start: ${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
}

export type CloudinaryConnection = {
  cloud_name: string
  api_key: string
  api_secret: string
  upload_prefix?: string
  delivery_base_url?: string
}

/**
 * The parts of CLOUDINARY_URL. Query parameters upload_prefix and
 * delivery_base_url point the shop at another host (the sandbox's fake).
 */
export function parseCloudinaryUrl(value: string): CloudinaryConnection {
  const url = new URL(value)
  return {
    cloud_name: url.hostname,
    api_key: decodeURIComponent(url.username),
    api_secret: decodeURIComponent(url.password),
    ...(url.searchParams.get("upload_prefix") ? { upload_prefix: url.searchParams.get("upload_prefix")! } : {}),
    ...(url.searchParams.get("delivery_base_url") ? { delivery_base_url: url.searchParams.get("delivery_base_url")! } : {}),
  }
}

/** The names of every variable the shop reads; .env.example documents each. */
export const SHOP_ENV_VARIABLES = Object.keys(schema.shape)
