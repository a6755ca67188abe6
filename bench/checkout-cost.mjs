#!/usr/bin/env node
// What one cash-on-delivery checkout costs the server, as work rather than time:
// CPU milliseconds of the server's process tree, PostgreSQL transactions and rows
// touched, Redis commands. Work per checkout hardly depends on what else the
// machine is doing (time does), so the issue-18 levers can be compared one by one
// on a shared machine.
//
//   npm run bench:checkout-cost -- [--checkouts 30] [--only stock,ours,…]
//
// Set-ups (each on its own fresh database with the bench catalogue):
//   stock          stock Medusa, its eight checkout calls
//   ours           ours as `npm start` runs it with Redis (Redis event bus, workflow engine, locking, cache)
//   ours-memory    ours with Medusa's in-process modules (no REDIS_URL): the workflow checkpoints in memory
//   ours-server    ours in Medusa's server mode: the per-order subscribers do not run in this process
//   ours-no-pools  ours without the gram-inventory plugin (GRAM_POOL_CHECKS=false): the ceiling of what
//                  the pool checks and the pool lock at completion cost
//
// Each checkout is measured twice: the requests alone (CPU spent while they ran), and after the
// server has gone quiet (the subscribers' work for the order included, in shared mode).
// Writes bench/results/checkout-cost.{md,json}.
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { provideTestPostgres, withClient } from "../scripts/lib/postgres.mjs"
import { BACKEND, DATA, ROOT } from "../scripts/lib/shop.mjs"
import { quantile } from "./lib/load.mjs"
import { treeCpuMs } from "./lib/memory.mjs"
import { checkout, ensurePluginsBuilt, log, redisUrlIfAny, setupShop, STOCK_APP } from "./lib/shops.mjs"

const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const CHECKOUTS = Number(flag("checkouts", "30"))
const WARMUP = 5
const RESULTS = path.join(ROOT, "bench", "results")

const SETUPS = [
  { id: "stock", label: "stock Medusa", cwd: STOCK_APP, env: () => ({}) },
  { id: "ours", label: "ours (Redis modules, shared mode)", cwd: BACKEND, env: (redis) => ({ REDIS_URL: redis }) },
  { id: "ours-memory", label: "ours, in-process modules (no Redis)", cwd: BACKEND, env: () => ({}) },
  { id: "ours-server", label: "ours, server mode (subscribers elsewhere)", cwd: BACKEND, env: (redis) => ({ REDIS_URL: redis, MEDUSA_WORKER_MODE: "server" }) },
  { id: "ours-no-pools", label: "ours without gram-inventory (GRAM_POOL_CHECKS=false)", cwd: BACKEND, env: (redis) => ({ REDIS_URL: redis, GRAM_POOL_CHECKS: "false" }) },
]

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function pgCounters(databaseUrl, name) {
  return withClient(databaseUrl, async (c) => {
    await c.query("select pg_stat_clear_snapshot()")
    const { rows } = await c.query(
      `select xact_commit + xact_rollback as xacts, tup_returned + tup_fetched as rows_read, tup_inserted + tup_updated + tup_deleted as rows_written
         from pg_stat_database where datname = $1`,
      [name]
    )
    return { xacts: Number(rows[0].xacts), rowsRead: Number(rows[0].rows_read), rowsWritten: Number(rows[0].rows_written) }
  })
}

/** Redis's count of commands processed (the whole server: other users of this Redis add to it). */
async function redisCommands(redisUrl) {
  if (!redisUrl) return 0
  const { hostname, port } = new URL(redisUrl)
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname, () => socket.write("INFO stats\r\n"))
    let text = ""
    socket.on("data", (d) => {
      text += d
      const m = /total_commands_processed:(\d+)/.exec(text)
      if (m) {
        socket.end()
        resolve(Number(m[1]))
      }
    })
    socket.on("error", () => resolve(0))
  })
}

/** Waits until the server's CPU stays still for a second (its subscribers have finished). */
async function quiet(pid) {
  let last = treeCpuMs(pid)
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1000))
    const now = treeCpuMs(pid)
    if (now - last < 30) return
    last = now
  }
}

