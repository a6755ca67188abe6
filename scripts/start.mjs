#!/usr/bin/env node
// `npm start`: runs the whole shop on its defaults.
//   1. PostgreSQL: DATABASE_URL if set, else an embedded server with its data in .data/postgres.
//   2. Builds the plugins and the backend (skipped when nothing changed since the last build).
//   3. Migrates, seeds an empty database, starts Medusa and prints where everything is.
// `npm run dev` does the same with `medusa develop` (reload on change) instead of a build.
// First: an unsupported Node.js stops here with one sentence (before Medusa's code is loaded).
import "./lib/node-version.mjs"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { pathToFileURL } from "node:url"
import {
  answers,
  describeConnectionError,
  ensureDatabase,
  freePort,
  redactUrl,
  startEmbeddedPostgres,
  withClient,
} from "./lib/postgres.mjs"
import { BACKEND, backendNodeArgs, BUILD, buildContracts, DATA, loadRootEnv, medusa, MEDUSA_CLI, PACKAGES, pluginDirs, ROOT, run } from "./lib/shop.mjs"
import { claimShop, portTaken } from "./lib/running-shop.mjs"
const { answersOn } = createRequire(import.meta.url)("./lib/ports.cjs")
import { buildStorefrontIfChanged, nextCli, STOREFRONT, startStorefront } from "./lib/storefront.mjs"
import { PostgresPlacementError } from "./lib/postgres-user.mjs"

const DEV = process.argv.includes("--dev")
const STOREFRONT_KEY_TITLE = "Sweet Shop Storefront"
const DEFAULT_ADMIN = { email: "admin@sweetshop.local" }
/** Where the staff password comes from: the person's own ADMIN_PASSWORD, or one made for this shop in .data/secrets.env. */
let ownAdminPassword = false
/** The seed ran on this start: the staff login was created now, so its made-up password is shown (once). */
let seededNow = false

const say = (line) => process.stdout.write(`[sweetshop] ${line}\n`)
/** A reason to stop that a person can act on; main() prints it as one sentence. */
class StartError extends Error {}
const fail = (sentence) => {
  throw new StartError(sentence)
}

/** A medusa command failed: show the shop's own one-sentence config error if there is one, else its output. */
function failWith(what, error) {
  const sentence = String(error.output ?? "").match(/^Sweet Shop cannot start: (.*)$/m)
  fail(sentence ? sentence[1] : `${what}:\n${error.output ?? error.message}`)
}

let usingEmbeddedPostgres = false
/** Where the embedded PostgreSQL keeps its data when not in .data/postgres itself (root, unreachable folder). */
let embeddedDataDir = null
export const cleanups = []
export async function cleanup() {
  while (cleanups.length) await cleanups.pop()().catch(() => {})
}

