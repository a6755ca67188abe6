import { ExecArgs, IAuthModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { generateAdminPassword } from "../lib/rules/admin-password"
import { SHOP } from "./seed-data/shop"

/**
 * `npm run admin:reset-password` (scripts/admin-reset-password.mjs) runs this
 * with `medusa exec`: the staff login ADMIN_EMAIL (default admin@sweetshop.local)
 * gets the password ADMIN_NEW_PASSWORD, or a new random one, through the auth
 * module's emailpass provider (it stores only the hash). The new password is
 * printed once, on a line of its own: `New password: …`.
 */
export default async function resetAdminPassword({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const email = process.env.ADMIN_EMAIL || SHOP.defaultAdmin.email
  const password = process.env.ADMIN_NEW_PASSWORD || generateAdminPassword()
  const authModule: IAuthModuleService = container.resolve(Modules.AUTH)
  const [identity] = await authModule.listProviderIdentities({ provider: "emailpass", entity_id: email })
  if (!identity) {
    throw new Error(`There is no staff login ${email}: set ADMIN_EMAIL to the login to reset, or start the shop once to create it.`)
  }
  const { success, error } = await authModule.updateProvider("emailpass", { entity_id: email, password })
  if (!success) {
    throw new Error(`The password of ${email} was not changed: ${error ?? "unknown error"}`)
  }
  logger.info(`Staff login ${email}: password changed.`)
  process.stdout.write(`New password: ${password}\n`)
}
