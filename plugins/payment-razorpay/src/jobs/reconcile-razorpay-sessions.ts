import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileRazorpayLedger, reconcileRazorpaySessions } from "../lib/reconcile"

/**
 * Every minute: nothing paid through Razorpay stays without an order or a
 * refund: the shop's pending checkouts, then Razorpay's own list of payments.
 */
export default async function reconcileRazorpayJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const [name, run] of [
    ["sessions", reconcileRazorpaySessions],
    ["ledger", reconcileRazorpayLedger],
  ] as const) {
    try {
      await run(container)
    } catch (error: any) {
      logger.error(`Razorpay reconciliation (${name}) failed this run; it runs again in a minute: ${error?.message ?? error}`)
    }
  }
}

export const config = { name: "reconcile-razorpay-payments", schedule: "* * * * *" }
