import { Module } from "@medusajs/framework/utils"
import DeliverySettingsModuleService from "./service"

export const DELIVERY_SETTINGS_MODULE = "delivery_settings"

export default Module(DELIVERY_SETTINGS_MODULE, { service: DeliverySettingsModuleService })
