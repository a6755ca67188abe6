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
}
