import type { ExecArgs } from "@medusajs/framework/types"
import { syncHomeDeliveryPrices } from "../lib/flows/home-delivery"
import { DELIVERY_SETTINGS_MODULE } from "../modules/delivery-settings"

/**
 * Once, on `medusa db:migrate` (the start command runs it): a shop seeded before home delivery
 * was priced per delivery area (one ₹60 price, free from ₹999) gets its prices from the areas.
 * A fresh database has no home-delivery option yet here: the seed prices it.
 */
export default async function priceHomeDeliveryByArea({ container }: ExecArgs) {
  if (!container.hasRegistration(DELIVERY_SETTINGS_MODULE)) return
  await syncHomeDeliveryPrices(container)
}