async function measure(shop, redis) {
  const pid = shop.server.child.pid
  for (let i = 0; i < WARMUP; i++) await checkout(shop, 9000 + i)
  await quiet(pid)
  const cpu0 = treeCpuMs(pid)
  const pg0 = await pgCounters(shop.databaseUrl, shop.name)
  const redis0 = await redisCommands(redis)
  const times = []
  let busyMs = 0
  for (let i = 0; i < CHECKOUTS; i++) {
    const c = treeCpuMs(pid)
    const t = performance.now()
    await checkout(shop, i)
    times.push(performance.now() - t)
    busyMs += treeCpuMs(pid) - c
  }
  await quiet(pid)
  const cpu1 = treeCpuMs(pid)
  const pg1 = await pgCounters(shop.databaseUrl, shop.name)
  const redis1 = await redisCommands(redis)
  const per = (a, b) => (b - a) / CHECKOUTS
  return {
    requestCpuMs: busyMs / CHECKOUTS,
    allCpuMs: per(cpu0, cpu1),
    medianMs: quantile(times, 0.5),
    // The two counter reads themselves are two transactions of their own.
    xacts: per(pg0.xacts + 2, pg1.xacts),
    rowsRead: per(pg0.rowsRead, pg1.rowsRead),
    rowsWritten: per(pg0.rowsWritten, pg1.rowsWritten),
    redisCommands: redis ? per(redis0 + 1, redis1) : null,
  }
}

function report(rows, meta) {
  const stock = rows.find((r) => r.id === "stock")
  const base = rows.find((r) => r.id === "ours")
  const f = (n, d = 0) => (n == null ? "—" : n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d }))
  const ratio = (a, b) => (a != null && b ? `${(a / b).toFixed(2)}×` : "—")
  const lines = [
    "# What one checkout costs the server",
    "",
    `Measured ${meta.measuredAt} on ${meta.machine}, load average ${meta.loadBefore} before and ${meta.loadAfter} after (other work on the machine changes times, hardly the work). ` +
      `${CHECKOUTS} cash-on-delivery checkouts one after another per set-up after ${WARMUP} to warm up; each on a fresh database with the bench catalogue. ` +
      "CPU is the server process tree's user + system time; \"with its after-work\" waits until the server is quiet, so the subscribers' work for each order is counted in shared mode. " +
      "Redis commands are the whole Redis server's (other users of it add noise).",
    "",
    "| set-up | CPU during the requests (ms) | CPU with its after-work (ms) | vs stock | vs ours | PostgreSQL transactions (a statement outside one counts one) | rows read | rows written | Redis commands | median time (ms) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.label} | ${f(r.requestCpuMs)} | ${f(r.allCpuMs)} | ${ratio(r.allCpuMs, stock?.allCpuMs)} | ${ratio(r.allCpuMs, base?.allCpuMs)} | ${f(r.xacts, 1)} | ${f(r.rowsRead)} | ${f(r.rowsWritten)} | ${f(r.redisCommands, 1)} | ${f(r.medianMs)} |`
    ),
    "",
  ]
  return lines.join("\n")
}

async function main() {
  ensurePluginsBuilt()
  const only = flag("only", "")
  const setups = only ? SETUPS.filter((s) => only.split(",").includes(s.id)) : SETUPS
  const db = await provideTestPostgres({ dataDir: path.join(DATA, "bench-postgres"), log })
  const dbBase = `postgres://${encodeURIComponent(process.env.DB_USERNAME)}:${encodeURIComponent(process.env.DB_PASSWORD)}@${process.env.DB_HOST}:${process.env.DB_PORT}`
  const redis = await redisUrlIfAny()
  const loadBefore = os.loadavg()[0].toFixed(1)
  const rows = []
  try {
    for (const setup of setups) {
      const env = setup.env(redis)
      if (env.REDIS_URL === null || (("REDIS_URL" in env) && !env.REDIS_URL)) {
        log(`${setup.label}: skipped, no Redis answers on 127.0.0.1:6379`)
        continue
      }
      const name = `sweetshop_bench_cost_${setup.id.replace(/-/g, "_")}`
      const shop = await setupShop({ name, label: setup.label, cwd: setup.cwd, port: await freePort(), dbBase, extraEnv: env })
      try {
        const result = await measure(shop, env.REDIS_URL)
        rows.push({ id: setup.id, label: setup.label, ...result })
        log(`${setup.label}: ${result.allCpuMs.toFixed(0)} ms CPU per checkout (${result.requestCpuMs.toFixed(0)} during the requests), ${result.xacts.toFixed(1)} transactions`)
      } finally {
        shop.memory.stop()
        shop.server.child.kill("SIGTERM")
        await new Promise((r) => setTimeout(r, 1500))
        await withClient(`${dbBase}/postgres`, (c) => c.query(`drop database if exists "${name}" with (force)`)).catch(() => {})
      }
    }
    const meta = {
      measuredAt: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
      loadBefore,
      loadAfter: os.loadavg()[0].toFixed(1),
      checkouts: CHECKOUTS,
      redis,
    }
    const md = report(rows, meta)
    fs.mkdirSync(RESULTS, { recursive: true })
    fs.writeFileSync(path.join(RESULTS, "checkout-cost.md"), md)
    fs.writeFileSync(path.join(RESULTS, "checkout-cost.json"), JSON.stringify({ meta, rows }, null, 2) + "\n")
    process.stdout.write(`\n${md}\n`)
  } finally {
    await db.stop()
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exit(1)
})
