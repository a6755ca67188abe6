// Tests skipped on purpose say why, once, where `npm test` can list them.
//   noteSkipped("two server processes sharing Redis", "no Redis answers at redis://127.0.0.1:6379/7")
// prints the reason at once, and, under `npm test` (scripts/test.mjs sets SWEETSHOP_SKIP_LOG),
// appends it to the run's log of reasons; the summary prints every skipped test with its reason.
// CommonJS so jest configs, TypeScript tests (through swc) and the .mjs scripts can all load it.
"use strict"
const fs = require("node:fs")

/**
 * @param {string} test the skipped test's name, or the name of its describe block (matched as a part of the test's full name)
 * @param {string} reason one sentence: why it cannot run here, and what would let it run
 */
function noteSkipped(test, reason) {
  // Once per process (jest may load a config file twice); the environment survives module reloads.
  const key = `${test}\t${reason}`
  const noted = (process.env.SWEETSHOP_SKIPS_NOTED ?? "").split("\n")
  if (noted.includes(key)) return
  process.env.SWEETSHOP_SKIPS_NOTED = [...noted.filter(Boolean), key].join("\n")
  process.stdout.write(`[skipped] ${test}: ${reason}\n`)
  const log = process.env.SWEETSHOP_SKIP_LOG
  if (log) fs.appendFileSync(log, JSON.stringify({ test, reason }) + "\n")
}

/** The reasons noted so far in a log file: [{ test, reason }]. */
function readSkipLog(file) {
  if (!file || !fs.existsSync(file)) return []
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line)
      } catch {
        return null
      }
    })
    .filter(Boolean)
}

module.exports = { noteSkipped, readSkipLog }
