import { spawnSync } from "child_process"
import path from "path"

/**
 * `npm start` as a person meets it when something is wrong: one sentence
 * naming what to fix, a non-zero exit, no stack trace.
 */
const root = path.resolve(__dirname, "..")

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      MEDUSA_DISABLE_TELEMETRY: "true",
      // The sandboxes (fake Razorpay, Twilio, WhatsApp) on ports the kernel picks: a shop started
      // by `npm start` holds their default ports (9410, 9420, 9430) while the tests run.
      SANDBOX_RAZORPAY_PORT: "0",
      SANDBOX_TWILIO_PORT: "0",
      SANDBOX_WHATSAPP_PORT: "0",
      ...env,
    },
    encoding: "utf8",
    timeout: 60_000,
  })
  const errorLines = result.stderr.split("\n").filter((line) => line.trim())
  return { status: result.status, errorLines }
}

describe("npm start with a bad DATABASE_URL", () => {
  it("says in one sentence that nothing answers there, hiding the password", () => {
    const { status, errorLines } = start({ DATABASE_URL: "postgres://shop:hunter2@localhost:1/sweetshop" })
    expect(status).toBe(1)
    expect(errorLines).toEqual([
      "Sweet Shop cannot start: DATABASE_URL is unusable: nothing answers at postgres://shop:***@localhost:1/sweetshop; is PostgreSQL running there?",
    ])
  })

  it("says in one sentence that it is not a URL", () => {
    const { status, errorLines } = start({ DATABASE_URL: "sweetshop-db" })
    expect(status).toBe(1)
    expect(errorLines).toEqual([
      "Sweet Shop cannot start: DATABASE_URL is invalid: it must be a URL like postgres://user:password@localhost:5432/sweetshop.",
    ])
  })

  it("says in one sentence that the host does not exist", () => {
    const { status, errorLines } = start({ DATABASE_URL: "postgres://postgres@no-such-host.invalid:5432/sweetshop" })
    expect(status).toBe(1)
    expect(errorLines).toHaveLength(1)
    expect(errorLines[0]).toMatch(/^Sweet Shop cannot start: DATABASE_URL is unusable: the host in .* cannot be found\.$/)
  })
})

describe("npm start on a Node.js the shop does not support", () => {
  // Medusa 2.21 runs on ^20.19.0 || >=22.12.0: older ones are named, before any of Medusa's code loads.
  it.each(["18.19.0", "20.11.1", "21.7.3", "22.3.0"])("names Node.js %s in one sentence and exits 1", (version) => {
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`,
        path.join(root, "scripts/start.mjs"),
      ],
      { cwd: root, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" }, encoding: "utf8", timeout: 60_000 }
    )
    expect(result.status).toBe(1)
    expect(result.stderr.split("\n").filter((line) => line.trim())).toEqual([
      `Sweet Shop needs Node.js 20.19 or newer (22.12 or newer on Node.js 22), and this is Node.js ${version}: install a supported version from https://nodejs.org and run npm start again.`,
    ])
    expect(result.stdout).toBe("")
  })
})

describe("npm start when a fake's default port is taken", () => {
  it("starts that fake on a free port instead of dying with EADDRINUSE", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const net = require("net") as typeof import("net")
    const holder = net.createServer()
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", () => resolve()))
    const taken = (holder.address() as import("net").AddressInfo).port
    try {
      const result = spawnSync(process.execPath, [path.join(root, "scripts/start.mjs")], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          MEDUSA_DISABLE_TELEMETRY: "true",
          SANDBOX_RAZORPAY_PORT: String(taken),
          SANDBOX_TWILIO_PORT: "0",
          SANDBOX_WHATSAPP_PORT: "0",
          DATABASE_URL: "postgres://shop:hunter2@localhost:1/sweetshop",
        },
        encoding: "utf8",
        timeout: 60_000,
      })
      expect(result.stderr).not.toContain("EADDRINUSE")
      const fake = /fake Razorpay at http:\/\/127\.0\.0\.1:(\d+)/.exec(result.stdout)
      expect(fake).not.toBeNull()
      expect(Number(fake![1])).not.toBe(taken)
      // It went on to the next step, and stopped there with that step's own sentence.
      expect(result.stderr.split("\n").filter((line) => line.trim())).toEqual([
        "Sweet Shop cannot start: DATABASE_URL is unusable: nothing answers at postgres://shop:***@localhost:1/sweetshop; is PostgreSQL running there?",
      ])
    } finally {
      holder.close()
    }
  })
})