async function main() {
  const startedAt = Date.now()
  loadRootEnv()
  process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"
  process.env.NODE_ENV ??= DEV ? "development" : "production"
  const port = Number(process.env.PORT || 9000)
  const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${port}`
  process.env.MEDUSA_BACKEND_URL = backendUrl
  // Twilio reports what became of each SMS to the backend's public URL (signed over that URL; plugins/notifications),
  // the fake Twilio in test mode too, so delivery states are recorded either way.
  process.env.TWILIO_STATUS_CALLBACK_URL ||= `${backendUrl.replace(/\/+$/, "")}/hooks/twilio/status`
  process.env.UPLOAD_DIR ??= path.join(DATA, "uploads")
  const storefrontPort = Number(process.env.STOREFRONT_PORT || 8000)
  // Tracking links in messages point here (order-lifecycle), and the storefront's own metadata uses it.
  process.env.STOREFRONT_URL ||= `http://localhost:${storefrontPort}`
  allowLocalTrial()
  ensureLocalSecrets()
  fs.mkdirSync(process.env.UPLOAD_DIR, { recursive: true })

  await startSandboxes()
  // A DATABASE_URL of one's own is checked first (its sentence comes before any other); then this
  // folder is claimed (one shop per folder, its ports free) before its embedded database and builds are touched.
  const ownDatabase = Boolean(process.env.DATABASE_URL)
  if (ownDatabase) await preparePostgres()
  await claimThisFolder({ port, backendUrl, storefrontPort })
  if (!ownDatabase) await preparePostgres()
  await buildIfChanged()
  if (!DEV) {
    await buildStorefrontIfChanged({ say }).catch((e) => failWith("the storefront did not build", e))
  }
  const appDir = DEV ? BACKEND : BUILD
  linkUploads(appDir)

  say("Applying database migrations…")
  await medusa(["db:migrate"], { cwd: appDir, quiet: true }).catch((e) => failWith("migrations failed", e))

  if (!(await isSeeded())) {
    say("Empty database: seeding the sweet shop…")
    seededNow = true
    await medusa(["exec", DEV ? "./src/scripts/seed.ts" : "./src/scripts/seed.js"], { cwd: appDir, quiet: true }).catch((e) =>
      failWith("seeding failed", e)
    )
  }
  const publishableKey = await readPublishableKey()
  writeStorefrontEnv(backendUrl, publishableKey)

  const server = spawn(process.execPath, [...(DEV ? [] : backendNodeArgs()), MEDUSA_CLI, DEV ? "develop" : "start"], {
    cwd: appDir,
    env: process.env,
    stdio: "inherit",
  })
  cleanups.push(() => stopChild(server))
  server.on("exit", async (code) => {
    await cleanup()
    process.exit(code ?? 0)
  })

  await waitForHealth(backendUrl)
  await startShopStorefront({ port: storefrontPort, backendUrl, publishableKey })
  printBanner({ backendUrl, publishableKey, seconds: (Date.now() - startedAt) / 1000 })
}

/**
 * One shop per folder (.data/shop.json: its pid and URLs), and the two ports free before anything
 * starts: a second start says where the running shop is, or which port is taken, in one sentence.
 */
async function claimThisFolder({ port, backendUrl, storefrontPort }) {
  let release
  try {
    release = await claimShop({ dataDir: DATA, backendUrl, storefrontUrl: process.env.STOREFRONT_URL })
  } catch (error) {
    throw new AlreadyRunning(error.message)
  }
  cleanups.push(async () => release())
  const taken =
    (await portTaken(port, { url: `http://localhost:${port}`, variable: "PORT", what: "The backend" })) ??
    (await portTaken(storefrontPort, { url: `http://localhost:${storefrontPort}/api`, variable: "STOREFRONT_PORT", what: "The storefront" }))
  if (taken) throw new AlreadyRunning(taken)
}
/** Another shop (or program) holds what this start needs: its sentence is printed as it is. */
class AlreadyRunning extends Error {}

/**
 * Without gateway keys the shop runs against the fakes in sandbox/ (TEST MODE:
 * no real money moves, no message reaches a phone), so every flow can be tried
 * end to end. SANDBOX=false turns this off (cash on delivery only, no SMS).
 */
