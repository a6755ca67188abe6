import { ChildProcess, spawn, spawnSync } from "child_process"
import path from "path"

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

/** Starts `medusa start` on a port and resolves once /health answers. */
export async function startServer(port: number, env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, [CLI, "start"], { cwd: BACKEND, env: { ...env, PORT: String(port) } })
  let output = ""
  child.stdout?.on("data", (d) => (output += d))
  child.stderr?.on("data", (d) => (output += d))
  const url = `http://localhost:${port}`
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited:\n${output}`)
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, process: child, output: () => output }
    } catch {}
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
