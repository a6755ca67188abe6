import { spawn } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3"

/**
 * The parts of scripts/lib/backup.mjs around the archive: the copy to an S3-compatible bucket
 * (the AWS SDK's S3 client against s3rver, a local S3 server, on a free port), retention, the
 * default schedule in the server's time zone. The module is ESM, so each case runs it in a child.
 */
jest.setTimeout(60_000)

const ROOT = path.resolve(__dirname, "..")
const LIB = path.join(ROOT, "scripts", "lib", "backup.mjs")
const work = fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-backup-housekeeping-"))

/** Runs `code` as an ES module with `lib` imported; resolves with what it printed as JSON. */
function withLib(code: string, env: Record<string, string> = {}) {
  return new Promise<any>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", `import * as lib from ${JSON.stringify(LIB)}\n${code}`], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (err += d))
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop()
      if (code !== 0 || !line) return reject(new Error(`exit ${code}: ${err.trim().split("\n").slice(-3).join(" / ")}`))
      resolve(JSON.parse(line))
    })
  })
}

afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe("the copy to an S3-compatible bucket", () => {
  let server: { close(): Promise<void> } | undefined
  let port = 0

  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const S3rver = require("s3rver")
    const instance = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(work, "s3"), configureBuckets: [{ name: "shop-backups" }] })
    const address = await instance.run()
    port = address.port
    server = instance
  })
  afterAll(async () => server?.close())

  it("puts the archive and its checksum under the folder of BACKUP_S3_URL, byte for byte", async () => {
    const archive = path.join(work, "sweetshop-20261130T210000Z.tar")
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251
    fs.writeFileSync(archive, bytes)
    fs.writeFileSync(`${archive}.sha256`, `abc  ${path.basename(archive)}\n`)
    const env = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" }
    const url = `s3://shop-backups/nightly?endpoint=http://127.0.0.1:${port}&region=ap-south-1`
    const keys = await withLib(`console.log(JSON.stringify(await lib.copyToS3(${JSON.stringify(archive)}, ${JSON.stringify(url)})))`, env)
    expect(keys).toEqual(["s3://shop-backups/nightly/sweetshop-20261130T210000Z.tar", "s3://shop-backups/nightly/sweetshop-20261130T210000Z.tar.sha256"])

    const client = new S3Client({ region: "ap-south-1", endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } })
    const stored = await client.send(new GetObjectCommand({ Bucket: "shop-backups", Key: "nightly/sweetshop-20261130T210000Z.tar" }))
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(bytes)).toBe(true)
    client.destroy()

    // A bucket that does not exist is a failed copy, in a sentence naming it.
    const missing = await withLib(
      `try { await lib.copyToS3(${JSON.stringify(archive)}, ${JSON.stringify(url.replace("shop-backups", "no-such-bucket"))}); console.log("null") } catch (e) { console.log(JSON.stringify(e.message)) }`,
      env
    )
    expect(missing).toMatch(/^the copy to s3:\/\/no-such-bucket\/nightly failed: /)
    const wrong = await withLib(`try { await lib.copyToS3("x", "https://example.in/b") } catch (e) { console.log(JSON.stringify(e.message)) }`)
    expect(wrong).toBe("BACKUP_S3_URL must look like s3://bucket/folder (with ?endpoint=https://… for a service other than AWS).")
  })
})

describe("retention", () => {
  it("keeps the newest BACKUP_KEEP_DAILY archives and the newest of each of the last BACKUP_KEEP_WEEKLY weeks (India time)", async () => {
    const dir = path.join(work, "retention")
    fs.mkdirSync(dir)
    // One archive every night at 21:00 UTC (02:30 in India the next day) for 40 nights, and a stranger's file.
    const names: string[] = []
    for (let day = 0; day < 40; day++) {
      const at = new Date(Date.UTC(2026, 9, 1, 21, 0, 0) + day * 86_400_000)
      const name = `sweetshop-${at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}.tar`
      fs.writeFileSync(path.join(dir, name), "x")
      fs.writeFileSync(path.join(dir, `${name}.sha256`), "x")
      names.push(name)
    }
    fs.writeFileSync(path.join(dir, "notes.txt"), "keep me")
    const removed: string[] = await withLib(`console.log(JSON.stringify(lib.applyRetention(${JSON.stringify(dir)}, { keepDaily: 7, keepWeekly: 4 })))`)
    const kept = fs.readdirSync(dir).filter((n) => n.endsWith(".tar")).sort()
    // The last 7 nights, and for the 4 newest India weeks (Monday first) each week's newest.
    const newestSeven = names.slice(-7)
    expect(kept).toEqual(expect.arrayContaining(newestSeven))
    const weekOf = (name: string) => {
      const m = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(name)!
      const ist = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) + 330 * 60_000)
      const monday = new Date(Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate() - ((ist.getUTCDay() + 6) % 7)))
      return monday.toISOString().slice(0, 10)
    }
    const weeks = [...new Set(names.map(weekOf))].slice(-4)
    const weeklies = weeks.map((w) => names.filter((n) => weekOf(n) === w).pop()!)
    expect(kept).toEqual([...new Set([...weeklies, ...newestSeven])].sort())
    expect(removed.length + kept.length).toBe(40)
    // Checksums go with their archives; other files stay.
    for (const name of removed) expect(fs.existsSync(path.join(dir, `${name}.sha256`))).toBe(false)
    for (const name of kept) expect(fs.existsSync(path.join(dir, `${name}.sha256`))).toBe(true)
    expect(fs.existsSync(path.join(dir, "notes.txt"))).toBe(true)
  })
})

describe("the default schedule", () => {
  it("is 02:30 in India in the server's time zone, and BACKUP_CRON is checked", async () => {
    const cron = (tz: string) => withLib(`console.log(JSON.stringify(lib.defaultBackupCron(new Date("2026-11-30T12:00:00Z"))))`, { TZ: tz })
    expect(await cron("UTC")).toBe("0 21 * * *")
    expect(await cron("Asia/Kolkata")).toBe("30 2 * * *")
    expect(await cron("Europe/London")).toBe("0 21 * * *") // GMT in November
    const next = await withLib(`console.log(JSON.stringify((await lib.nextRun("0 21 * * *", new Date("2026-11-30T22:00:00Z"))).toISOString()))`, { TZ: "UTC" })
    expect(next).toBe("2026-12-01T21:00:00.000Z")
    const bad = await withLib(`try { await lib.nextRun("at night") } catch (e) { console.log(JSON.stringify(e.message)) }`)
    expect(bad).toBe('BACKUP_CRON is not a cron expression: "at night" (for example "0 21 * * *", or off).')
  })
})
