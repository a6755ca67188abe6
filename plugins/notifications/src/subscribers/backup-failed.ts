import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pluginOptions } from "../lib/options"
import { sendOnChannels } from "../lib/order-messages"
import { WHATSAPP_TEMPLATES } from "../lib/templates"

/** Emitted by the backend's nightly backup job when a backup could not be made (the name is the contract). */
export const BACKUP_FAILED_EVENT = "shop.backup_failed"

/**
 * A nightly backup that failed → the staff number (SHOP_STAFF_PHONE), SMS and WhatsApp, once per
 * failure. On WhatsApp it uses the template `staff_backup_alert` ("Sweet Shop backup: {{1}}",
 * src/lib/templates.ts), which the shop's WhatsApp Business account must have approved like the others.
 */
export default async function backupFailedAlert({ event, container }: SubscriberArgs<{ error: string; failed_at: string }>) {
  const staff = pluginOptions(container).staff_phone
  if (!staff) return
  const text = `The shop's backup of ${event.data.failed_at.slice(0, 16).replace("T", " ")} UTC failed: ${event.data.error} Check the worker's log and run npm run backup by hand.`
  try {
    await sendOnChannels(container, {
      to: staff,
      subject: `backup@${event.data.failed_at}`,
      language: "en",
      message: {
        template: "staff-backup-alert",
        text,
        whatsapp: { name: "staff_backup_alert", parameters: WHATSAPP_TEMPLATES.staff_backup_alert.parameters({ text }) },
        trigger: BACKUP_FAILED_EVENT,
      },
    })
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Backup-failure alert not sent yet (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: BACKUP_FAILED_EVENT }
