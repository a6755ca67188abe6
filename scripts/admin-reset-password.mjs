#!/usr/bin/env node
// `npm run admin:reset-password`: gives the staff login (ADMIN_EMAIL, default admin@sweetshop.local)
// a new random password, prints it once and keeps it in .data/secrets.env (where `npm start` keeps the
// one it made). ADMIN_NEW_PASSWORD=... chooses it instead. The database: DATABASE_URL, else the embedded
// one in .data/postgres (the shop must be stopped then: one PostgreSQL per data folder).
import "./lib/node-version.mjs"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { freePort, startEmbeddedPostgres } from "./lib/postgres.mjs"
import { claimShop } from "./lib/running-shop.mjs"
import { BACKEND, DATA, loadRootEnv, medusa } from "./lib/shop.mjs"

const cleanups = []
async function main() {
  loadRootEnv()
  const secretsFile = path.join(DATA, "secrets.env")
  if (fs.existsSync(secretsFile)) {
    const before = { ...process.env }
    process.loadEnvFile(secretsFile)
    Object.assign(process.env, before)
  }
  if (!process.env.DATABASE_URL) {
    const release = await claimShop({ dataDir: DATA, backendUrl: "(admin:reset-password)", storefrontUrl: "(admin:reset-password)" }).catch((error) => {
      throw new Error(`${error.message} (The password is reset on a stopped shop, or with DATABASE_URL set.)`)
    })
    cleanups.push(async () => release())
    if (!fs.existsSync(path.join(DATA, "postgres"))) throw new Error("there is no shop in this folder yet: npm start creates it (and prints its password).")
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA, "postgres"), port: await freePort() })
    cleanups.push(() => embedded.stop())
    process.env.DATABASE_URL = `${embedded.url}/sweetshop`
  }
  const password = process.env.ADMIN_NEW_PASSWORD || crypto.randomBytes(18).toString("base64url")
  const env = { ...process.env, NODE_ENV: "development", MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "error", ADMIN_NEW_PASSWORD: password }
  const output = await medusa(["exec", "./src/scripts/reset-admin-password.ts"], { cwd: BACKEND, env, quiet: true }).catch((error) => {
    const reason = String(error.output ?? "").match(/There is no staff login[^\n]*|The password of [^\n]*/)
    throw new Error(reason ? reason[0] : `the reset failed:\n${error.output ?? error.message}`)
  })
  if (!output.includes(`New password: ${password}`)) throw new Error(`the reset did not confirm the change:\n${output}`)
  // Kept where npm start keeps the one it made, so the file never holds a stale password.
  if (fs.existsSync(secretsFile)) {
    const text = fs.readFileSync(secretsFile, "utf8")
    if (/^ADMIN_PASSWORD=/m.test(text)) fs.writeFileSync(secretsFile, text.replace(/^ADMIN_PASSWORD=.*$/m, `ADMIN_PASSWORD=${password}`), { mode: 0o600 })
  }
  const email = process.env.ADMIN_EMAIL || "admin@sweetshop.local"
  process.stdout.write(`Staff login ${email}: new password ${password}\n(shown once; kept in .data/secrets.env. Signed-in sessions stay valid until they expire.)\n`)
}

main()
  .catch((error) => {
    process.stderr.write(`Sweet Shop cannot reset the password: ${error.message}\n`)
    process.exitCode = 1
  })
  .finally(async () => {
    while (cleanups.length) await cleanups.pop()().catch(() => {})
  })