const SANDBOXES = [
  {
    name: "Razorpay",
    keyVariable: "RAZORPAY_KEY_ID",
    start: "startFakeRazorpay",
    portVariable: "SANDBOX_RAZORPAY_PORT",
    defaultPort: 9410,
    env: (fake) => ({
      RAZORPAY_KEY_ID: fake.keyId,
      RAZORPAY_KEY_SECRET: fake.keySecret,
      RAZORPAY_WEBHOOK_SECRET: fake.webhookSecret,
      RAZORPAY_API_BASE_URL: fake.url,
      // The storefront loads the fake's stand-in for Razorpay's checkout.js.
      RAZORPAY_CHECKOUT_URL: `${fake.url}/checkout.js`,
    }),
    says: "online payments go to the fake Razorpay",
  },
  {
    name: "Twilio",
    keyVariable: "TWILIO_ACCOUNT_SID",
    start: "startFakeTwilio",
    portVariable: "SANDBOX_TWILIO_PORT",
    defaultPort: 9420,
    env: (fake) => ({
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_SMS_FROM: "+15005550006",
      TWILIO_API_BASE_URL: fake.url,
    }),
    says: "order SMS go to the fake Twilio",
  },
  {
    name: "WhatsApp",
    keyVariable: "WHATSAPP_ACCESS_TOKEN",
    start: "startFakeGraph",
    portVariable: "SANDBOX_WHATSAPP_PORT",
    defaultPort: 9430,
    env: (fake) => ({
      WHATSAPP_ACCESS_TOKEN: fake.accessToken,
      WHATSAPP_PHONE_NUMBER_ID: fake.phoneNumberId,
      WHATSAPP_APP_SECRET: fake.appSecret,
      WHATSAPP_VERIFY_TOKEN: fake.verifyToken,
      WHATSAPP_GRAPH_BASE_URL: fake.url,
    }),
    says: "WhatsApp messages go to the fake WhatsApp Cloud API",
  },
]
/**
 * A production start refuses the fakes and http:// URLs (backend/src/config/env.ts). A shop
 * served from this machine alone (both URLs on localhost) is a trial: it may use both, and
 * the banner says TEST MODE in red. A shop given a public URL gets no such allowance.
 */
export function allowLocalTrial() {
  const local = (url) => ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname)
  if (!local(process.env.MEDUSA_BACKEND_URL) || !local(process.env.STOREFRONT_URL)) return
  process.env.ALLOW_HTTP ||= "true"
  process.env.ALLOW_TEST_MODE ||= "true"
}

/** Name → URL of each fake started, for the banner. */
export const sandboxUrls = {}

export async function startSandboxes() {
  if (process.env.SANDBOX === "false") return
  const require = createRequire(import.meta.url)
  const fakes = require(path.join(ROOT, "sandbox"))
  for (const sandbox of SANDBOXES) {
    if (process.env[sandbox.keyVariable]) continue
    const wanted = Number(process.env[sandbox.portVariable] || sandbox.defaultPort)
    // Another shop's fake (or any program) on the port: this one takes a free port instead. The fakes
    // do not catch their own listen errors, so a taken port would end the start with EADDRINUSE.
    const port = wanted && (await answersOn(wanted)) ? 0 : wanted
    const fake = await fakes[sandbox.start]({ port }).catch(() => fakes[sandbox.start]({ port: 0 }))
    cleanups.push(() => fake.close())
    Object.assign(process.env, sandbox.env(fake))
    sandboxUrls[sandbox.name] = fake.url
    say(`No ${sandbox.name} keys: ${sandbox.says} at ${fake.url} (TEST MODE).`)
  }
}

/**
 * JWT_SECRET, COOKIE_SECRET and TRACKING_SECRET are required in production. A
 * local run that does not set them gets random ones, made once and kept in
 * .data/secrets.env (a secret added later is appended), as does the secret the
 * backend and the storefront share for catalogue revalidation, and the token
 * a metrics scraper sends (METRICS_TOKEN: GET /metrics refuses everyone without it).
 */
export function ensureLocalSecrets() {
  const file = path.join(DATA, "secrets.env")
  fs.mkdirSync(DATA, { recursive: true })
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""
  const missing = ["JWT_SECRET", "COOKIE_SECRET", "TRACKING_SECRET", "STOREFRONT_REVALIDATE_SECRET", "METRICS_TOKEN"].filter((name) => !new RegExp(`^${name}=`, "m").test(existing))
  // The first staff login's password (no default exists, issue 23): made once unless ADMIN_PASSWORD is set.
  // An empty ADMIN_PASSWORD= (a copied .env.example) means unset: it must not hide the one made here.
  if (process.env.ADMIN_PASSWORD === "") delete process.env.ADMIN_PASSWORD
  ownAdminPassword = Boolean(process.env.ADMIN_PASSWORD)
  if (!ownAdminPassword && !/^ADMIN_PASSWORD=/m.test(existing)) missing.push("ADMIN_PASSWORD")
  if (missing.length) {
    const made = (name) => (name === "ADMIN_PASSWORD" ? crypto.randomBytes(18).toString("base64url") : crypto.randomBytes(32).toString("hex"))
    const lines = missing.map((name) => `${name}=${made(name)}\n`).join("")
    fs.writeFileSync(file, `${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}${lines}`, { mode: 0o600 })
  }
  const before = { ...process.env }
  process.loadEnvFile(file)
  Object.assign(process.env, before)
}

