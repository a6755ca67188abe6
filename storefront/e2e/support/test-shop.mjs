// The whole shop for the browser tests, all real: PostgreSQL (found or embedded),
// a fresh database migrated and seeded by the backend's own seed, `medusa start`
// on the backend's sources, and the storefront's production build under `next start`.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { freePort, provideTestPostgres, withClient } from "../../../scripts/lib/postgres.mjs"
import { BACKEND, MEDUSA_CLI, medusa, pluginDirs, ROOT } from "../../../scripts/lib/shop.mjs"
import { buildStorefrontIfChanged, startStorefront } from "../../../scripts/lib/storefront.mjs"

const { assertPortFree, ownsPort } = createRequire(import.meta.url)("../../../scripts/lib/ports.cjs")

const log = (line) => process.stdout.write(`[storefront e2e] ${line}\n`)

/** The databases the browser tests of this checkout created and have not dropped yet (.data/, git-ignored). */
const ledger = {
  file: path.join(ROOT, ".data", "e2e-databases.json"),
  read() {
    try {
      return JSON.parse(fs.readFileSync(this.file, "utf8"))
    } catch {
      return []
    }
  },
  write(entries) {
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    fs.writeFileSync(this.file, JSON.stringify(entries, null, 2))
  },
  add(entry) {
    this.write([...this.read(), entry])
  },
  remove(name) {
    this.write(this.read().filter((entry) => entry.name !== name))
  },
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error?.code === "EPERM"
  }
}

function dbUrl(name) {
  const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
  const password = encodeURIComponent(process.env.DB_PASSWORD ?? "")
  return `postgres://${user}:${password}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? "5432"}/${name}`
}

/** Waits for /health from this backend process: a server that answers on the port but is not the child is refused. */
async function waitForHealth(url, port, child, output, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the backend exited (code ${child.exitCode}):\n${output()}`)
    let ok = false
    try {
      ok = (await fetch(`${url}/health`)).ok
    } catch {}
    if (ok) {
      if (ownsPort(child.pid, port) === false) throw new Error(`something other than the backend started here answers on port ${port}`)
      return
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the backend did not answer at ${url}/health:\n${output()}`)
}

function stop(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve()
    child.once("exit", () => resolve())
    child.kill("SIGTERM")
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref()
  })
}

/**
 * Starts everything; resolves with the URLs, the admin credentials' source and
 * a stop function that ends both servers and drops the database.
 */
