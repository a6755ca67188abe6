#!/usr/bin/env node
// `npm run start:cluster`: the shop as it runs on several machines, on this one, without Docker.
//   N Medusa server processes (MEDUSA_WORKER_MODE=server, one port each), one worker
//   (MEDUSA_WORKER_MODE=worker: subscribers, scheduled jobs), Debian's nginx in front of the
//   servers (deploy/nginx/proxy.conf), all on the local PostgreSQL and Redis, which are started
//   when installed and down (as .ci/run does). The same topology as docker-compose.yml.
//
//   node scripts/cluster.mjs [--servers N] [--port P] [--host H] [--single] [--from-sources]
//                            [--dir DIR] [--state FILE]
//     --servers N     server processes (default: the number of cores)
//     --port P        nginx's port (default PORT or 9000; 0: a free port)
//     --host H        nginx's address (default 127.0.0.1; 0.0.0.0 to serve other machines)
//     --single        one process in Medusa's shared mode (server and worker), still behind nginx
//     --from-sources  run the backend's sources (no build; the tests), not the production build
//     --dir DIR       nginx's configuration, pid and logs, each process's log (default .data/cluster)
//     --state FILE    where the running cluster is described, as JSON (default DIR/cluster.json)
//
// A server or the worker that dies is started again on its port (after 1 s, longer when it keeps
// dying at once); nginx skips a dead server meanwhile. Ctrl+C (or SIGTERM) stops everything.
import "./lib/node-version.mjs"
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { answers, redactUrl } from "./lib/postgres.mjs"
import { BACKEND, backendNodeArgs, BUILD, DATA, loadRootEnv, medusa, MEDUSA_CLI } from "./lib/shop.mjs"
import { findNginx, startNginx } from "./lib/cluster-nginx.mjs"
import {
  allowLocalTrial,
  buildIfChanged,
  cleanup,
  cleanups,
  ensureLocalSecrets,
  isSeeded,
  linkUploads,
  preparePostgres,
  readPublishableKey,
  sandboxUrls,
  startSandboxes,
  stopChild,
} from "./start.mjs"
const { freePort, answersOn } = createRequire(import.meta.url)("./lib/ports.cjs")

