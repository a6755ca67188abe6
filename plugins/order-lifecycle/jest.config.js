// The unit tests. The ones that count in Redis (src/lib/__tests__/rate-limit.spec.ts and the
// "fixed windows in Redis" of rate-limit-windows.spec.ts) need one running: without Redis they
// are skipped, with the reason printed (and listed by npm test), not failed.
const net = require("node:net")
const { noteSkipped } = require("../../scripts/lib/skips.cjs")

const base = {
  transform: {
    "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } }],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/.stryker-tmp/"],
  testMatch: ["<rootDir>/src/**/__tests__/**/*.spec.ts"],
}

/** True when a Redis server answers PING at the URL's host and port within a second. */
function redisAnswers(url) {
  return new Promise((resolve) => {
    let target
    try {
      target = new URL(url)
    } catch {
      return resolve(false)
    }
    const socket = net.connect({ host: target.hostname, port: Number(target.port || 6379) })
    const done = (result) => {
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once("error", () => done(false))
    socket.once("connect", () => socket.write("PING\r\n"))
    // "+PONG", or "-NOAUTH" from a server that wants a password: either way Redis is there.
    socket.once("data", (data) => done(/^[+-]/.test(String(data))))
  })
}

/** The test (src/lib/__tests__/rate-limit.spec.ts) that counts in a real Redis and has no guard of its own. */
const REDIS_TEST = "count in Redis across limiter instances"

module.exports = async () => {
  const url = process.env.SWEETSHOP_TEST_REDIS_URL ?? process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7"
  if (await redisAnswers(url)) {
    process.env.SWEETSHOP_TEST_REDIS_URL = url
    return base
  }
  noteSkipped(REDIS_TEST, `no Redis answers at ${url}; start one, or set TEST_REDIS_URL to one that runs`)
  // rate-limit-windows.spec.ts probes Redis itself and skips this block; the reason is noted here, once.
  noteSkipped("fixed windows in Redis", `no Redis answers at ${url}; start one, or set TEST_REDIS_URL to one that runs`)
  // That test is reported as skipped; every other test runs (test files that probe Redis themselves skip their own).
  return { ...base, testNamePattern: `^(?!.*${REDIS_TEST})` }
}
