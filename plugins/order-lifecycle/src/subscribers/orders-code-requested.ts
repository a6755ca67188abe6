import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CODE_REQUESTED_EVENT, type CodeRequested, sendOrdersCode } from "../lib/shopper-tracking"

/**
 * Sends the "my orders" code by SMS, off the request path of POST /store/order-tracking/codes
 * (on a worker when the shop runs servers and workers apart): the request answers before
 * anyone has looked at whether the phone has orders, or waited on Twilio.
 */
export default async function ordersCodeRequested({ event, container }: SubscriberArgs<CodeRequested>) {
  await sendOrdersCode(container, event.data)
}

export const config: SubscriberConfig = { event: CODE_REQUESTED_EVENT }
