import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import TwilioSmsProviderService from "./service"

export default ModuleProvider(Modules.NOTIFICATION, { services: [TwilioSmsProviderService] })
