import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isPickupOption, type RefusalCode } from "@sweetshop/shop-contracts"
import { deliveryAreaOf, normalizePincode, undeliverableSentence } from "../rules/delivery-area"
import { servedRanges } from "./delivery-settings"

/**
 * Home delivery only inside the delivery area (./delivery-area.ts); store
 * pickup for every pincode. An option is a pickup when its fulfillment set is
 * of type "pickup" (the seed's "Pickup at the shop"); any other option brings
 * the sweets to the address, so it is home delivery.
 *
 * The area is the delivery settings module's (./delivery-settings.ts), read on each check.
 */

/** The options among `optionIds` that deliver to the address (not pickups). */
export async function homeDeliveryOptionIds(container: MedusaContainer, optionIds: string[]): Promise<string[]> {
  if (!optionIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "service_zone.fulfillment_set.type"],
    filters: { id: optionIds },
  })
  return data.filter((option: any) => !isPickupOption(option)).map((option: any) => option.id as string)
}

/** The shopper's sentence when these options would deliver outside the area, else null. */
export async function deliveryRefusal(container: MedusaContainer, postalCode: string | null | undefined, optionIds: string[]): Promise<string | null> {
  const pincode = normalizePincode(postalCode)
  // No pincode yet: nothing to judge; the address comes before the order.
  if (!pincode) return null
  const ranges = await servedRanges(container)
  if (deliveryAreaOf(pincode, ranges)) return null
  return (await homeDeliveryOptionIds(container, optionIds)).length ? undeliverableSentence(pincode, ranges) : null
}

/**
 * The shopper's sentence when this cart cannot be completed for its pincode:
 * outside the area, and not picked up. That is a cart still holding home
 * delivery (when its rule was taken off the option), or one whose home
 * delivery Medusa removed when the address moved outside the area.
 */
export async function cartDeliveryRefusal(container: MedusaContainer, cartId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "shipping_address.postal_code", "shipping_methods.shipping_option_id"],
    filters: { id: cartId },
  })
  const cart = data[0] as any
  if (!cart || cart.completed_at) return null
  const pincode = normalizePincode(cart.shipping_address?.postal_code)
  if (!pincode) return null
  const ranges = await servedRanges(container)
  if (deliveryAreaOf(pincode, ranges)) return null
  const optionIds = (cart.shipping_methods ?? []).map((m: any) => m?.shipping_option_id).filter(Boolean) as string[]
  if (!optionIds.length) return undeliverableSentence(pincode, ranges)
  return (await homeDeliveryOptionIds(container, optionIds)).length ? undeliverableSentence(pincode, ranges) : null
}
