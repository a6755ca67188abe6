// Runs in every test file before it loads: settings medusa-config.ts reads at require time.
process.env.MEDUSA_DISABLE_TELEMETRY = "true"
process.env.NODE_ENV = "test"
process.env.LOG_LEVEL = process.env.LOG_LEVEL || "error"
// The in-process tests run on Medusa's local event bus and in-memory workflow engine (they wait on the
// bus's subscribers: helpers/events.ts); a REDIS_URL from the shell would swap in the Redis modules.
// The multi-process tests pass their own Redis to the servers they start.
delete process.env.REDIS_URL

// When the runner drops its database at the end of a suite, knex logs every
// pooled connection it loses. That is expected and says nothing about the tests.
const log = console.log
console.log = (...args) => {
  if (typeof args[0] === "string" && args[0].startsWith("Connection Error: Connection ended unexpectedly")) return
  log(...args)
}

// Local uploads from tests go to a temporary folder, not into the working tree.
// One folder per jest worker: the in-process suites run two at a time.
process.env.UPLOAD_DIR =
  process.env.UPLOAD_DIR || require("path").join(require("os").tmpdir(), `sweetshop-test-uploads-${process.env.JEST_WORKER_ID ?? "1"}`)

// The seed's staff login: no fixed default exists (issue 23), so the tests name theirs.
process.env.ADMIN_PASSWORD = process.env.ADMIN_PASSWORD || "integration-tests-admin-password"

// /metrics reads the shop's state from the database at most every 2 s; a test scrapes right after acting.
process.env.METRICS_STATE_TTL_MS = "0"
