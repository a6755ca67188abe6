// One shop per folder: `npm start` claims .data/shop.json (its pid and URLs) before it starts
// anything, and a second `npm start` in the same folder reads it, checks that the pid is alive
// and that the shop answers at its URL, and says so in one sentence instead of failing later
// on a taken port.
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const { answersOn } = require("./ports.cjs")

export function lockFile(dataDir) {
  return path.join(dataDir, "shop.json")
}

function alive(pid) {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return error?.code === "EPERM"
  }
  // A pid the kernel gave to another program since: not the shop (Linux only; elsewhere, trust the pid).
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("start.mjs")
  } catch {
    return true
  }
}

async function healthy(url, timeoutMs = 2000) {
  try {
    const res = await fetch(`${url.replace(/\/+$/, "")}/health`, { signal: AbortSignal.timeout(timeoutMs) })
    return res.ok
  } catch {
    return false
  }
}

function readLock(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    return null
  }
}

/**
 * Claims the folder for this start. Resolves with a release function, or rejects with an Error
 * whose message is the one sentence to print (another start of this folder runs or is starting).
 */
export async function claimShop({ dataDir, backendUrl, storefrontUrl }) {
  const file = lockFile(dataDir)
  fs.mkdirSync(dataDir, { recursive: true })
  const mine = { pid: process.pid, backendUrl, storefrontUrl, startedAt: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine, null, 2) + "\n", { flag: "wx" })
      return function release() {
        if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true })
      }
    } catch (error) {
      if (error?.code !== "EEXIST") throw error
    }
    const other = readLock(file)
    if (other?.pid && other.pid !== process.pid && alive(other.pid)) {
      if (await healthy(other.backendUrl)) {
        throw new Error(
          `Sweet Shop already runs at ${other.storefrontUrl} (store API and admin at ${other.backendUrl}, pid ${other.pid}); stop it (Ctrl+C where it runs, or kill ${other.pid}) before starting it again.`
        )
      }
      throw new Error(`Sweet Shop is already starting in this folder (pid ${other.pid}, for ${other.backendUrl}); wait for it, or stop it (kill ${other.pid}) before starting it again.`)
    }
    // Left behind by a start that was killed: take it over.
    fs.rmSync(file, { force: true })
  }
  throw new Error(`${file} keeps changing under this start; is another npm start running in this folder?`)
}

/** One sentence when something already answers on the port this start needs, else null. */
export async function portTaken(port, { url, variable, what }) {
  if (!(await answersOn(port))) return null
  const shop = await healthy(url)
  return `${what} cannot listen on port ${port}: ${shop ? `a Sweet Shop from another folder already runs at ${url}` : "another program already uses it"}; stop it, or set ${variable} to a free port.`
}
