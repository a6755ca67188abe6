import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { handleWhatsAppDelivery, WHATSAPP_WEBHOOK_EVENT } from "../lib/whatsapp-webhook"

/** A signed WhatsApp webhook delivery, taken in by /hooks/whatsapp: delivery statuses and customers' messages. */
export default async function whatsappWebhook({ event, container }: SubscriberArgs<{ payload: any }>) {
  try {
    await handleWhatsAppDelivery(container, event.data.payload)
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`WhatsApp webhook delivery not handled: ${error?.message ?? error}`)
  }
}

export const config: SubscriberConfig = { event: WHATSAPP_WEBHOOK_EVENT }
