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

/**
 * An address as the shop stores it: its metadata carrying the delivery area home delivery is priced by
 * (PRICE_AREA_METADATA_KEY, the area of `postalCode`, "" outside every area), whatever the shopper sent there.
 */
export function withPriceArea<A extends { metadata?: Record<string, unknown> | null }>(address: A, postalCode: string | null | undefined, ranges: Parameters<typeof priceAreaOf>[1]): A {
  return { ...address, metadata: { ...(address.metadata ?? {}), [PRICE_AREA_METADATA_KEY]: priceAreaOf(postalCode, ranges) } }
}

/**
 * Before a cart is paid for or completed on Medusa's routes: when the price area its address carries is
 * not its pincode's (staff moved the pincode to another area since, or the address came from elsewhere
 * than the cart routes), it is rewritten through Medusa's updateCartWorkflow, which re-prices the cart's
 * home delivery and refreshes its totals and payment collection. Answers whether it rewrote.
 */
export async function repriceStaleDeliveryArea(container: MedusaContainer, cartId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "shipping_address.id", "shipping_address.postal_code", "shipping_address.metadata"],
    filters: { id: cartId },
  })
  const cart = data[0] as any
  const address = cart?.shipping_address
  if (!cart || cart.completed_at || !address?.id) return false
  const ranges = await servedRanges(container)
  const wanted = priceAreaOf(address.postal_code, ranges)
  if ((address.metadata?.[PRICE_AREA_METADATA_KEY] ?? "") === wanted) return false
  await updateCartWorkflow(container).run({
    input: { id: cartId, shipping_address: { id: address.id, metadata: { ...(address.metadata ?? {}), [PRICE_AREA_METADATA_KEY]: wanted } } as any },
  })
  return true
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
