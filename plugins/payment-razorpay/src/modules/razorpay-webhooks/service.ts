import { MedusaService } from "@medusajs/framework/utils"
import { WebhookEvent } from "./models/webhook-event"

export default class RazorpayWebhooksModuleService extends MedusaService({ WebhookEvent }) {}
