#!/usr/bin/env node
// Issue 9's fresh-clone goal: `npm install && npm start` ≤ 6 min. Clones this
// repository's HEAD (committed work only) into a temporary folder, runs
// `npm install`, then `npm start` on its defaults (embedded PostgreSQL, fakes of
// outside services) on ports of its own, and times until the backend's /health
// and the storefront's home page both answer. Then stops it and deletes the clone.
//
//   npm run bench:fresh-start            [-- --keep] keeps the clone and prints where
//
// Writes bench/results/latest-start.json and latest-start.md (npm run bench shows them too).
// npm's cache (~/.npm) is used as usual, so the install is faster than on a new
// machine that downloads every package; the figures say how warm the cache was.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { freePort } from "../scripts/lib/postgres.mjs"
import { ROOT } from "../scripts/lib/shop.mjs"

const RESULTS = path.join(ROOT, "bench", "results")
const GOAL_SECONDS = 6 * 60
const START_TIMEOUT_MS = 20 * 60_000
const KEEP = process.argv.includes("--keep")
const NPM = process.platform === "win32" ? "npm.cmd" : "npm"

const log = (line) => process.stdout.write(`[fresh-start] ${line}\n`)
const seconds = (since) => (performance.now() - since) / 1000

/**
 * This machine's environment without anything the shop reads (every variable
 * of .env.example, and the database variables of the tests): the clone starts
 * on its defaults, as on a new machine, whatever this shell has set.
 */
function cleanEnv() {
  const example = fs.readFileSync(path.join(ROOT, ".env.example"), "utf8")
  const shopVariables = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1])
  const env = { ...process.env }
  for (const name of [...shopVariables, "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD", "DATABASE_URL", "REDIS_URL", "NODE_ENV"]) delete env[name]
  for (const name of Object.keys(env)) if (name.startsWith("npm_") || name.startsWith("MEDUSA_") || name.startsWith("NEXT_")) delete env[name]
  return { ...env, MEDUSA_DISABLE_TELEMETRY: "true", NEXT_TELEMETRY_DISABLED: "1" }
}

