import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileRazorpaySessions } from "../lib/reconcile"

/** Every five minutes: nothing paid through Razorpay stays without an order. */
export default async function reconcileRazorpaySessionsJob(container: MedusaContainer) {
  await reconcileRazorpaySessions(container)
}

export const config = { name: "reconcile-razorpay-sessions", schedule: "*/5 * * * *" }