export async function preparePostgres() {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL
    try {
      new URL(url)
    } catch {
      fail(`DATABASE_URL is invalid: it must be a URL like postgres://user:password@localhost:5432/sweetshop.`)
    }
    try {
      await ensureDatabase(url)
      await withClient(url, (c) => c.query("select 1"))
    } catch (error) {
      fail(`DATABASE_URL is unusable: ${describeConnectionError(error, url)}`)
    }
    say(`Database: ${redactUrl(url)}`)
    return
  }

  const dataDir = path.join(DATA, "postgres")
  const port = await freePort()
  say(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${path.relative(ROOT, dataDir)}/)…`)
  let embedded
  try {
    embedded = await startEmbeddedPostgres({ dataDir, port })
  } catch (error) {
    if (error instanceof PostgresPlacementError) fail(error.message)
    const reason = String(error?.message ?? error).split("\n")[0].trim()
    fail(`the embedded PostgreSQL did not start (${reason}); set DATABASE_URL to use another server.`)
  }
  if (embedded.dataDir && path.resolve(embedded.dataDir) !== path.resolve(dataDir)) {
    // Root, in a folder the user postgres cannot enter (scripts/lib/postgres-user.mjs).
    embeddedDataDir = embedded.dataDir
    say(`The user postgres cannot enter this folder: PostgreSQL runs from ${path.dirname(embedded.dataDir)} (.data/postgres links to its data).`)
  }
  cleanups.push(() => embedded.stop())
  usingEmbeddedPostgres = true
  process.env.DATABASE_URL = `${embedded.url}/sweetshop`
  await ensureDatabase(process.env.DATABASE_URL)
  if (!(await answers(process.env.DATABASE_URL))) fail("the embedded PostgreSQL started but does not answer.")
}

/** A fingerprint of everything a build depends on; the build is skipped when it matches. */
function sourceFingerprint() {
  const hash = crypto.createHash("sha256")
  const roots = [
    path.join(ROOT, "package-lock.json"),
    path.join(BACKEND, "package.json"),
    path.join(BACKEND, "medusa-config.ts"),
    path.join(BACKEND, "tsconfig.json"),
    path.join(BACKEND, "src"),
    ...pluginDirs().flatMap((dir) => [path.join(dir, "package.json"), path.join(dir, "src")]),
    path.join(PACKAGES, "shop-contracts", "src"),
  ]
  for (const root of roots) {
    if (!fs.existsSync(root)) continue
    const files = fs.statSync(root).isDirectory()
      ? fs.readdirSync(root, { recursive: true }).map((f) => path.join(root, String(f)))
      : [root]
    for (const file of files.sort()) {
      const stat = fs.statSync(file)
      if (stat.isFile()) hash.update(`${path.relative(ROOT, file)}:${stat.size}:${stat.mtimeMs}\n`)
    }
  }
  return hash.digest("hex")
}

export async function buildIfChanged() {
  const stamp = path.join(BUILD, ".sweetshop-build")
  const fingerprint = sourceFingerprint()
  const pluginsBuilt =
    pluginDirs().every((dir) => fs.existsSync(path.join(dir, ".medusa", "server"))) && fs.existsSync(path.join(PACKAGES, "shop-contracts", "dist"))
  if (pluginsBuilt && (DEV || (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === fingerprint))) {
    say(DEV ? "Development mode: no build needed." : "Build is up to date.")
    return
  }
  say("Building packages/shop-contracts…")
  await buildContracts().catch((e) => failWith("packages/shop-contracts did not build", e))
  for (const dir of pluginDirs()) {
    say(`Building plugin ${path.relative(ROOT, dir)}…`)
    await medusa(["plugin:build"], { cwd: dir, quiet: true }).catch((e) => failWith(`the plugin ${dir} did not build`, e))
  }
  if (DEV) return
  say("Building the backend and admin (first start takes a minute)…")
  await medusa(["build"], { cwd: BACKEND, quiet: true }).catch((e) => failWith("the backend did not build", e))
  fs.writeFileSync(stamp, fingerprint)
}

/** Medusa serves <app>/static at /static; uploads live in .data/uploads so builds never wipe them. */
export function linkUploads(appDir) {
  const link = path.join(appDir, "static")
  const target = process.env.UPLOAD_DIR
  try {
    if (fs.lstatSync(link).isSymbolicLink() && fs.readlinkSync(link) === target) return
    fs.rmSync(link, { recursive: true, force: true })
  } catch {}
  fs.symlinkSync(target, link, "dir")
}

export async function isSeeded() {
  return withClient(process.env.DATABASE_URL, async (c) => {
    const { rows } = await c.query("select count(*)::int as n from region where deleted_at is null")
    return rows[0].n > 0
  })
}

export async function readPublishableKey() {
  return withClient(process.env.DATABASE_URL, async (c) => {
    const { rows } = await c.query(
      "select token from api_key where type = 'publishable' and title = $1 and revoked_at is null and deleted_at is null order by created_at limit 1",
      [STOREFRONT_KEY_TITLE]
    )
    return rows[0]?.token ?? null
  })
}

/** The storefront reads its backend URL and publishable key from here: no copying by hand. */
function writeStorefrontEnv(backendUrl, publishableKey) {
  const lines = [
    "# Written by npm start. The storefront reads it; do not edit.",
    `NEXT_PUBLIC_MEDUSA_BACKEND_URL=${backendUrl}`,
    `NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=${publishableKey ?? ""}`,
  ]
  fs.mkdirSync(DATA, { recursive: true })
  fs.writeFileSync(path.join(DATA, "storefront.env"), lines.join("\n") + "\n")
}

/**
 * The Next.js storefront on STOREFRONT_PORT (8000): `next start` on its production
 * build, or `next dev` with `npm run dev`. It reads the backend URL and key at request time.
 */
async function startShopStorefront({ port, backendUrl, publishableKey }) {
  const env = { SITE_URL: process.env.STOREFRONT_URL, STOREFRONT_REVALIDATE_SECRET: process.env.STOREFRONT_REVALIDATE_SECRET ?? "" }
  if (DEV) {
    const child = spawn(process.execPath, [nextCli(), "dev", "-p", String(port)], {
      cwd: STOREFRONT,
      env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "development", MEDUSA_BACKEND_URL: backendUrl, MEDUSA_PUBLISHABLE_KEY: publishableKey ?? "" },
      stdio: "inherit",
    })
    cleanups.push(() => stopChild(child))
    return
  }
  try {
    const storefront = await startStorefront({ port, backendUrl, publishableKey, env })
    cleanups.push(() => stopChild(storefront.process))
  } catch (error) {
    fail(`the storefront did not start on port ${port} (set STOREFRONT_PORT to use another): ${error.message.split("\n")[0]}`)
  }
}

async function waitForHealth(backendUrl) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${backendUrl}/health`)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  fail(`the server did not answer at ${backendUrl}/health within two minutes.`)
}

