// Finds or starts the PostgreSQL server the integration tests run against.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { provideTestPostgres } from "../../scripts/lib/postgres.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))

export default async function globalSetup() {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  const database = await provideTestPostgres({
    dataDir: path.resolve(here, "../../.data/test-postgres"),
    log: (line) => process.stdout.write(`\n[test harness] ${line}\n`),
  })
  globalThis.__SWEETSHOP_TEST_DB__ = database

  // Redis for the multi-process tests: a database of its own, emptied first.
  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7"
  const { default: Redis } = await import("ioredis")
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  try {
    await redis.connect()
    await redis.flushdb()
    process.env.SWEETSHOP_TEST_REDIS_URL = redisUrl
    process.stdout.write(`[test harness] multi-process tests use Redis at ${redisUrl}\n`)
  } catch (error) {
    // The multi-process spec reads the reason and notes it with its skip (npm test lists it).
    const reason = `no Redis answers at ${redisUrl} (${error?.code ?? error?.message ?? error}); start one, or set TEST_REDIS_URL to one that runs`
    delete process.env.SWEETSHOP_TEST_REDIS_URL
    process.env.SWEETSHOP_TEST_REDIS_SKIP_REASON = reason
    process.stdout.write(`[test harness] ${reason}: the multi-process tests will be skipped\n`)
  } finally {
    redis.disconnect()
  }
}
