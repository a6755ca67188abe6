import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { isPickupOption, type RefusalCode } from "@sweetshop/shop-contracts"
import { updateCartWorkflow, updateShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import {
  deliveryAreaOf,
  HOME_DELIVERY_TYPE_CODE,
  type HomeDeliveryPrice,
  homeDeliveryPrices,
  normalizePincode,
  PRICE_AREA_METADATA_KEY,
  priceAreaOf,
  type ServedRange,
  undeliverableSentence,
  withPriceArea,
} from "../rules/delivery-area"
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
export async function deliveryRefusal(
  container: MedusaContainer,
  postalCode: string | null | undefined,
  optionIds: string[],
  known?: ServedRange[]
): Promise<string | null> {
  const pincode = normalizePincode(postalCode)
  // No pincode yet: nothing to judge; the address comes before the order.
  if (!pincode) return null
  const ranges = known ?? (await servedRanges(container))
  if (deliveryAreaOf(pincode, ranges)) return null
  return (await homeDeliveryOptionIds(container, optionIds)).length ? undeliverableSentence(pincode, ranges) : null
}

/**
 * Before a cart is paid for or completed on Medusa's routes, from one read of the cart: the shopper's
 * sentence when it cannot be completed for its pincode (outside the area and not picked up: a cart
 * still holding home delivery when its rule was taken off the option, or one whose home delivery
 * Medusa removed when the address moved outside the area). Otherwise null, after rewriting a stale
 * price key on its address (staff moved the pincode to another area since, or the address came from
 * elsewhere than the cart routes) through Medusa's updateCartWorkflow, which re-prices the cart's home
 * delivery and refreshes its totals and payment collection.
 */
export async function checkCartDelivery(container: MedusaContainer, cartId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "shipping_address.id", "shipping_address.postal_code", "shipping_address.metadata", "shipping_methods.shipping_option_id"],
    filters: { id: cartId },
  })
  const cart = data[0] as any
  const address = cart?.shipping_address
  if (!cart || cart.completed_at) return null
  const pincode = normalizePincode(address?.postal_code)
  if (!pincode) return null
  const ranges = await servedRanges(container)
  if (!deliveryAreaOf(pincode, ranges)) {
    const optionIds = (cart.shipping_methods ?? []).map((m: any) => m?.shipping_option_id).filter(Boolean) as string[]
    if (!optionIds.length || (await homeDeliveryOptionIds(container, optionIds)).length) return undeliverableSentence(pincode, ranges)
  }
  const wanted = priceAreaOf(pincode, ranges)
  if ((address.metadata?.[PRICE_AREA_METADATA_KEY] ?? "") !== wanted) {
    await updateCartWorkflow(container).run({ input: { id: cartId, shipping_address: withPriceArea({ id: address.id, metadata: address.metadata }, wanted) as any } })
  }
  return null
}

/** A price as a comparable line: amount and its rules, sorted. */
function priceKey(price: { amount: unknown; rules?: { attribute: string; operator?: string; value: unknown }[] }): string {
  const rules = (price.rules ?? []).map((r) => `${r.attribute} ${r.operator ?? "eq"} ${r.value}`).sort()
  return `${Number(price.amount)}|${rules.join("&")}`
}

function samePrices(current: any[], wanted: HomeDeliveryPrice[]): boolean {
  if (current.length !== wanted.length) return false
  const have = current.map((p) => priceKey({ amount: p.amount, rules: p.price_rules ?? [] })).sort()
  const want = wanted.map(priceKey).sort()
  return have.every((key, i) => key === want[i])
}

/**
 * Writes the active delivery areas' charges and free-above thresholds as home delivery's prices,
 * with rules (homeDeliveryPrices), through Medusa's updateShippingOptionsWorkflow: the one place
 * the shopper's delivery price comes from is then Medusa's own pricing of the shipping option, in
 * GET /store/shipping-options, on the cart's shipping method (and its taxes and totals) and in the
 * order. Called after staff add, change or remove an area, by the seed and by the migration
 * script for a shop seeded before. The area rows stay the source: the prices are rewritten from
 * all of them each time, under a lock, so two staff saving at once leave the later state. Returns
 * the number of prices written (0 when they were already these).
 */
export async function syncHomeDeliveryPrices(container: MedusaContainer): Promise<number> {
  const write = async () => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: options } = await query.graph({
      entity: "shipping_option",
      fields: ["id", "price_type", "type.code", "prices.amount", "prices.price_rules.attribute", "prices.price_rules.operator", "prices.price_rules.value"],
      filters: {},
    })
    const homes = (options as any[]).filter((o) => o.type?.code === HOME_DELIVERY_TYPE_CODE && o.price_type === "flat")
    if (!homes.length) return 0
    const prices = homeDeliveryPrices(await servedRanges(container))
    const stale = homes.filter((o) => !samePrices(o.prices ?? [], prices))
    if (!stale.length) return 0
    await updateShippingOptionsWorkflow(container).run({ input: stale.map((o) => ({ id: o.id as string, prices })) })
    return prices.length * stale.length
  }
  if (!container.hasRegistration(Modules.LOCKING)) return write()
  return container.resolve(Modules.LOCKING).execute("sweetshop:home-delivery-prices", write, { timeout: 60 })
}
