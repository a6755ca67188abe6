// Ports for servers the tests (and npm start) start themselves: a free one from the kernel, a check
// that nothing answers on a port before a server is started there, and, once something answers,
// whether it is the process that was started (so a helper never takes a shop that already runs
// on the port, or another test run's server, for its own).
// CommonJS so the TypeScript tests (through swc) and the .mjs scripts can both load it.
"use strict"
const fs = require("node:fs")
const net = require("node:net")

/** A free TCP port on localhost, chosen by the kernel. */
function freePort() {
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

/** True when something accepts a connection on localhost:port (IPv4 or IPv6). */
function answersOn(port, timeoutMs = 1000) {
  const tryHost = (host) =>
    new Promise((resolve) => {
      const socket = net.connect({ port, host })
      const done = (result) => {
        socket.destroy()
        resolve(result)
      }
      socket.setTimeout(timeoutMs, () => done(false))
      socket.once("connect", () => done(true))
      socket.once("error", () => done(false))
    })
  return Promise.all([tryHost("127.0.0.1"), tryHost("::1")]).then((r) => r.some(Boolean))
}

/** Throws a sentence when a server already answers on the port (another shop, another run). */
async function assertPortFree(port, what = "the server") {
  if (await answersOn(port)) {
    throw new Error(`port ${port} is already taken by another process: ${what} would not be the one answering there`)
  }
}

/** The pid and every descendant's (a CLI may serve from a child process). */
function processTree(pid) {
  const pids = [pid]
  for (let i = 0; i < pids.length; i++) {
    let tasks = []
    try {
      tasks = fs.readdirSync(`/proc/${pids[i]}/task`)
    } catch {
      continue
    }
    for (const task of tasks) {
      try {
        const children = fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8").trim()
        for (const child of children.split(/\s+/).filter(Boolean)) pids.push(Number(child))
      } catch {}
    }
  }
  return pids
}

/** Socket inodes listening on the port, from /proc/net/tcp and tcp6. */
function listeningInodes(port) {
  const inodes = new Set()
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let lines = []
    try {
      lines = fs.readFileSync(table, "utf8").split("\n").slice(1)
    } catch {
      continue
    }
    for (const line of lines) {
      const cols = line.trim().split(/\s+/)
      if (cols.length < 10) continue
      const localPort = parseInt(cols[1].split(":").pop(), 16)
      if (localPort === port && cols[3] === "0A") inodes.add(cols[9])
    }
  }
  return inodes
}

/**
 * Whether the process (or one of its children) is the one listening on the port. Linux only
 * (/proc); elsewhere it answers `undefined` and the caller relies on having checked the port
 * was free before starting, and on the process still running.
 */
function ownsPort(pid, port) {
  if (!fs.existsSync("/proc/net/tcp")) return undefined
  const inodes = listeningInodes(port)
  if (!inodes.size) return false
  for (const p of processTree(pid)) {
    let fds = []
    try {
      fds = fs.readdirSync(`/proc/${p}/fd`)
    } catch {
      continue
    }
    for (const fd of fds) {
      try {
        const target = fs.readlinkSync(`/proc/${p}/fd/${fd}`)
        const m = /^socket:\[(\d+)\]$/.exec(target)
        if (m && inodes.has(m[1])) return true
      } catch {}
    }
  }
  return false
}

module.exports = { freePort, answersOn, assertPortFree, ownsPort }
