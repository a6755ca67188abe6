import { MedusaService } from "@medusajs/framework/utils"
import type { RazorpayPluginOptions } from "../../lib/options"
import { PaymentAction } from "./models/payment-action"
import { WebhookEvent } from "./models/webhook-event"

/** Webhook events taken in and payment actions taken; the module's options (medusa-config.ts) are the plugin's. */
export default class RazorpayWebhooksModuleService extends MedusaService({ WebhookEvent, PaymentAction }) {
  readonly options: RazorpayPluginOptions

  constructor(container: Record<string, unknown>, options?: RazorpayPluginOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options = options ?? {}
  }
}
