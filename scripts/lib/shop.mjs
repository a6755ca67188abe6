// Shared pieces of `npm start` and `npm test`: where things are, how to run
// the Medusa CLI, and how to read the root .env.
import { spawn } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const BACKEND = path.join(ROOT, "backend")
export const BUILD = path.join(BACKEND, ".medusa", "server")
export const DATA = path.join(ROOT, ".data")
export const PLUGINS = path.join(ROOT, "plugins")

const require = createRequire(path.join(BACKEND, "package.json"))
export const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js")

/**
 * The backend's V8 heap ceiling (old space, MB). Medusa keeps about 250 MB
 * alive; with no ceiling V8 lets garbage pile up to about 1 GB of RSS under
 * load on a machine with plenty of memory (docs/performance.md has the
 * measurements behind this figure). BACKEND_HEAP_MB=0 leaves V8's default.
 */
export const DEFAULT_BACKEND_HEAP_MB = 448

/** Node flags for a backend process (`npm start`, the benchmark's "ours"). */
export function backendNodeArgs(env = process.env) {
  const mb = Number(env.BACKEND_HEAP_MB ?? DEFAULT_BACKEND_HEAP_MB)
  if (!Number.isInteger(mb) || mb < 0) throw new Error(`BACKEND_HEAP_MB must be a whole number of megabytes (0 for V8's default), not ${env.BACKEND_HEAP_MB}`)
  return mb > 0 ? [`--max-old-space-size=${mb}`] : []
}

/** Loads ROOT/.env into process.env; variables already set win. */
export function loadRootEnv() {
  const file = path.join(ROOT, ".env")
  if (!fs.existsSync(file)) return
  const before = { ...process.env }
  process.loadEnvFile(file)
  Object.assign(process.env, before)
}

/** Runs a command, streaming its output; resolves with its exit code. */
export function run(command, args, { cwd = ROOT, env = process.env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" })
    let output = ""
    if (quiet) {
      child.stdout.on("data", (d) => (output += d))
      child.stderr.on("data", (d) => (output += d))
    }
    child.on("error", reject)
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }))
  })
}

/** Runs the Medusa CLI; throws with its output when it fails. */
export async function medusa(args, { cwd = BUILD, env = process.env, quiet = false } = {}) {
  const { code, output } = await run(process.execPath, [MEDUSA_CLI, ...args], { cwd, env, quiet })
  if (code !== 0) {
    const error = new Error(`medusa ${args.join(" ")} failed (exit ${code})`)
    error.output = output
    throw error
  }
  return output
}

/** Folders of the plugins under plugins/, each a package with a build script. */
export function pluginDirs() {
  if (!fs.existsSync(PLUGINS)) return []
  return fs
    .readdirSync(PLUGINS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(PLUGINS, d.name, "package.json")))
    .map((d) => path.join(PLUGINS, d.name))
}

/** packages/: the shared workspaces (shop-contracts) that plugins, backend and storefront import. */
export const PACKAGES = path.join(ROOT, "packages")

/**
 * Builds packages/shop-contracts (plain tsc, a few seconds): the plugins, the backend and the
 * storefront import its build output. `npm install` builds it too (the root postinstall).
 */
export async function buildContracts(options = {}) {
  const dir = path.join(PACKAGES, "shop-contracts")
  const { code, output } = await run(process.execPath, [path.join(dir, "build.mjs")], { cwd: dir, quiet: true, ...options })
  if (code !== 0) {
    const error = new Error(`packages/shop-contracts did not build (exit ${code})`)
    error.output = output
    throw error
  }
}

/** The folders of the root package.json's workspaces (packages/*, plugins/*, …) that hold a package.json, in order. */
export function workspaces() {
  const { workspaces: patterns } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
  const dirs = []
  for (const pattern of patterns) {
    if (pattern.endsWith("/*")) {
      const parent = path.join(ROOT, pattern.slice(0, -2))
      if (!fs.existsSync(parent)) continue
      for (const entry of fs.readdirSync(parent).sort()) dirs.push(path.join(parent, entry))
    } else {
      dirs.push(path.join(ROOT, pattern))
    }
  }
  return dirs.filter((dir) => fs.existsSync(path.join(dir, "package.json")))
}
