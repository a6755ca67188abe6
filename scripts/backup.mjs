#!/usr/bin/env node
// `npm run backup`: the shop's database and uploads in one archive under BACKUP_DIR (default
// .data/backups/), with its SHA-256 beside it; then the retention (BACKUP_KEEP_DAILY,
// BACKUP_KEEP_WEEKLY) and, with BACKUP_S3_URL, a copy to the bucket. Runs while the shop serves.
//   --json       print the result as one JSON line at the end (the backend's nightly job reads it)
//   --schedule   stay running and make one at every BACKUP_CRON (docker compose's backup service)
// Exits 1 with one sentence when the backup could not be made.
import { applyRetention, BackupError, copyToS3, createBackup, defaultBackupCron, defaults, loadEnvFile, nextRun, ROOT } from "./lib/backup.mjs"

process.env.MEDUSA_DISABLE_TELEMETRY = "true"
loadEnvFile(`${ROOT}/.env`)
const json = process.argv.includes("--json")
const say = (line) => (json ? process.stderr : process.stdout).write(`${line}\n`)

if (process.argv.includes("--schedule")) {
  const cron = (process.env.BACKUP_CRON || "").trim() || defaultBackupCron()
  for (;;) {
    const at = await nextRun(cron)
    say(`Next backup at ${at.toISOString()} (BACKUP_CRON "${cron}", ${Intl.DateTimeFormat().resolvedOptions().timeZone} time).`)
    while (Date.now() < at.getTime()) await new Promise((r) => setTimeout(r, Math.min(at.getTime() - Date.now(), 60_000)))
    await backupOnce()
  }
} else {
  await backupOnce()
}

async function backupOnce() {
try {
  const settings = defaults()
  const result = await createBackup({
    databaseUrl: process.env.DATABASE_URL || null,
    embeddedDataDir: settings.embeddedDataDir,
    uploadsDir: settings.uploadsDir,
    backupDir: settings.backupDir,
    log: say,
  })
  const { counts } = result.manifest
  say(
    `Backup written: ${result.archive} (${(result.bytes / 1048576).toFixed(1)} MB, ${result.manifest.database.method}, ` +
      `${counts.orders ?? 0} orders, ${counts.products ?? 0} products, ${counts.customers ?? 0} customers, ${result.manifest.uploads.files} uploaded files) in ${result.seconds.toFixed(1)} s.`
  )
  const removed = applyRetention(settings.backupDir, { keepDaily: settings.keepDaily, keepWeekly: settings.keepWeekly })
  if (removed.length) say(`Removed ${removed.length} older backup(s) (keeping ${settings.keepDaily} daily, ${settings.keepWeekly} weekly): ${removed.join(", ")}`)
  let s3 = []
  if (settings.s3Url) {
    s3 = await copyToS3(result.archive, settings.s3Url)
    say(`Copied to ${s3[0]}`)
  }
  if (json) process.stdout.write(JSON.stringify({ ok: true, archive: result.archive, seconds: result.seconds, bytes: result.bytes, method: result.manifest.database.method, settle: result.manifest.database.settle, counts, removed, s3 }) + "\n")
} catch (error) {
  const message = error instanceof BackupError ? error.message : `unexpected error: ${error?.stack ?? error}`
  say(`Backup failed: ${message}`)
  if (json) process.stdout.write(JSON.stringify({ ok: false, error: message }) + "\n")
  process.exitCode = 1
}
}
