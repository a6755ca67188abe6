import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { freeOrderPlace } from "../lib/flows/delivery-settings"

/**
 * A cancelled order gives its place in its delivery slot back (delivery settings: the
 * slot's capacity counts the places of orders not cancelled and of holds still running).
 */
export default async function freeDeliveryPlaceOnCancel({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!event.data?.id) return
  await freeOrderPlace(container, event.data.id)
}

export const config: SubscriberConfig = { event: "order.canceled" }
