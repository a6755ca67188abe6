// Resident memory of a process and its descendants, from /proc (Linux).
import fs from "node:fs"

function children(pid) {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/))
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}

function rssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

/** RSS in MB of pid and everything it started. */
export function treeRssMb(pid) {
  const seen = new Set()
  const stack = [pid]
  let kb = 0
  while (stack.length) {
    const p = stack.pop()
    if (seen.has(p)) continue
    seen.add(p)
    kb += rssKb(p)
    stack.push(...children(p))
  }
  return kb / 1024
}

/** Samples a process tree's RSS every `everyMs`; `.peak` is the highest seen since the last reset. */
export function watchMemory(pid, everyMs = 200) {
  const watch = { peak: 0, reset: () => (watch.peak = treeRssMb(pid)), now: () => treeRssMb(pid) }
  const timer = setInterval(() => {
    watch.peak = Math.max(watch.peak, treeRssMb(pid))
  }, everyMs)
  timer.unref()
  watch.stop = () => clearInterval(timer)
  return watch
}

/** CPU time (user + system) in ms used so far by pid and everything it started that still runs, from /proc. */
export function treeCpuMs(pid) {
  const ticks = 100 // USER_HZ on Linux
  const seen = new Set()
  const stack = [pid]
  let total = 0
  while (stack.length) {
    const p = stack.pop()
    if (seen.has(p)) continue
    seen.add(p)
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks
    } catch {}
    stack.push(...children(p))
  }
  return total
}
