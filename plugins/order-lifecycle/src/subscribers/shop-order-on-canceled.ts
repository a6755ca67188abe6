import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MoveRefused, moveShopOrder } from "../lib/shop-orders"

/**
 * An order cancelled with Medusa's own "Cancel order" button follows into the
 * shop's lifecycle (and its messages). When the shop's own cancel caused the
 * event, the order is already cancelled here and nothing happens.
 */
export default async function shopOrderOnCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await moveShopOrder(container, { orderId: event.data.id, to: "cancelled", actor: { type: "system" }, note: "Cancelled in Medusa's order page" })
  } catch (error) {
    if (error instanceof MoveRefused) return
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Order ${event.data.id}: could not record its cancellation (${(error as Error).message}).`)
  }
}

export const config: SubscriberConfig = { event: "order.canceled" }