const say = (line) => process.stdout.write(`[cluster] ${line}\n`)

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  if (i < 0) return fallback
  const value = process.argv[i + 1]
  if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value.`)
  return value
}
const flag = (name) => process.argv.includes(`--${name}`)

const SINGLE = flag("single")
const FROM_SOURCES = flag("from-sources")
const SERVERS = SINGLE ? 1 : Number(option("servers", os.availableParallelism?.() ?? os.cpus().length))
const DIR = path.resolve(option("dir", path.join(DATA, "cluster")))
const STATE_FILE = path.resolve(option("state", path.join(DIR, "cluster.json")))
const HOST = option("host", "127.0.0.1")

let stopping = false
/** Every backend process of the cluster, as the state file describes it. */
const members = []
let nginx

async function main() {
  if (!Number.isInteger(SERVERS) || SERVERS < 1 || SERVERS > 64) throw new Error("--servers must be a whole number from 1 to 64.")
  loadRootEnv()
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  process.env.NODE_ENV ??= "production"
  const nginxBin = findNginx()
  if (!nginxBin) throw new Error("nginx is not installed: `apt-get install nginx` (Debian's package), or set NGINX_BIN to its path.")
  fs.mkdirSync(DIR, { recursive: true })

  const wanted = Number(option("port", process.env.PORT || 9000))
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new Error("--port must be a port number (0 for a free one).")
  if (wanted && (await answersOn(wanted))) throw new Error(`port ${wanted} is taken (another shop or program answers there); pass --port with another, or 0 for a free one.`)
  const port = wanted || (await freePort())
  const publicUrl = `http://${HOST === "0.0.0.0" ? "localhost" : HOST}:${port}`
  process.env.MEDUSA_BACKEND_URL ||= publicUrl
  process.env.TWILIO_STATUS_CALLBACK_URL ||= `${process.env.MEDUSA_BACKEND_URL.replace(/\/+$/, "")}/hooks/twilio/status`
  process.env.UPLOAD_DIR ??= path.join(DATA, "uploads")
  process.env.STOREFRONT_URL ||= `http://localhost:${process.env.STOREFRONT_PORT || 8000}`
  // nginx appends the client's address to X-Forwarded-For: one proxy of our own in front.
  process.env.TRUST_PROXY_HOPS ||= "1"
  allowLocalTrial()
  ensureLocalSecrets()
  fs.mkdirSync(process.env.UPLOAD_DIR, { recursive: true })

  await prepareRedis()
  await prepareLocalPostgres()
  await startSandboxes()
  const appDir = FROM_SOURCES ? BACKEND : BUILD
  if (!FROM_SOURCES) {
    await buildIfChanged()
    linkUploads(appDir)
  }
  say("Applying database migrations…")
  await medusa(["db:migrate"], { cwd: appDir, quiet: true })
  if (!(await isSeeded())) {
    say("Empty database: seeding the sweet shop…")
    await medusa(["exec", FROM_SOURCES ? "./src/scripts/seed.ts" : "./src/scripts/seed.js"], { cwd: appDir, quiet: true })
  }
  const publishableKey = await readPublishableKey()

  const roles = SINGLE ? [{ name: "server-1", mode: "shared" }] : [
    ...Array.from({ length: SERVERS }, (_, i) => ({ name: `server-${i + 1}`, mode: "server" })),
    { name: "worker", mode: "worker" },
  ]
  for (const role of roles) {
    members.push({ ...role, port: await freePort(), metricsPort: role.mode === "worker" ? await freePort() : undefined, pid: null, restarts: 0, healthy: false, appDir })
  }
  say(`Starting ${SINGLE ? "one shared-mode process" : `${SERVERS} server process${SERVERS > 1 ? "es" : ""} and a worker`} (logs in ${path.relative(process.cwd(), DIR) || DIR}/)…`)
  for (const member of members) launch(member)
  await waitFor("every process's /health", async () => {
    const failing = members.find((m) => m.restarts >= 3)
    if (failing) throw new Error(`${failing.name} exited ${failing.restarts + 1} times while starting; see ${path.join(DIR, `${failing.name}.log`)}`)
    return members.every((m) => m.healthy)
  }, 300_000)

  nginx = startNginx({ bin: nginxBin, dir: DIR, listen: `${HOST}:${port}`, serverPorts: members.filter((m) => m.mode !== "worker").map((m) => m.port) })
  cleanups.push(() => stopChild(nginx))
  nginx.on("exit", (code, signal) => {
    if (stopping) return
    process.stderr.write(`[cluster] nginx exited (${signal ?? `code ${code}`}): ${nginx.output()}\n`)
    shutdown(1)
  })
  await waitFor(`nginx on ${publicUrl}`, async () => (await fetch(`${publicUrl}/health`).catch(() => null))?.ok, 20_000)

  writeState({ url: publicUrl, port, publishableKey })
  const lines = [
    "",
    `Sweet Shop cluster is running at ${publicUrl} (nginx → ${members.filter((m) => m.mode !== "worker").length} server${SERVERS > 1 ? "s" : ""}${SINGLE ? " in shared mode" : " + 1 worker"})`,
    ...members.map((m) => `  ${m.name.padEnd(9)} pid ${m.pid}, port ${m.port} (${m.mode})`),
    `  nginx     pid ${nginx.pid}, ${path.join(DIR, "nginx.conf")}`,
    `  Redis     ${redactUrl(process.env.REDIS_URL)} (sessions, rate limits, locks, caches, events, workflows, jobs)`,
    `  Database  ${redactUrl(process.env.DATABASE_URL)}`,
    `  Store API ${publicUrl}/store/products (publishable key ${publishableKey ?? "none"})`,
    `  Admin     ${publicUrl}/app${FROM_SOURCES ? " (not built with --from-sources)" : ""}`,
    ...(Object.keys(sandboxUrls).length ? [`  TEST MODE ${Object.entries(sandboxUrls).map(([n, u]) => `${n} ${u}`).join(", ")}`] : []),
    `  State     ${STATE_FILE}`,
    "Press Ctrl+C to stop.",
    "",
  ]
  process.stdout.write(lines.join("\n") + "\n")
}

/** The state file: the public URL and every process's pid and port (the chaos test and the rush bench read it). */
let stateBase = {}
function writeState(base) {
  if (base) stateBase = base
  const state = {
    ...stateBase,
    supervisor: process.pid,
    nginx: nginx ? { pid: nginx.pid, config: path.join(DIR, "nginx.conf"), access_log: path.join(DIR, "nginx-access.log") } : null,
    processes: members.map(({ name, mode, port, metricsPort, pid, restarts, healthy }) => ({ name, mode, port, metrics_port: metricsPort, pid, restarts, healthy, log: path.join(DIR, `${name}.log`) })),
  }
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true })
  fs.writeFileSync(`${STATE_FILE}.tmp`, JSON.stringify(state, null, 2))
  fs.renameSync(`${STATE_FILE}.tmp`, STATE_FILE)
}

/**
 * Starts one backend process; it is healthy once its /health answers. Whenever it dies (killed,
 * crashed, or during the first start), it is started again on the same port.
 */
