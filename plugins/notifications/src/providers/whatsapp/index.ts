import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import WhatsAppCloudProviderService from "./service"

export default ModuleProvider(Modules.NOTIFICATION, { services: [WhatsAppCloudProviderService] })