/** Runs a command to its end, its output into a log file; resolves with the seconds it took. */
function timed(command, args, { cwd, env, logFile }) {
  return new Promise((resolve, reject) => {
    const began = performance.now()
    const out = fs.openSync(logFile, "a")
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", out, out] })
    child.on("error", reject)
    child.on("exit", (code) => {
      fs.closeSync(out)
      if (code === 0) resolve(seconds(began))
      else reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}); see ${logFile}`))
    })
  })
}

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
    await res.arrayBuffer()
    return res.ok
  } catch {
    return false
  }
}

/** Polls until every URL answers 200 (each once is enough); the seconds from `began`. */
async function untilAllAnswer(urls, child, began, logFile) {
  const pending = new Set(urls)
  const firstAnswer = {}
  while (pending.size) {
    if (child.exitCode !== null) throw new Error(`npm start exited (code ${child.exitCode}); see ${logFile}`)
    if (performance.now() - began > START_TIMEOUT_MS) throw new Error(`nothing answered at ${[...pending].join(", ")} within ${START_TIMEOUT_MS / 60_000} min; see ${logFile}`)
    for (const url of [...pending]) {
      if (await answers(url)) {
        firstAnswer[url] = seconds(began)
        pending.delete(url)
        log(`${url} answered after ${firstAnswer[url].toFixed(1)} s`)
      }
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return firstAnswer
}

/** SIGTERM to the whole process group of `npm start` (start.mjs stops its servers and PostgreSQL), SIGKILL after 30 s. */
function stopGroup(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal)
      } catch {}
    }
    const timer = setTimeout(() => kill("SIGKILL"), 30_000)
    child.once("exit", () => {
      clearTimeout(timer)
      setTimeout(resolve, 1000)
    })
    kill("SIGTERM")
  })
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return "(no output)"
  }
}

function npmCacheMb() {
  const r = spawnSync(NPM, ["config", "get", "cache"], { encoding: "utf8" })
  const dir = r.stdout?.trim()
  if (!dir || !fs.existsSync(dir)) return 0
  const du = spawnSync("du", ["-sm", dir], { encoding: "utf8" })
  return Number(du.stdout?.split(/\s/)[0]) || 0
}

function gitHead() {
  return spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim()
}

function writeResults(result) {
  fs.mkdirSync(RESULTS, { recursive: true })
  fs.writeFileSync(path.join(RESULTS, "latest-start.json"), JSON.stringify(result, null, 2) + "\n")
  const min = (s) => `${(s / 60).toFixed(1)} min (${Math.round(s)} s)`
  const md = [
    "# Fresh clone: `npm install && npm start`",
    "",
    `Measured ${result.measured_at} on ${result.machine}, commit ${result.commit}, by \`npm run bench:fresh-start\`: a \`git clone\` of HEAD into a temporary folder, \`npm install\`, then \`npm start\` on its defaults (embedded PostgreSQL, the fake outside services, backend on port ${result.ports.backend}, storefront on ${result.ports.storefront}) until the backend's \`/health\` and the storefront's home page answer.`,
    "",
    "| step | time |",
    "| --- | ---: |",
    `| \`npm install\` | ${min(result.install_seconds)} |`,
    `| \`npm start\` until the backend's /health answers | ${min(result.backend_ready_seconds)} |`,
    `| \`npm start\` until the storefront's home answers (both up) | ${min(result.start_seconds)} |`,
    `| **both** (goal ≤ 6 min) | **${min(result.total_seconds)}: ${result.goal_met ? "met" : "not met"}** |`,
    "",
    `npm's cache was warm (${result.npm_cache_mb.toLocaleString("en-IN")} MB in it before the install), so packages came from the disk: a new machine downloads them first, and its install takes longer by however long the network needs for them. The machine is shared with other work (2 cores), so the figures are noisy. \`npm start\` includes the builds of the plugins, the backend with its admin and the storefront, the embedded PostgreSQL's first \`initdb\`, the migrations and the seed.`,
    "",
  ].join("\n")
  fs.writeFileSync(path.join(RESULTS, "latest-start.md"), md)
  process.stdout.write(`\n${md}\n`)
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-fresh-"))
  // mkdtemp makes it 0700; run as root, the embedded PostgreSQL runs as its own user, which must reach its data folder.
  fs.chmodSync(workDir, 0o755)
  const clone = path.join(workDir, "sweet-shop")
  const logFile = path.join(workDir, "output.log")
  const env = cleanEnv()
  const ports = { backend: await freePort(), storefront: await freePort() }
  const startEnv = {
    ...env,
    PORT: String(ports.backend),
    STOREFRONT_PORT: String(ports.storefront),
    SANDBOX_RAZORPAY_PORT: String(await freePort()),
    SANDBOX_TWILIO_PORT: String(await freePort()),
    SANDBOX_WHATSAPP_PORT: String(await freePort()),
  }
  let server = null
  const interrupted = async () => {
    if (server) await stopGroup(server)
    if (!KEEP) fs.rmSync(workDir, { recursive: true, force: true })
    process.exit(130)
  }
  process.once("SIGINT", interrupted)
  process.once("SIGTERM", interrupted)
  try {
    const cacheMb = npmCacheMb()
    const commit = gitHead()
    log(`cloning ${ROOT} (HEAD ${commit}) into ${clone}`)
    const cloneSeconds = await timed("git", ["clone", "--quiet", "--no-hardlinks", ROOT, clone], { cwd: workDir, env, logFile })
    log(`npm install (output in ${logFile})…`)
    const installSeconds = await timed(NPM, ["install", "--no-audit", "--no-fund"], { cwd: clone, env, logFile })
    log(`npm install: ${installSeconds.toFixed(0)} s; npm start…`)
    const began = performance.now()
    const out = fs.openSync(logFile, "a")
    server = spawn(NPM, ["start"], { cwd: clone, env: startEnv, stdio: ["ignore", out, out], detached: true })
    const backendUrl = `http://localhost:${ports.backend}/health`
    const storefrontUrl = `http://localhost:${ports.storefront}/`
    const answered = await untilAllAnswer([backendUrl, storefrontUrl], server, began, logFile)
    const startSeconds = Math.max(...Object.values(answered))
    const total = installSeconds + startSeconds
    writeResults({
      measured_at: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, npm ${spawnSync(NPM, ["-v"], { encoding: "utf8" }).stdout.trim()}`,
      commit,
      ports,
      clone_seconds: cloneSeconds,
      install_seconds: installSeconds,
      backend_ready_seconds: answered[backendUrl],
      storefront_ready_seconds: answered[storefrontUrl],
      start_seconds: startSeconds,
      total_seconds: total,
      goal_seconds: GOAL_SECONDS,
      goal_met: total <= GOAL_SECONDS,
      npm_cache_mb: cacheMb,
      npm_cache_note: "npm's cache was warm: a new machine downloads every package first",
    })
    log(`results in ${path.relative(process.cwd(), path.join(RESULTS, "latest-start.md"))} and latest-start.json`)
  } catch (error) {
    process.stderr.write(`Last lines of the clone's output:\n${tail(logFile, 40)}\n`)
    throw error
  } finally {
    if (server) await stopGroup(server)
    if (KEEP) log(`kept ${clone}`)
    else {
      log(`deleting ${workDir}`)
      fs.rmSync(workDir, { recursive: true, force: true })
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exit(1)
})
