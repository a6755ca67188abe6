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