/** Runs a snippet against scripts/lib/running-shop.mjs in a child (the module is ESM), without blocking this process. */
function withRunningShop(snippet: string): Promise<{ stdout: string; stderr: string }> {
  const lib = path.join(root, "scripts/lib/running-shop.mjs")
  const code = `import { claimShop } from ${JSON.stringify(lib)}\n${snippet}`
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFile } = require("child_process") as typeof import("child_process")
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(Object.assign(error, { stdout, stderr })) : resolve({ stdout, stderr })
    )
  )
}

describe("one shop per folder (.data/shop.json)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require("os") as typeof import("os")
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require("fs") as typeof import("fs")
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-claim-"))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("takes over the claim of a start that was killed (its pid is gone)", async () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid
    fs.writeFileSync(path.join(dir, "shop.json"), JSON.stringify({ pid: gone, backendUrl: "http://localhost:1", storefrontUrl: "http://localhost:2" }))
    const result = await withRunningShop(`await claimShop({ dataDir: ${JSON.stringify(dir)}, backendUrl: "http://localhost:3", storefrontUrl: "http://localhost:4" }); console.log(process.pid)`)
    expect(result.stderr).toBe("")
    expect(JSON.parse(fs.readFileSync(path.join(dir, "shop.json"), "utf8"))).toMatchObject({ pid: Number(result.stdout.trim()), backendUrl: "http://localhost:3" })
  })

  it("refuses while the start holding the claim runs: 'already runs' when its URL answers, 'already starting' before", async () => {
    // A stand-in for a running `npm start`: a live process whose command line names start.mjs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spawn } = require("child_process") as typeof import("child_process")
    const standIn = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "start.mjs"], { stdio: "ignore" })
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const http = require("http") as typeof import("http")
    const backend = http.createServer((req, res) => res.writeHead(req.url === "/health" ? 200 : 404).end("OK"))
    await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", () => resolve()))
    const backendUrl = `http://127.0.0.1:${(backend.address() as import("net").AddressInfo).port}`
    try {
      const claim = (url: string) => {
        fs.writeFileSync(path.join(dir, "shop.json"), JSON.stringify({ pid: standIn.pid, backendUrl: url, storefrontUrl: "http://localhost:8123" }))
        return withRunningShop(`try { await claimShop({ dataDir: ${JSON.stringify(dir)}, backendUrl: "x", storefrontUrl: "y" }); console.log("claimed") } catch (e) { console.log(e.message) }`)
      }
      expect((await claim(backendUrl)).stdout.trim()).toBe(
        `Sweet Shop already runs at http://localhost:8123 (store API and admin at ${backendUrl}, pid ${standIn.pid}); stop it (Ctrl+C where it runs, or kill ${standIn.pid}) before starting it again.`
      )
      expect((await claim("http://127.0.0.1:1")).stdout.trim()).toBe(
        `Sweet Shop is already starting in this folder (pid ${standIn.pid}, for http://127.0.0.1:1); wait for it, or stop it (kill ${standIn.pid}) before starting it again.`
      )
      expect(JSON.parse(fs.readFileSync(path.join(dir, "shop.json"), "utf8")).pid).toBe(standIn.pid)
    } finally {
      standIn.kill()
      backend.close()
    }
  })
})
