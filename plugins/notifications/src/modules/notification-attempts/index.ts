import { Module } from "@medusajs/framework/utils"
import NotificationAttemptsModuleService from "./service"

export const NOTIFICATION_ATTEMPTS_MODULE = "notification_attempts"

export default Module(NOTIFICATION_ATTEMPTS_MODULE, { service: NotificationAttemptsModuleService })
