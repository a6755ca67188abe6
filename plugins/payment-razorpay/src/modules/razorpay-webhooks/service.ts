import { MedusaService } from "@medusajs/framework/utils"
import { PaymentAction } from "./models/payment-action"
import { WebhookEvent } from "./models/webhook-event"

export default class RazorpayWebhooksModuleService extends MedusaService({ WebhookEvent, PaymentAction }) {}
