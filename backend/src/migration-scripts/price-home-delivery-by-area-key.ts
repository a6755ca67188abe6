import type { ExecArgs } from "@medusajs/framework/types"
import { syncHomeDeliveryPrices } from "../lib/flows/home-delivery"
import { DELIVERY_SETTINGS_MODULE } from "../modules/delivery-settings"

/**
 * Once, on `medusa db:migrate` (the start command runs it): home delivery's prices keyed by the
 * address's delivery area (two per area) instead of one per served pincode, for a shop priced before.
 * Open carts are re-priced when they are paid for or completed (checkCartDelivery in lib/flows/home-delivery.ts).
 * A fresh database has no home-delivery option yet here: the seed prices it.
 */
export default async function priceHomeDeliveryByAreaKey({ container }: ExecArgs) {
  if (!container.hasRegistration(DELIVERY_SETTINGS_MODULE)) return
  await syncHomeDeliveryPrices(container)
}