export async function startTestShop({ storefrontPort, backendPort, withStorefront = true, withAdmin = false } = {}) {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  process.env.NEXT_TELEMETRY_DISABLED = "1"
  const database = await provideTestPostgres({ dataDir: path.join(ROOT, ".data", "test-postgres-storefront"), log })
  // A name no other run can have (on this machine or another sharing the server): this run creates
  // it, and drops it and nothing else. A run that was killed leaves its database in the ledger,
  // which the next run on this machine drops (its own creation, its process gone).
  const name = `sweetshop_storefront_e2e_${crypto.randomBytes(6).toString("hex")}`
  const server = `${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? "5432"}`
  await withClient(dbUrl("postgres"), async (c) => {
    for (const left of ledger.read().filter((entry) => entry.server === server && !alive(entry.pid))) {
      await c.query(`drop database if exists "${left.name.replace(/"/g, '""')}" with (force)`)
      ledger.remove(left.name)
    }
    ledger.add({ server, name, pid: process.pid })
    await c.query(`create database "${name}"`)
  })

  backendPort ??= await freePort()
  storefrontPort ??= await freePort()
  const backendUrl = `http://localhost:${backendPort}`
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const revalidateSecret = `e2e-${process.pid}-revalidate-secret`
  const trackingSecret = `e2e-${process.pid}-tracking-link-secret`
  const env = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: dbUrl(name),
    PORT: String(backendPort),
    MEDUSA_BACKEND_URL: backendUrl,
    STORE_CORS: storefrontUrl,
    LOG_LEVEL: "error",
    // The admin (tests/admin-order-page.spec.ts): served by Vite from the sources, NODE_ENV development.
    DISABLE_ADMIN: withAdmin ? "false" : "true",
    STOREFRONT_URL: storefrontUrl,
    STOREFRONT_REVALIDATE_SECRET: revalidateSecret,
    TRACKING_SECRET: trackingSecret,
    // The seed's staff login (no default password exists): e2e/support/shop-api.ts logs in with the same.
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || "e2e-admin-password",
  }
  delete env.REDIS_URL

  // Online payments go to the sandbox's fake Razorpay (its API for the backend, its checkout.js for the page).
  const { startFakeRazorpay, startFakeTwilio } = createRequire(import.meta.url)(path.join(ROOT, "sandbox"))
  // A payment link paid on the fake's page is reported to the backend as Razorpay's webhook would (payment_link.paid).
  const razorpay = await startFakeRazorpay({ port: 0, webhookUrl: `${backendUrl}/hooks/payment/razorpay_razorpay` })
  Object.assign(env, {
    RAZORPAY_KEY_ID: razorpay.keyId,
    RAZORPAY_KEY_SECRET: razorpay.keySecret,
    RAZORPAY_WEBHOOK_SECRET: razorpay.webhookSecret,
    RAZORPAY_API_BASE_URL: razorpay.url,
  })
  // Order SMS and "my orders" codes go to the sandbox's fake Twilio; tests read them from its list of messages.
  const twilio = await startFakeTwilio({ port: 0 })
  Object.assign(env, {
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_SMS_FROM: "+15005550006",
    TWILIO_API_BASE_URL: twilio.url,
  })
  const sms = { twilioUrl: twilio.url, twilioAccountSid: twilio.accountSid, twilioAuthToken: twilio.authToken }

  const started = []
  const stopAll = async () => {
    for (const child of started.reverse()) await stop(child)
    await razorpay.close()
    await twilio.close()
    await withClient(dbUrl("postgres"), (c) => c.query(`drop database if exists "${name}" with (force)`))
      .then(() => ledger.remove(name))
      .catch(() => {})
    await database.stop()
  }

  try {
    // The plugins' build output is what the backend loads (npm test builds them first); only
    // the plugins the backend depends on (a plugin being written beside it may not build yet).
    const backendDeps = Object.keys(JSON.parse(fs.readFileSync(path.join(BACKEND, "package.json"), "utf8")).dependencies ?? {})
    const used = pluginDirs().filter((dir) => backendDeps.includes(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).name))
    for (const dir of used) {
      if (!fs.existsSync(path.join(dir, ".medusa", "server"))) {
        log(`building ${path.relative(ROOT, dir)}`)
        await medusa(["plugin:build"], { cwd: dir, quiet: true })
      }
    }
    // The storefront builds while the database migrates; a failed build is reported after.
    const building = withStorefront ? buildStorefrontIfChanged({ say: log }).then(() => null, (error) => error) : null
    // Product pictures are uploaded to backend/static (git-ignored), which the backend serves at /static.
    // (npm run dev links it to .data/uploads; make sure whatever it names exists.)
    const staticDir = path.join(BACKEND, "static")
    let uploads = staticDir
    try {
      uploads = path.resolve(BACKEND, fs.readlinkSync(staticDir))
    } catch {}
    fs.mkdirSync(uploads, { recursive: true })
    log("migrating and seeding a fresh database")
    await medusa(["db:migrate"], { cwd: BACKEND, env, quiet: true })
    await medusa(["exec", "./src/scripts/seed.ts"], { cwd: BACKEND, env, quiet: true })
    await assertPortFree(backendPort, "the test backend")
    const backend = spawn(process.execPath, [MEDUSA_CLI, "start"], { cwd: BACKEND, env, stdio: ["ignore", "pipe", "pipe"] })
    started.push(backend)
    let backendOutput = ""
    backend.stdout.on("data", (d) => (backendOutput += d))
    backend.stderr.on("data", (d) => (backendOutput += d))
    await waitForHealth(backendUrl, backendPort, backend, () => backendOutput)

    const publishableKey = await withClient(dbUrl(name), async (c) => {
      const { rows } = await c.query("select token from api_key where type = 'publishable' and title = $1 and revoked_at is null limit 1", [
        "Sweet Shop Storefront",
      ])
      return rows[0].token
    })
    if (!withStorefront) return { backendUrl, publishableKey, databaseUrl: dbUrl(name), revalidateSecret, trackingSecret, ...sms, stop: stopAll }
    const buildError = await building
    if (buildError) throw new Error(`${buildError.message}\n${buildError.output ?? ""}`)
    const storefront = await startStorefront({
      port: storefrontPort,
      backendUrl,
      publishableKey,
      quiet: true,
      env: { STOREFRONT_REVALIDATE_SECRET: revalidateSecret, SITE_URL: storefrontUrl, RAZORPAY_CHECKOUT_URL: `${razorpay.url}/checkout.js` },
    })
    started.push(storefront.process)
    log(`backend ${backendUrl}, storefront ${storefrontUrl}`)
    return { backendUrl, storefrontUrl, publishableKey, databaseUrl: dbUrl(name), revalidateSecret, trackingSecret, ...sms, stop: stopAll }
  } catch (error) {
    await stopAll()
    throw error
  }
}
