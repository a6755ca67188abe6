#!/usr/bin/env node
// `npm run restore -- <archive> [--force] [--data-dir DIR] [--migrate|--no-migrate]`: checks the archive's
// SHA-256, refuses to replace a database that holds orders unless --force, restores the database
// (into DATABASE_URL, or the embedded PostgreSQL's .data/postgres) and the uploads (UPLOAD_DIR,
// default .data/uploads), runs migrations when this code has some the archive lacks, and prints the
// manifest's counts beside the restored ones. Stop the shop first. Exits 1 with one sentence on refusal.
import path from "node:path"
import { BackupError, countsTable, defaults, loadEnvFile, restoreBackup, ROOT } from "./lib/backup.mjs"

process.env.MEDUSA_DISABLE_TELEMETRY = "true"
loadEnvFile(`${ROOT}/.env`)
const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const option = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const archive = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--data-dir")
if (!archive) {
  console.error("Usage: npm run restore -- <archive.tar> [--force] [--data-dir DIR] [--migrate|--no-migrate]")
  process.exit(2)
}

try {
  const settings = defaults()
  const dataDir = option("--data-dir")
  const result = await restoreBackup({
    archive: path.resolve(archive),
    databaseUrl: dataDir ? null : process.env.DATABASE_URL || null,
    embeddedDataDir: dataDir ? path.resolve(dataDir) : settings.embeddedDataDir,
    uploadsDir: settings.uploadsDir,
    force: flag("--force"),
    migrate: flag("--no-migrate") ? "never" : flag("--migrate") ? "always" : "auto",
    log: (line) => console.log(line),
  })
  const m = result.manifest
  console.log(`Restored ${path.basename(archive)} (made ${m.created_at} by Sweet Shop ${m.versions?.shop} on Medusa ${m.versions?.medusa}, ${m.database.method}) in ${result.seconds.toFixed(1)} s:`)
  for (const line of countsTable(m.counts, result.counts)) console.log(line)
  console.log(`  uploads    ${String(m.uploads?.files ?? 0).padStart(15)} ${String(result.uploads).padStart(10)}`)
  if (!result.migrated) console.log("No migrations needed.")
  else if (flag("--migrate")) console.log("Migrations run (--migrate).")
  else if (result.pending.length) console.log(`Migrations run (the archive lacked ${result.pending.join(", ")}).`)
  else console.log(`Migrations run (the archive is from Medusa ${m.versions?.medusa}).`)
} catch (error) {
  const prefix = error?.incomplete ? "Restore incomplete" : "Restore refused"
  console.error(`${prefix}: ${error instanceof BackupError ? error.message : `unexpected error: ${error?.stack ?? error}`}`)
  process.exitCode = 1
}
