import { spawnSync } from "child_process"
import crypto from "crypto"
import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import { startFakeRazorpay, startFakeTwilio } from "@sweetshop/sandbox"
import { freePort, medusaSync, Server, startServer, stopServer } from "../helpers/processes"
import { razorpayEnv, twilioEnv } from "../helpers/shopper"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { noteSkipped } = require("../../../scripts/lib/skips.cjs")
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { answersOn } = require("../../../scripts/lib/ports.cjs") as { answersOn(port: number): Promise<boolean> }

jest.setTimeout(420_000)

/**
 * GET /health/ready on a real `medusa start` using a Redis of this test's own (never the machine's
 * 6379): ready while Redis answers, 503 naming Redis while it is stopped, ready again once it is
 * back, and GET /health (liveness) 200 throughout. Outside services are reported, not required:
 * Razorpay (the fake, running) up, Twilio (a fake that was stopped) down, the shop still ready.
 * The same server logs with LOG_FORMAT=json: one line per request, its id carried into the lines
 * the request's work writes, phones masked.
 */
const SUITE = "GET /health/ready follows Redis down and up"
const redisServer = spawnSync("redis-server", ["--version"], { encoding: "utf8" })
const haveRedis = !redisServer.error && redisServer.status === 0
if (!haveRedis) noteSkipped(SUITE, "redis-server is not installed here (apt-get install redis-server); this test starts a Redis of its own")
const describeWithRedis = haveRedis ? describe : describe.skip

const dbUrl = (name: string) =>
  `postgres://${encodeURIComponent(process.env.DB_USERNAME ?? "postgres")}:${encodeURIComponent(process.env.DB_PASSWORD ?? "")}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? "5432"}/${name}`

/** Waits until the check holds (the probes run in the background: the answer follows them). */
async function until<T>(read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read()
    if (holds(value)) return value
    await new Promise((r) => setTimeout(r, 250))
  }
}

