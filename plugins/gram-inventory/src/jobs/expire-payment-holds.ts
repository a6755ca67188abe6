import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expirePaymentHolds } from "../lib/payment-holds"

/** Every minute: payment holds whose time is up go back to their pools. */
export default async function expirePaymentHoldsJob(container: MedusaContainer) {
  const { released, carts } = await expirePaymentHolds(container)
  if (released) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Payment holds: ${released} expired hold(s) of ${carts.length} cart(s) went back to their pools.`)
  }
}

export const config = { name: "expire-payment-holds", schedule: "* * * * *" }
