import { ChildProcess, spawn, spawnSync } from "child_process"
import path from "path"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ports = require("../../../scripts/lib/ports.cjs") as {
  freePort(): Promise<number>
  assertPortFree(port: number, what?: string): Promise<void>
  ownsPort(pid: number, port: number): boolean | undefined
}

/** A port the kernel has free now: never a fixed one, which a running shop or another run may hold. */
export const freePort = ports.freePort

/** Runs the real Medusa CLI on the backend's sources, as `medusa start` would in production. */
const BACKEND = path.resolve(__dirname, "../..")
const CLI = require.resolve("@medusajs/cli/cli.js", { paths: [BACKEND] })

export function medusaSync(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: BACKEND, env, encoding: "utf8", timeout: 180_000 })
  if (result.status !== 0) {
    throw new Error(`medusa ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`)
  }
}

export type Server = { url: string; process: ChildProcess; output: () => string }

/**
 * Starts `medusa start` on a port and resolves once /health answers from that
 * very process: the port must be free before, and the server that answers must
 * be the one started (never a shop or another run's server already there).
 */
export async function startServer(port: number, env: NodeJS.ProcessEnv): Promise<Server> {
  await ports.assertPortFree(port, `the server to start on ${port}`)
  const child = spawn(process.execPath, [CLI, "start"], { cwd: BACKEND, env: { ...env, PORT: String(port) } })
  let output = ""
  child.stdout?.on("data", (d) => (output += d))
  child.stderr?.on("data", (d) => (output += d))
  const url = `http://localhost:${port}`
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited:\n${output}`)
    try {
      if ((await fetch(`${url}/health`)).ok) {
        if (child.exitCode !== null || ports.ownsPort(child.pid!, port) === false) {
          child.kill("SIGKILL")
          throw new Error(`something other than the server started here answers on ${port}:\n${output}`)
        }
        return { url, process: child, output: () => output }
      }
    } catch (error: any) {
      if (String(error?.message).startsWith("something other")) throw error
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  child.kill("SIGKILL")
  throw new Error(`the server on ${port} did not become healthy:\n${output}`)
}

export async function stopServer(server: Server | undefined) {
  if (!server || server.process.exitCode !== null) return
  await new Promise<void>((resolve) => {
    server.process.once("exit", () => resolve())
    server.process.kill("SIGTERM")
    setTimeout(() => server.process.kill("SIGKILL"), 10_000).unref()
  })
}
