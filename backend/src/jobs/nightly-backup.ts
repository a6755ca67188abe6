import { spawn } from "child_process"
import fs from "fs"
import path from "path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * The nightly backup (issue 24), on the worker (Medusa runs scheduled jobs only there, or in a
 * shared process). It runs `scripts/backup.mjs --json`, the same code as `npm run backup`:
 * database and uploads into BACKUP_DIR, retention (BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY), the
 * optional copy to BACKUP_S3_URL. A failure emits `shop.backup_failed` (the notifications plugin
 * alerts the staff number) and fails the job, which sweetshop_job_runs_total{job="nightly-backup",
 * outcome="failed"} counts.
 *
 * BACKUP_CRON is a cron expression in the server's time zone; the default is 02:30 in India
 * whatever that zone is (21:00 on a UTC server). BACKUP_CRON=off turns the job off.
 */
export const BACKUP_FAILED_EVENT = "shop.backup_failed"
const IST_OFFSET_MINUTES = 330

/** 02:30 India time as a daily cron expression in this process's time zone. */
export function defaultBackupCron(now = new Date()): string {
  const utcMinutes = (2 * 60 + 30 - IST_OFFSET_MINUTES + 24 * 60) % (24 * 60)
  const local = (utcMinutes - now.getTimezoneOffset() + 24 * 60) % (24 * 60)
  return `${local % 60} ${Math.floor(local / 60)} * * *`
}

const configured = (process.env.BACKUP_CRON ?? "").trim()
const enabled = configured.toLowerCase() !== "off"

/** scripts/backup.mjs in the repository this backend belongs to (the source tree, its build, or the image's /app). */
export function findBackupScript(start = process.cwd()): string | null {
  if (process.env.BACKUP_SCRIPT) return process.env.BACKUP_SCRIPT
  let dir = path.resolve(start)
  for (;;) {
    const candidate = path.join(dir, "scripts", "backup.mjs")
    if (fs.existsSync(candidate)) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

type BackupResult = { ok: boolean; archive?: string; seconds?: number; bytes?: number; error?: string; removed?: string[]; s3?: string[] }

function runBackup(script: string): Promise<BackupResult> {
  return new Promise((resolve) => {
    // The backend's heap and inspector flags are not for the backup's process.
    const env = { ...process.env, NODE_OPTIONS: "" }
    const child = spawn(process.execPath, [script, "--json"], { cwd: path.resolve(path.dirname(script), ".."), env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("error", (error) => resolve({ ok: false, error: `the backup could not be started (${error.message})` }))
    child.on("close", (code) => {
      const last = stdout.trim().split("\n").pop() ?? ""
      try {
        return resolve(JSON.parse(last))
      } catch {}
      resolve({ ok: false, error: stderr.trim().split("\n").pop() || `the backup ended with exit code ${code} and no result` })
    })
  })
}

export default async function nightlyBackupJob(container: MedusaContainer) {
  if (!enabled) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const script = findBackupScript()
  const result: BackupResult = script ? await runBackup(script) : { ok: false, error: "scripts/backup.mjs was not found above the backend's folder (set BACKUP_SCRIPT)" }
  if (result.ok) {
    logger.info(
      `Nightly backup written: ${result.archive} (${((result.bytes ?? 0) / 1048576).toFixed(1)} MB in ${(result.seconds ?? 0).toFixed(1)} s)` +
        (result.removed?.length ? `; ${result.removed.length} older one(s) removed` : "") +
        (result.s3?.length ? `; copied to ${result.s3[0]}` : "")
    )
    return
  }
  logger.error(`Nightly backup failed: ${result.error}`)
  await container
    .resolve(Modules.EVENT_BUS)
    .emit({ name: BACKUP_FAILED_EVENT, data: { error: result.error, failed_at: new Date().toISOString() } })
    .catch((error: any) => logger.error(`The backup failure could not be announced (${error?.message ?? error}).`))
  // Failing the job counts it in sweetshop_job_runs_total{job="nightly-backup",outcome="failed"}.
  throw new Error(`Nightly backup failed: ${result.error}`)
}

export const config = { name: "nightly-backup", schedule: enabled && configured ? configured : defaultBackupCron() }
