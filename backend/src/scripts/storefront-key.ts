import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SHOP } from "./seed-data/shop"

/**
 * The storefront's publishable key (made by the seed, titled "Sweet Shop
 * Storefront"): printed, and with STOREFRONT_ENV_FILE set, written there as
 * MEDUSA_PUBLISHABLE_KEY=… for the storefront, which reads that file at
 * request time. docker compose's migrate service runs it after the seed, into
 * the volume the storefront mounts at /app/.data; a deployer can also run
 *   docker compose exec backend-server npx medusa exec ./src/scripts/storefront-key.js
 */
export default async function storefrontKey({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const keys = await container.resolve(Modules.API_KEY).listApiKeys({ title: SHOP.publishableKeyTitle, type: "publishable" })
  const key = keys.filter((k) => !k.revoked_at).sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at))[0]
  if (!key) throw new Error(`No publishable key titled "${SHOP.publishableKeyTitle}": run the seed first (npx medusa exec ./src/scripts/seed.js).`)

  const file = process.env.STOREFRONT_ENV_FILE
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, `# Written by backend/src/scripts/storefront-key.ts. The storefront reads it at request time.\nMEDUSA_PUBLISHABLE_KEY=${key.token}\n`)
    logger.info(`Storefront publishable key written to ${file}.`)
  }
  // The key is public (every shopper's browser sends it), so printing it is fine.
  logger.info(`Storefront publishable key ("${SHOP.publishableKeyTitle}"): ${key.token}`)
}