function launch(member) {
  const log = fs.openSync(path.join(DIR, `${member.name}.log`), "a")
  const env = {
    ...process.env,
    MEDUSA_WORKER_MODE: member.mode,
    PORT: String(member.port),
    ...(member.mode === "worker" ? { DISABLE_ADMIN: "true", METRICS_PORT: String(member.metricsPort) } : {}),
    ...(FROM_SOURCES ? { DISABLE_ADMIN: "true" } : {}),
  }
  const child = spawn(process.execPath, [...backendNodeArgs(), MEDUSA_CLI, "start"], { cwd: member.appDir, env, stdio: ["ignore", log, log] })
  fs.closeSync(log)
  const startedAt = Date.now()
  member.pid = child.pid
  member.healthy = false
  member.child = child
  writeState()
  child.on("exit", (code, signal) => {
    member.healthy = false
    if (stopping) return
    const ranMs = Date.now() - startedAt
    // A process that keeps dying at once is retried less often (up to every 30 s).
    member.backoff = ranMs < 30_000 ? Math.min(30_000, (member.backoff ?? 500) * 2) : 1000
    say(`${member.name} (pid ${member.pid}) exited (${signal ?? `code ${code}`}); starting it again in ${member.backoff / 1000} s (log: ${path.join(DIR, `${member.name}.log`)})`)
    writeState()
    setTimeout(() => {
      if (stopping) return
      member.restarts += 1
      launch(member)
    }, member.backoff)
  })
  // Healthy once /health answers from this very process.
  ;(async () => {
    while (!stopping && child.exitCode === null && child.signalCode === null) {
      if ((await fetch(`http://127.0.0.1:${member.port}/health`).catch(() => null))?.ok && child.exitCode === null) {
        member.healthy = true
        writeState()
        if (member.restarts > 0 && nginx) say(`${member.name} rejoined (pid ${member.pid}, port ${member.port})`)
        return
      }
      await new Promise((r) => setTimeout(r, 300))
    }
  })()
}

async function waitFor(what, probe, ms) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await probe()) return
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`${what} did not answer within ${Math.round(ms / 1000)} s.`)
}

/** PING over a socket: true when a Redis answers at the URL. */
function redisAnswers(url) {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || "127.0.0.1", port: Number(port || 6379) })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once("error", () => done(false))
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (d) => done(/^\+PONG|^-NOAUTH/.test(String(d))))
  })
}

const installed = (command) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0

/**
 * REDIS_URL, else the local Redis on 6379. When nothing answers there and redis-server is installed,
 * it is started for the cluster (a child with its data in DIR/redis, stopped with the cluster).
 */
async function prepareRedis() {
  process.env.REDIS_URL ||= "redis://127.0.0.1:6379"
  const url = process.env.REDIS_URL
  if (await redisAnswers(url)) return say(`Redis: ${redactUrl(url)}`)
  const { hostname, port } = new URL(url)
  if (!["127.0.0.1", "localhost"].includes(hostname) || !installed("redis-server")) {
    throw new Error(`Redis does not answer at ${redactUrl(url)}: the cluster shares sessions, locks, caches, events and workflows through it. Start one (apt-get install redis-server) or set REDIS_URL.`)
  }
  const dir = path.join(DIR, "redis")
  fs.mkdirSync(dir, { recursive: true })
  const redis = spawn("redis-server", ["--bind", "127.0.0.1", "--port", String(port || 6379), "--dir", dir, "--save", "", "--appendonly", "yes"], { stdio: "ignore" })
  cleanups.push(() => stopChild(redis))
  await waitFor("Redis", () => redisAnswers(url), 10_000)
  say(`Redis was down: started redis-server on ${redactUrl(url)} (data in ${path.relative(process.cwd(), dir)}/).`)
}

/**
 * DATABASE_URL, else the local PostgreSQL on 5432 (started with pg_ctlcluster when installed and
 * down, as .ci/run does) and its database `sweetshop`; else the embedded PostgreSQL of npm start.
 */
async function prepareLocalPostgres() {
  if (!process.env.DATABASE_URL) {
    const local = `postgres://${process.env.PGUSER || "postgres"}@127.0.0.1:5432/postgres`
    if (!(await answers(local)) && installed("pg_ctlcluster") && fs.existsSync("/etc/postgresql")) {
      const version = fs.readdirSync("/etc/postgresql").sort().pop()
      if (version) {
        say(`PostgreSQL is down: pg_ctlcluster ${version} main start`)
        spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "ignore" })
      }
    }
    if (await answers(local)) process.env.DATABASE_URL = local.replace(/\/postgres$/, `/${option("database", "sweetshop")}`)
  }
  await preparePostgres()
}

async function shutdown(code) {
  if (stopping) return
  stopping = true
  say("Stopping…")
  await Promise.all(members.map((m) => (m.child ? stopChild(m.child) : undefined)))
  await cleanup()
  fs.rmSync(STATE_FILE, { force: true })
  process.exit(code)
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shutdown(0))

main().catch(async (error) => {
  process.stderr.write(`Sweet Shop cluster cannot start: ${error.output ? `${error.message}\n${error.output}` : error.message}\n`)
  await shutdown(1)
})
