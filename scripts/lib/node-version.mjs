// The Node.js versions the shop runs on: Medusa 2.21's own range (^20.19.0 || >=22.12.0).
// start.mjs imports this first, so an older Node stops with one sentence, not a stack trace
// from deep inside Medusa.

/** One sentence when `version` (like "18.19.0") cannot run the shop, else null. */
export function nodeVersionProblem(version) {
  const [major, minor] = String(version).replace(/^v/, "").split(".").map(Number)
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23
  if (supported) return null
  return `Sweet Shop needs Node.js 20.19 or newer (22.12 or newer on Node.js 22), and this is Node.js ${version}: install a supported version from https://nodejs.org and run npm start again.`
}

const problem = nodeVersionProblem(process.versions.node)
if (problem) {
  process.stderr.write(`${problem}\n`)
  process.exit(1)
}
