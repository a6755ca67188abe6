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
