#!/usr/bin/env node
// CPU profile of one shop under one scenario of bench/speed.mjs: the server
// runs with --cpu-prof while the load runs, then stops; the profile is
// summarised by package and by function (self time).
//
//   node bench/profile.mjs --shop stock|ours --scenario list_default|checkout|… [--seconds 10]
//
// Writes bench/results/profile-<shop>-<scenario>.md (and the .cpuprofile beside it,
// git-ignored, for Chrome DevTools).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { provideTestPostgres, withClient } from "../scripts/lib/postgres.mjs"
import { BACKEND, DATA, ROOT } from "../scripts/lib/shop.mjs"
import { performance } from "node:perf_hooks"
import { load, quantile } from "./lib/load.mjs"
import { checkout, ensurePluginsBuilt, log, redisUrlIfAny, scenarios, setupShop, STOCK_APP } from "./lib/shops.mjs"

const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const SHOP = flag("shop", "ours")
const SCENARIO = flag("scenario", "list_default")
const SECONDS = Number(flag("seconds", "10"))
const RESULTS = path.join(ROOT, "bench", "results")

/** Self time by package and by function, from a V8 .cpuprofile. */
export function summarise(profile, { lastSeconds = Infinity, top = 25 } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map()
  // Only the samples of the last `lastSeconds` (the load), not the server's start.
  const at = []
  let t = 0
  for (const delta of profile.timeDeltas) at.push((t += delta))
  const from = t - lastSeconds * 1e6
  for (let i = 0; i < profile.samples.length; i++) {
    if (at[i] < from) continue
    const id = profile.samples[i]
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
  const byPackage = new Map()
  const byFunction = new Map()
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.startsWith("node:") ? "node (built-in)" : url ? "the shop's code" : functionName || "(native)")
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us)
    const fn = `${functionName || "(anonymous)"} ${url ? `${url.replace(/^.*node_modules\//, "").replace(ROOT + "/", "")}:${lineNumber + 1}` : ""}`.trim()
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us)
  }
  const table = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `| ${name.replace(/\|/g, "\\|")} | ${((100 * us) / total).toFixed(1)} % |`)
      .join("\n")
  return { totalMs: total / 1000, packages: table(byPackage), functions: table(byFunction) }
}

/** One shopper checking out again and again (cash on delivery), for as long as the load would run. */
function checkoutScenario(shop) {
  return {
    title: "COD checkout, one shopper at a time",
    async run(seconds) {
      const times = []
      const until = performance.now() + seconds * 1000
      for (let i = 0; performance.now() < until; i++) {
        const t = performance.now()
        await checkout(shop, i)
        times.push(performance.now() - t)
      }
      return { rps: times.length / seconds, p50: quantile(times, 0.5), p99: quantile(times, 0.99) }
    },
  }
}

async function main() {
  ensurePluginsBuilt()
  const db = await provideTestPostgres({ dataDir: path.join(DATA, "bench-postgres"), log })
  const dbBase = `postgres://${encodeURIComponent(process.env.DB_USERNAME)}:${encodeURIComponent(process.env.DB_PASSWORD)}@${process.env.DB_HOST}:${process.env.DB_PORT}`
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-cpuprof-"))
  const redis = SHOP === "ours" ? await redisUrlIfAny() : null
  const name = `sweetshop_profile_${SHOP}`
  let shop
  try {
    shop = await setupShop({
      name,
      label: SHOP,
      cwd: SHOP === "stock" ? STOCK_APP : BACKEND,
      port: 9821,
      dbBase,
      extraEnv: redis ? { REDIS_URL: redis } : {},
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
    })
    const scenario = SCENARIO === "checkout" ? checkoutScenario(shop) : scenarios(shop).find((s) => s.id === SCENARIO)
    if (!scenario) throw new Error(`no scenario ${SCENARIO}; try checkout, ${scenarios(shop).map((s) => s.id).join(", ")}`)
    const result = scenario.run ? await scenario.run(SECONDS) : await load({ makeRequest: scenario.make, concurrency: 10, seconds: SECONDS })
    log(`${SCENARIO} on ${SHOP}: ${result.rps.toFixed(1)} req/s, p99 ${result.p99.toFixed(0)} ms`)
    await new Promise((resolve) => {
      shop.server.child.once("exit", resolve)
      shop.server.child.kill("SIGTERM")
    })
    const file = fs.readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"))
    if (!file) throw new Error("the server wrote no CPU profile")
    const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8"))
    // The load and its warm-up, plus a second for the shutdown.
    const { totalMs, packages, functions } = summarise(profile, { lastSeconds: SECONDS + 3 })
    fs.mkdirSync(RESULTS, { recursive: true })
    const base = path.join(RESULTS, `profile-${SHOP}-${SCENARIO}`)
    fs.copyFileSync(path.join(profileDir, file), `${base}.cpuprofile`)
    const md = [
      `# CPU profile: ${SHOP === "stock" ? "stock Medusa" : "Sweet Shop"}, ${scenario.title}`,
      "",
      `${new Date().toISOString()}, ${os.cpus().length} cores. ${SECONDS} s of ${scenario.run ? "one shopper at a time" : "load at 10 clients"}: ${result.rps.toFixed(1)} req/s, p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms. Samples of the load only (its last ${SECONDS + 3} s): ${(totalMs / 1000).toFixed(1)} s.`,
      "",
      "Self time by package:",
      "",
      "| package | share |",
      "| --- | ---: |",
      packages,
      "",
      "Self time by function:",
      "",
      "| function | share |",
      "| --- | ---: |",
      functions,
      "",
    ].join("\n")
    fs.writeFileSync(`${base}.md`, md)
    process.stdout.write(`\n${md}\n`)
  } finally {
    if (shop && shop.server.child.exitCode === null) shop.server.child.kill("SIGKILL")
    shop?.memory.stop()
    await withClient(`${dbBase}/postgres`, (c) => c.query(`drop database if exists "${name}" with (force)`)).catch(() => {})
    fs.rmSync(profileDir, { recursive: true, force: true })
    await db.stop()
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exit(1)
})
