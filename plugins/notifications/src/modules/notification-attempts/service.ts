import { MedusaService } from "@medusajs/framework/utils"
import type { NotificationsPluginOptions } from "../../lib/options"
import { NotificationAttempt } from "./models/notification-attempt"

/** Every try at sending a message; the module's options (medusa-config.ts) are the plugin's. */
export default class NotificationAttemptsModuleService extends MedusaService({ NotificationAttempt }) {
  readonly options: NotificationsPluginOptions

  constructor(container: Record<string, unknown>, options?: NotificationsPluginOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options = options ?? {}
  }
}
