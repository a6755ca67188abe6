import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"

export const RAZORPAY_PROVIDER_ID = "pp_razorpay_razorpay"

export type ReconcileReport = { checked: number; completed: string[]; released: string[] }

/**
 * Razorpay sessions left pending (the browser never came back, the webhook
 * was lost): complete the cart, which makes the provider ask Razorpay for a
 * payment on the session's own order. Paid → the order exists. Unpaid and
 * older than `releaseAfterMs` → the session is dropped so nothing stale is reused.
 */
export async function reconcileRazorpaySessions(
  container: MedusaContainer,
  { olderThanMs = 2 * 60_000, releaseAfterMs = 24 * 60 * 60_000, now = Date.now() } = {}
): Promise<ReconcileReport> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const report: ReconcileReport = { checked: 0, completed: [], released: [] }

  const { data: sessions } = await query.graph({
    entity: "payment_session",
    fields: ["id", "created_at", "payment_collection.id"],
    // requires_more: an earlier attempt found no payment yet.
    filters: { provider_id: RAZORPAY_PROVIDER_ID, status: ["pending", "requires_more"] },
  })
  const due = sessions.filter((s: any) => now - new Date(s.created_at).getTime() >= olderThanMs)
  if (!due.length) return report

  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "payment_collection.id"],
    filters: { payment_collection: { id: due.map((s: any) => s.payment_collection?.id).filter(Boolean) } } as any,
  })
  const cartByCollection = new Map(carts.map((c: any) => [c.payment_collection?.id, c]))

  for (const session of due as any[]) {
    const cart = cartByCollection.get(session.payment_collection?.id) as any
    if (!cart || cart.completed_at) continue
    report.checked += 1
    try {
      const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
      report.completed.push(result.id)
      logger.info(`Razorpay reconciliation: cart ${cart.id} was paid; order ${result.id} made.`)
    } catch {
      if (now - new Date(session.created_at).getTime() >= releaseAfterMs) {
        await container.resolve(Modules.PAYMENT).deletePaymentSession(session.id)
        report.released.push(session.id)
      }
    }
  }
  return report
}
