import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PICKUP_HOURS_KEY } from "@sweetshop/shop-contracts"
import { bookDeliveryChoice, cartHoldsItsPlaces, pickupHoursFor } from "../flows/delivery-settings"
import { homeDeliveryOptionIds } from "../flows/home-delivery"

/**
 * On Medusa's own POST /store/carts/:id/complete: the cart's day and slot (its metadata)
 * are judged as the one-call checkout judges them, and home delivery takes its place in
 * the slot (a festival pre-order its place on the festival's day), before Medusa makes the
 * order; refused with the code otherwise. A pickup's counter hours that day are written on the cart (PICKUP_HOURS_KEY). A cart that already holds its places for that day and slot (checked out in one call, then paid
 * online) keeps it without being judged again: the shopper may have paid past a cut-off.
 */
export async function bookCartDeliverySlot(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "completed_at", "metadata", "shipping_methods.shipping_option_id"],
      filters: { id: req.params.id },
    })
    const cart = data[0] as any
    if (!cart || cart.completed_at) return next()
    const metadata = (cart.metadata ?? {}) as Record<string, unknown>
    if (await cartHoldsItsPlaces(req.scope, cart.id, metadata)) return next()
    const optionIds = (cart.shipping_methods ?? []).map((m: any) => m?.shipping_option_id).filter(Boolean) as string[]
    const homeDelivery = (await homeDeliveryOptionIds(req.scope, optionIds)).length > 0
    await bookDeliveryChoice(req.scope, { cart_id: cart.id, metadata, home_delivery: homeDelivery })
    // A pickup's counter hours that day go onto the order, as the one-call checkout writes them.
    const hours = await pickupHoursFor(req.scope, metadata, homeDelivery)
    if (hours !== ((metadata[PICKUP_HOURS_KEY] as string | undefined) ?? null)) {
      await req.scope.resolve(Modules.CART).updateCarts(cart.id, { metadata: { ...metadata, [PICKUP_HOURS_KEY]: hours } })
    }
    next()
  } catch (error) {
    next(error)
  }
}
