#!/usr/bin/env node
// `npm run test:mutation`: Stryker in every workspace that has a stryker.config.mjs
// (the modules that guard money, stock and privacy; docs/testing.md), then the
// mutation score of each module. Not part of `npm test`: it takes minutes.
//   npm run test:mutation                      every workspace
//   npm run test:mutation -- backend storefront  only these (folder names, as in the table)
//   npm run test:mutation -- --report            the table of the last runs' reports, running nothing
// Stryker's own output goes to reports/mutation/<workspace>.log; its JSON and HTML
// reports beside it, and the table in Markdown in reports/mutation/summary.md.
// Exits non-zero when a run fails or a module scores below 90 %.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { workspaces as workspaceDirs } from "./lib/shop.mjs"
import { REPORTS, ROOT } from "./lib/stryker.mjs"

const MINIMUM_SCORE = 90
const STRYKER = path.join(ROOT, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js")

function workspaces() {
  return workspaceDirs()
    .filter((dir) => fs.existsSync(path.join(dir, "stryker.config.mjs")))
    .map((dir) => ({ dir, name: path.relative(ROOT, dir).split(path.sep).join("/") }))
}

function runStryker(ws, logFile) {
  return new Promise((resolve) => {
    const log = fs.createWriteStream(logFile)
    const child = spawn(process.execPath, [STRYKER, "run", "stryker.config.mjs"], {
      cwd: ws.dir,
      env: { ...process.env, FORCE_COLOR: "0", MEDUSA_DISABLE_TELEMETRY: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    child.stdout.pipe(log, { end: false })
    child.stderr.pipe(log, { end: false })
    child.on("close", (code) => log.end(() => resolve(code ?? 1)))
  })
}

const DETECTED = new Set(["Killed", "Timeout"])
const UNDETECTED = new Set(["Survived", "NoCoverage"])

/** Per module: mutants, killed, timed out, survived, without coverage, rejected by the type checker, score. */
function moduleRows(ws, report) {
  return Object.entries(report.files).map(([file, { mutants }]) => {
    const count = (status) => mutants.filter((m) => m.status === status).length
    const detected = mutants.filter((m) => DETECTED.has(m.status)).length
    const undetected = mutants.filter((m) => UNDETECTED.has(m.status))
    const valid = detected + undetected.length
    return {
      module: `${ws.name}/${file}`,
      mutants: mutants.length,
      killed: count("Killed"),
      timeout: count("Timeout"),
      survived: count("Survived"),
      noCoverage: count("NoCoverage"),
      typeErrors: count("CompileError"),
      score: valid ? (100 * detected) / valid : 100,
      undetected: undetected.map((m) => ({ file: `${ws.name}/${file}`, ...m })),
    }
  })
}

function table(rows) {
  const head = ["module", "mutants", "killed", "timeout", "survived", "no cov", "type err", "score"]
  const body = rows.map((r) => [r.module, r.mutants, r.killed, r.timeout, r.survived, r.noCoverage, r.typeErrors, `${r.score.toFixed(1)} %`].map(String))
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n")
}

function markdownTable(rows) {
  const lines = ["| module | mutants | killed | timed out | survived | no coverage | type errors | score |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
  for (const r of rows) {
    lines.push(`| \`${r.module}\` | ${r.mutants} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.typeErrors} | ${r.score.toFixed(1)} % |`)
  }
  return `${lines.join("\n")}\n`
}

async function main() {
  const reportOnly = process.argv.includes("--report")
  const only = process.argv.slice(2).filter((arg) => arg !== "--report")
  const selected = workspaces().filter((ws) => !only.length || only.some((o) => ws.name === o || ws.name.endsWith(`/${o}`)))
  if (!selected.length) {
    console.error(`No workspace with a stryker.config.mjs matches ${only.join(", ")}.`)
    process.exit(2)
  }
  fs.mkdirSync(REPORTS, { recursive: true })
  const started = Date.now()
  const rows = []
  const problems = []
  for (const ws of selected) {
    const slug = ws.name.split("/").join("-")
    const logFile = path.join(REPORTS, `${slug}.log`)
    const reportFile = path.join(REPORTS, `${slug}.json`)
    if (reportOnly) {
      if (fs.existsSync(reportFile)) rows.push(...moduleRows(ws, JSON.parse(fs.readFileSync(reportFile, "utf8"))))
      else problems.push(`${ws.name}: no report yet (reports/mutation/${slug}.json)`)
      continue
    }
    fs.rmSync(reportFile, { force: true })
    const t0 = Date.now()
    process.stdout.write(`mutation testing ${ws.name} ... `)
    const code = await runStryker(ws, logFile)
    const seconds = Math.round((Date.now() - t0) / 1000)
    if (code !== 0 || !fs.existsSync(reportFile)) {
      process.stdout.write(`failed (exit ${code}, ${seconds} s): see ${path.relative(ROOT, logFile)}\n`)
      problems.push(`${ws.name}: Stryker did not finish (exit ${code})`)
      continue
    }
    const wsRows = moduleRows(ws, JSON.parse(fs.readFileSync(reportFile, "utf8")))
    rows.push(...wsRows)
    process.stdout.write(`${seconds} s, ${wsRows.reduce((n, r) => n + r.mutants, 0)} mutants\n`)
  }

  const undetected = rows.flatMap((r) => r.undetected)
  if (undetected.length) {
    console.log(`\nMutants no test detected (the reasons of those left on purpose: docs/testing.md):`)
    for (const m of undetected) {
      const { line, column } = m.location.start
      const replacement = m.replacement.replace(/\s+/g, " ").slice(0, 90)
      console.log(`  ${m.status.padEnd(10)} ${m.file}:${line}:${column}  ${m.mutatorName}  → ${replacement}`)
    }
  }
  console.log(`\n${table(rows)}\n`)
  // The same table in Markdown, for docs/testing.md.
  fs.writeFileSync(path.join(REPORTS, "summary.md"), markdownTable(rows))
  for (const r of rows) if (r.score < MINIMUM_SCORE) problems.push(`${r.module}: mutation score ${r.score.toFixed(1)} % is below ${MINIMUM_SCORE} %`)
  const minutes = ((Date.now() - started) / 60000).toFixed(1)
  if (problems.length) {
    console.log(problems.map((p) => `  ${p}`).join("\n"))
    console.log(`Mutation testing: ${rows.length} modules, ${problems.length} problem(s), ${minutes} min.`)
    process.exit(1)
  }
  console.log(`Mutation testing: ${rows.length} modules, every one at ${MINIMUM_SCORE} % or more, ${minutes} min.`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
