import { MedusaService } from "@medusajs/framework/utils"
import { NotificationAttempt } from "./models/notification-attempt"

export default class NotificationAttemptsModuleService extends MedusaService({ NotificationAttempt }) {}
