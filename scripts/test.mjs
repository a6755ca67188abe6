#!/usr/bin/env node
// `npm test`: the typecheck and every test of every workspace, then one summary line.
//   1. the build of packages/shop-contracts (everything imports it), `npm run typecheck` in each workspace that has one, `medusa plugin:build` in each plugin,
//      and `medusa build` of the backend (admin left out; compiled against the generated types).
//   2. jest at the root (tests/: the start command, docker-compose.yml), then `npm test`
//      in each workspace that has a test script (the backend's integration tests find
//      or start their own PostgreSQL: see backend/integration-tests/global-setup.mjs).
// Ends with each skipped test and its reason, then "Tests: N passed, N failed, N skipped", where a
// typecheck or build that failed counts as one failed test; exits non-zero on any failure.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { BACKEND, buildContracts, medusa, pluginDirs, ROOT, run, workspaces } from "./lib/shop.mjs"

const { readSkipLog } = createRequire(import.meta.url)("./lib/skips.cjs")

process.env.MEDUSA_DISABLE_TELEMETRY = "true"
// Tests that skip themselves write their reason here (scripts/lib/skips.cjs); the summary lists them.
const skipLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-skips-")), "skipped.jsonl")
process.env.SWEETSHOP_SKIP_LOG = skipLog

const npm = process.platform === "win32" ? "npm.cmd" : "npm"
const totals = { passed: 0, failed: 0, skipped: 0 }
const problems = []
/** Every test jest reported as skipped (pending, todo): where, and its full name. */
const skippedTests = []

/** A failure outside jest (typecheck, build): one failed "test" in the closing line, named above it. */
function failedStep(problem) {
  problems.push(problem)
  totals.failed += 1
}

async function jestRun(label, command, args, cwd) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-jest-")), "report.json")
  process.stdout.write(`\n=== tests: ${label} ===\n`)
  const { code } = await run(command, [...args, "--json", `--outputFile=${report}`], { cwd })
  if (!fs.existsSync(report)) {
    failedStep(`${label}: the test run did not finish (exit ${code})`)
    return
  }
  const result = JSON.parse(fs.readFileSync(report, "utf8"))
  totals.passed += result.numPassedTests
  totals.failed += result.numFailedTests
  totals.skipped += result.numPendingTests + result.numTodoTests
  for (const suite of result.testResults) {
    for (const test of suite.assertionResults) {
      if (["pending", "skipped", "todo", "disabled"].includes(test.status)) {
        skippedTests.push({ label, file: path.relative(ROOT, suite.name), name: test.fullName ?? test.title })
      }
    }
  }
  // A suite that failed to load counts no tests but is a failure all the same.
  const brokenSuites = result.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0)
  totals.failed += brokenSuites.length
  if (code !== 0 || result.numFailedTests || brokenSuites.length) {
    problems.push(`${label}: ${result.numFailedTests} failed test(s), ${brokenSuites.length} suite(s) that did not run`)
  }
  if (result.numTotalTests === 0) problems.push(`${label}: no tests ran`)
}

async function main() {
  const all = workspaces().map((dir) => ({ dir, name: path.relative(ROOT, dir), scripts: JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).scripts ?? {} }))

  // Everything else imports the contracts' build output (types included), so they come first.
  process.stdout.write("\n=== build: packages/shop-contracts ===\n")
  try {
    await buildContracts()
    process.stdout.write("contracts built\n")
  } catch (error) {
    process.stdout.write(error.output ?? String(error))
    failedStep("packages/shop-contracts: the build failed")
  }

  for (const ws of all.filter((w) => w.scripts.typecheck)) {
    process.stdout.write(`\n=== typecheck: ${ws.name} ===\n`)
    const { code } = await run(npm, ["run", "--silent", "typecheck"], { cwd: ws.dir })
    if (code !== 0) failedStep(`${ws.name}: typecheck failed`)
    else process.stdout.write("typecheck passed\n")
  }

  // The backend's integration tests load the plugins' build output.
  for (const dir of pluginDirs()) {
    process.stdout.write(`\n=== build: ${path.relative(ROOT, dir)} ===\n`)
    try {
      await medusa(["plugin:build"], { cwd: dir, quiet: true })
      process.stdout.write("plugin built\n")
    } catch (error) {
      process.stdout.write(error.output ?? String(error))
      failedStep(`${path.relative(ROOT, dir)}: the plugin did not build`)
    }
  }

  // The backend as `npm start` builds it: `medusa build` first generates Query's entity types
  // (.medusa/types) and compiles against them, which the typecheck above cannot see on a fresh
  // clone. It builds a copy of the backend under .data/ (node resolves the same node_modules from
  // there), so a shop started by `npm start` keeps its own build (backend/.medusa/server) while
  // the tests run. The admin is left out (the browser tests do not need it).
  process.stdout.write("\n=== build: backend (as npm start compiles it) ===\n")
  const copy = path.join(ROOT, ".data", `backend-build-check-${process.pid}`)
  try {
    fs.rmSync(copy, { recursive: true, force: true })
    fs.mkdirSync(copy, { recursive: true })
    for (const entry of ["src", "medusa-config.ts", "tsconfig.json", "package.json"]) {
      fs.cpSync(path.join(BACKEND, entry), path.join(copy, entry), { recursive: true })
    }
    await medusa(["build"], {
      cwd: copy,
      quiet: true,
      env: { ...process.env, DISABLE_ADMIN: "true", DATABASE_URL: process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres" },
    })
    process.stdout.write("backend built\n")
  } catch (error) {
    process.stdout.write(error.output ?? String(error))
    failedStep("backend: medusa build failed")
  } finally {
    fs.rmSync(copy, { recursive: true, force: true })
  }

  await jestRun("repository (tests/)", process.execPath, [path.join(ROOT, "node_modules/jest/bin/jest.js"), "-c", "jest.config.js"], ROOT)
  for (const ws of all.filter((w) => w.scripts.test)) {
    // A workspace whose tests come in parts (the backend: in-process suites two at a time, then the
    // multi-process suites one at a time, as they share one Redis) runs each part with its own report.
    const parts = Object.keys(ws.scripts).filter((name) => name.startsWith("test:"))
    if (!parts.length) await jestRun(ws.name, npm, ["run", "--silent", "test", "--"], ws.dir)
    for (const part of parts) await jestRun(`${ws.name} (${part.slice("test:".length)})`, npm, ["run", "--silent", part, "--"], ws.dir)
  }

  // Written synchronously so the summary is whole and last, even through a pipe.
  const summary = [
    "",
    ...skippedLines(),
    ...problems.map((problem) => `FAILED ${problem}`),
    `Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
    "",
  ].join("\n")
  fs.writeSync(1, summary)
  process.exitCode = problems.length ? 1 : 0
}

/** "SKIPPED <where> › <test>: <reason>" for every skipped test, the reason from the skip log. */
function skippedLines() {
  // The most precise note first (a describe block's name before a word it contains).
  const reasons = readSkipLog(skipLog).sort((a, b) => b.test.length - a.test.length)
  return skippedTests.map(({ label, file, name }) => {
    const noted = reasons.find((r) => name.includes(r.test) || file.includes(r.test))
    return `SKIPPED ${label}: ${file} › ${name}: ${noted ? noted.reason : "no reason given (it.skip / it.todo in the test file)"}`
  })
}

main().catch((error) => {
  process.stderr.write(`npm test could not run: ${error?.stack ?? error}\n`)
  process.exit(1)
})