describeWithRedis(SUITE, () => {
  const database = `sweetshop_health_${crypto.randomBytes(6).toString("hex")}`
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-redis-"))
  const pidFile = path.join(folder, "redis.pid")
  let redisPort: number
  let server: Server | undefined
  let razorpayFake: Awaited<ReturnType<typeof startFakeRazorpay>>

  function startRedis() {
    const started = spawnSync(
      "redis-server",
      ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "yes", "--pidfile", pidFile, "--dir", folder],
      { encoding: "utf8" }
    )
    if (started.status !== 0) throw new Error(`redis-server did not start: ${started.stderr}${started.stdout}`)
    return until(() => answersOn(redisPort), Boolean)
  }

  /** Stops this test's own Redis, by the pid it wrote, and waits until nothing answers on its port. */
  async function stopRedis() {
    const pid = Number(fs.readFileSync(pidFile, "utf8").trim())
    process.kill(pid, "SIGTERM")
    await until(() => answersOn(redisPort), (answers) => !answers)
  }

  const ready = async () => {
    const response = await fetch(`${server!.url}/health/ready`)
    return { status: response.status, body: (await response.json()) as any }
  }

  beforeAll(async () => {
    redisPort = await freePort()
    await startRedis()
    const admin = new Client({ connectionString: dbUrl("postgres") })
    await admin.connect()
    await admin.query(`create database "${database}"`)
    await admin.end()
    razorpayFake = await startFakeRazorpay()
    const twilioFake = await startFakeTwilio()
    const twilio = twilioEnv(twilioFake)
    await twilioFake.close() // configured, but nothing answers there any more
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: dbUrl(database),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      HEALTH_PROBE_INTERVAL_SECONDS: "1",
      MEDUSA_DISABLE_TELEMETRY: "true",
      // The JSON logs (lib/request-context.ts), at the level that includes the request lines.
      LOG_FORMAT: "json",
      LOG_LEVEL: "http",
      DISABLE_ADMIN: "true",
      ...razorpayEnv(razorpayFake),
      ...twilio,
    }
    medusaSync(["db:migrate"], env)
    server = await startServer(await freePort(), env)
  })

  afterAll(async () => {
    await stopServer(server)
    await razorpayFake?.close()
    if (fs.existsSync(pidFile)) {
      try {
        process.kill(Number(fs.readFileSync(pidFile, "utf8").trim()), "SIGTERM")
      } catch {}
    }
    const admin = new Client({ connectionString: dbUrl("postgres") })
    await admin.connect()
    await admin.query(`drop database if exists "${database}" with (force)`)
    await admin.end()
    fs.rmSync(folder, { recursive: true, force: true })
  })

  it("is ready with the database and Redis up, and reports each outside service with its state and latency", async () => {
    const { status, body } = await until(ready, (r) => r.body.dependencies.redis.state !== "unknown")
    expect(status).toBe(200)
    expect(body.status).toBe("ready")
    expect(body.dependencies.database).toMatchObject({ state: "up", required: true })
    expect(body.dependencies.redis).toMatchObject({ state: "up", required: true })
    expect(typeof body.dependencies.redis.latency_ms).toBe("number")
    expect(body.dependencies.razorpay).toMatchObject({ state: "up", required: false })
    expect(body.dependencies.twilio).toMatchObject({ state: "down", required: false })
    expect(body.dependencies.whatsapp.state).toBe("off")
    expect(body.dependencies.cloudinary.state).toBe("off")
    // Nothing secret in the report: no URL, no key.
    expect(JSON.stringify(body)).not.toMatch(/redis:\/\/|postgres:\/\/|rzp_test_|sandbox-key-secret/)
  })

  it("answers 503 naming Redis while Redis is stopped, and ready again once it is back; /health stays 200", async () => {
    await stopRedis()
    const down = await until(ready, (r) => r.body.dependencies.redis.state === "down")
    expect(down.status).toBe(503)
    expect(down.body.status).toBe("not_ready")
    expect(down.body.dependencies.database.state).toBe("up")
    expect((await fetch(`${server!.url}/health`)).status).toBe(200)

    await startRedis()
    const back = await until(ready, (r) => r.body.dependencies.redis.state === "up")
    expect(back.status).toBe(200)
    expect(back.body.status).toBe("ready")
  })

  it("writes one JSON line per request, carries its id into what the request's work logs, and masks phones", async () => {
    const lines = () =>
      server!
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line))
    const readyId = `test-ready-${crypto.randomBytes(4).toString("hex")}`
    const answered = await fetch(`${server!.url}/health/ready?phone=9876543210`, { headers: { "x-request-id": readyId } })
    expect(answered.headers.get("x-request-id")).toBe(readyId)
    const requestLine = await until(async () => lines().find((l) => l.request_id === readyId && l.message === "request"), (found) => Boolean(found))
    expect(requestLine).toMatchObject({ level: "http", method: "GET", route: "/health/ready", status: 200, request_id: readyId })
    expect(typeof requestLine.duration_ms).toBe("number")
    // The route, never the URL: no query string, so nothing a shopper typed.
    expect(JSON.stringify(requestLine)).not.toContain("9876543210")

    // A Razorpay webhook is processed inside its request: the plugin's log line carries the request's id.
    const webhookId = `test-hook-${crypto.randomBytes(4).toString("hex")}`
    const payment = {
      id: `pay_${crypto.randomBytes(7).toString("hex")}`,
      entity: "payment",
      amount: 50000,
      currency: "INR",
      status: "failed",
      order_id: null,
      method: "card",
      contact: "+919876543210",
      email: "priya@example.in",
      error_code: "BAD_REQUEST_ERROR",
      error_description: "Payment declined for +919876543210",
      created_at: Math.floor(Date.now() / 1000),
    }
    const delivery = razorpayFake.webhook("payment.failed", payment as any)
    const hook = await fetch(`${server!.url}/hooks/payment/razorpay_razorpay`, {
      method: "POST",
      body: delivery.body,
      headers: { ...delivery.headers, "x-request-id": webhookId },
    })
    expect(hook.status).toBe(200)
    const decision = await until(async () => lines().find((l) => l.request_id === webhookId && String(l.message).includes(payment.id)), (found) => Boolean(found))
    expect(decision.level).toBe("info")
    expect(decision.message).toContain("+91********10")
    expect(decision.message).not.toContain("9876543210")
    // Medusa's own access line (raw URL, client address) is not written: the shop's line replaces it.
    expect(lines().some((l) => "client_ip" in l)).toBe(false)
    const webhookLine = await until(async () => lines().filter((l) => l.request_id === webhookId && l.message === "request"), (found) => found.length > 0)
    expect(webhookLine).toHaveLength(1)
    expect(webhookLine[0]).toMatchObject({ method: "POST", route: "/hooks/payment/:provider", status: 200 })
  })
})
