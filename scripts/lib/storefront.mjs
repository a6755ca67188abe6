// The storefront for `npm start` and the storefront's browser tests: build it
// when its sources changed since the last build, start `next start`, wait for it.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { ROOT, run } from "./shop.mjs"

const { assertPortFree, ownsPort } = createRequire(import.meta.url)("./ports.cjs")

export const STOREFRONT = path.join(ROOT, "storefront")
const STAMP = path.join(STOREFRONT, ".next", ".sweetshop-build")

/** The Next.js CLI of the storefront's own (nested) install. */
export function nextCli() {
  const require = createRequire(path.join(STOREFRONT, "package.json"))
  return path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next")
}

/** A fingerprint of everything the storefront's build depends on. */
function fingerprint() {
  const hash = crypto.createHash("sha256")
  const roots = ["package.json", "next.config.ts", "tsconfig.json", "src", "public"].map((p) => path.join(STOREFRONT, p))
  roots.push(path.join(ROOT, "package-lock.json"))
  for (const root of roots) {
    if (!fs.existsSync(root)) continue
    const files = fs.statSync(root).isDirectory()
      ? fs.readdirSync(root, { recursive: true }).map((f) => path.join(root, String(f)))
      : [root]
    for (const file of files.sort()) {
      if (file.includes(`${path.sep}__tests__${path.sep}`)) continue
      const stat = fs.statSync(file)
      if (stat.isFile()) hash.update(`${path.relative(ROOT, file)}:${stat.size}:${stat.mtimeMs}\n`)
    }
  }
  return hash.digest("hex")
}

/**
 * `next build` unless the last build was made from the same sources. The build
 * needs no backend: every page reads the catalogue when it is requested.
 * Resolves with true when it built, false when it was up to date.
 */
export async function buildStorefrontIfChanged({ say = () => {}, quiet = true } = {}) {
  const print = fingerprint()
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === print) return false
  say("Building the storefront (next build)…")
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" }
  const { code, output } = await run(process.execPath, [nextCli(), "build"], { cwd: STOREFRONT, env, quiet })
  if (code !== 0) {
    const error = new Error(`next build failed (exit ${code})`)
    error.output = output
    throw error
  }
  fs.writeFileSync(STAMP, print)
  return true
}

/**
 * Starts `next start` on a port with the backend it talks to, and resolves once
 * it answers. The backend URL and publishable key are read at request time
 * (server side), so one build serves any backend. The port must be free, and
 * only the storefront started here is taken as the one answering.
 */
export async function startStorefront({ port, backendUrl, publishableKey, env = {}, quiet = false, timeoutMs = 60_000 }) {
  await assertPortFree(port, "the storefront")
  const child = spawn(process.execPath, [nextCli(), "start", "-p", String(port)], {
    cwd: STOREFRONT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      MEDUSA_BACKEND_URL: backendUrl,
      MEDUSA_PUBLISHABLE_KEY: publishableKey ?? "",
      ...env,
    },
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
  })
  let output = ""
  child.stdout?.on("data", (d) => (output += d))
  child.stderr?.on("data", (d) => (output += d))
  const url = `http://localhost:${port}`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the storefront exited (code ${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) {
        if (child.exitCode !== null || ownsPort(child.pid, port) === false) {
          child.kill("SIGKILL")
          throw Object.assign(new Error(`something other than the storefront started here answers on port ${port}`), { notOurs: true })
        }
        return { url, process: child, output: () => output }
      }
    } catch (error) {
      if (error?.notOurs) throw error
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  child.kill("SIGKILL")
  throw new Error(`the storefront did not answer at ${url} within ${timeoutMs / 1000} s:\n${output}`)
}
