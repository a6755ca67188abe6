import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { FESTIVAL_CHANGED } from "../api/admin/delivery-settings/[kind]/kinds"
import { readShopEnv } from "../config/env"

/**
 * The storefront caches the catalogue (products, sizes, prices, categories, and the
 * festivals taking pre-orders, whose badges and pages it shows) and
 * refetches it when told: on every change here it POSTs its revalidation route
 * with the shared secret. Stock is never cached there, so pool changes need no call.
 * A storefront that is down or not configured is logged, never an error for the change itself.
 */
export default async function revalidateStorefront({ event, container }: SubscriberArgs<unknown>) {
  const env = readShopEnv(process.env)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (!env.STOREFRONT_REVALIDATE_SECRET) return
  const url = `${(env.STOREFRONT_INTERNAL_URL ?? env.STOREFRONT_URL).replace(/\/$/, "")}/api/revalidate`
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${env.STOREFRONT_REVALIDATE_SECRET}` },
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok) logger.warn(`Storefront revalidation after ${event.name} answered ${response.status} at ${url}.`)
  } catch (error) {
    logger.debug(`Storefront revalidation after ${event.name} did not reach ${url}: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: [
    "product.created",
    "product.updated",
    "product.deleted",
    "product-variant.created",
    "product-variant.updated",
    "product-variant.deleted",
    "product-category.created",
    "product-category.updated",
    "product-category.deleted",
    FESTIVAL_CHANGED,
  ],
}