function printBanner({ backendUrl, publishableKey, seconds }) {
  const email = process.env.ADMIN_EMAIL || DEFAULT_ADMIN.email
  const password = ownAdminPassword
    ? "(the value of ADMIN_PASSWORD)"
    : seededNow
      ? `${process.env.ADMIN_PASSWORD}  (made for this shop and shown once; also in .data/secrets.env)`
      : "(the password shown at the first start, kept in .data/secrets.env; npm run admin:reset-password sets a new one)"
  const lines = [
    "",
    `Sweet Shop is running (${DEV ? "development" : "production build"}, ready in ${seconds.toFixed(1)} s)`,
    `  Storefront       ${process.env.STOREFRONT_URL}${DEV ? " (next dev: the first visit of each page compiles it)" : ""}`,
    `  Store API        ${backendUrl}/store/products`,
    `  Publishable key  ${publishableKey ?? "(none found: run the seed)"}`,
    `                   curl -H "x-publishable-api-key: ${publishableKey ?? "<key>"}" ${backendUrl}/store/products`,
    `  Admin            ${backendUrl}/app`,
    `  Admin login      ${email} / ${password}`,
    `  Health           ${backendUrl}/health/ready`,
    `  Metrics          ${backendUrl}/metrics (Authorization: Bearer $METRICS_TOKEN, from .env or made in .data/secrets.env)`,
    `  Payments         ${
      sandboxUrls.Razorpay
        ? `cash on delivery and Razorpay in TEST MODE (fake Razorpay at ${sandboxUrls.Razorpay}; no real money)`
        : process.env.RAZORPAY_KEY_ID
          ? `cash on delivery and Razorpay (${process.env.RAZORPAY_KEY_ID.startsWith("rzp_live_") ? "live" : "Razorpay test keys"})`
          : "cash on delivery only"
    }`,
    `  SMS              ${
      sandboxUrls.Twilio
        ? `TEST MODE (fake Twilio at ${sandboxUrls.Twilio}; delivery reports to ${process.env.TWILIO_STATUS_CALLBACK_URL})`
        : process.env.TWILIO_ACCOUNT_SID
          ? `Twilio (delivery reports to ${process.env.TWILIO_STATUS_CALLBACK_URL})`
          : "off"
    }`,
    `  WhatsApp         ${
      sandboxUrls.WhatsApp
        ? `TEST MODE (fake WhatsApp Cloud API at ${sandboxUrls.WhatsApp}; webhook ${backendUrl}/hooks/whatsapp)`
        : process.env.WHATSAPP_ACCESS_TOKEN
          ? `WhatsApp Cloud API (webhook ${backendUrl}/hooks/whatsapp)`
          : "off"
    }`,
    `  Images           ${process.env.CLOUDINARY_URL ? `Cloudinary (cloud ${new URL(process.env.CLOUDINARY_URL).hostname})` : `local files in ${path.relative(ROOT, process.env.UPLOAD_DIR) || process.env.UPLOAD_DIR}`}`,
    `  Database         ${usingEmbeddedPostgres ? `embedded PostgreSQL, data in .data/postgres${embeddedDataDir ? ` (→ ${embeddedDataDir})` : ""}` : redactUrl(process.env.DATABASE_URL)}`,
    `  Redis            ${process.env.REDIS_URL ? redactUrl(process.env.REDIS_URL) : "none: in-process event bus, workflows and locking (one process)"}`,
    ...(Object.keys(sandboxUrls).length && process.env.ALLOW_TEST_MODE === "true"
      ? [`\x1b[1;31m  TEST MODE: ${Object.keys(sandboxUrls).join(", ")} are fakes on this machine (ALLOW_TEST_MODE=true): no real money, no real messages.\x1b[0m`]
      : []),
    "Press Ctrl+C to stop.",
    "",
  ]
  process.stdout.write(lines.join("\n") + "\n")
}

export function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once("exit", resolve)
    child.kill("SIGTERM")
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref()
  })
}

// scripts/cluster.mjs imports the pieces above (database, sandboxes, secrets, build); only `node scripts/start.mjs` starts the shop.
const invokedDirectly = Boolean(process.argv[1]) && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (invokedDirectly) {
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await cleanup()
    process.exit(0)
  })
}

main().catch(async (error) => {
  await cleanup()
  if (error instanceof AlreadyRunning) {
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  }
  const sentence = error instanceof StartError ? error.message : `an unexpected error stopped the start: ${error?.stack ?? error}`
  process.stderr.write(`Sweet Shop cannot start: ${sentence}\n`)
  process.exit(1)
})
}
