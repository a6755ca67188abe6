import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { apiOptions, pluginOptions, RAZORPAY_PROVIDER_ID } from "./options"
import { holdsMoney } from "./razorpay-api"
import { RazorpaySettlement, SettleOutcome } from "./settle"

export { RAZORPAY_PROVIDER_ID }

export type ReconcileReport = {
  /** Checkouts (sessions) and Razorpay payments looked at. */
  checked: number
  /** Orders made. */
  completed: string[]
  /** Razorpay payments refunded, with the reason. */
  refunded: { razorpay_payment_id: string; reason: string }[]
  /** Unpaid sessions dropped after a day. */
  released: string[]
  /** Checkouts or payments that could not be settled this time (tried again next run). */
  failed: { subject: string; error: string }[]
}

const reconcileAfterMs = (container: MedusaContainer) => (pluginOptions(container).reconcile_after_seconds ?? 120) * 1000

const emptyReport = (): ReconcileReport => ({ checked: 0, completed: [], refunded: [], released: [], failed: [] })

function add(report: ReconcileReport, outcome: SettleOutcome, before?: string) {
  if (outcome.order_id && outcome.order_id !== before && !report.completed.includes(outcome.order_id)) report.completed.push(outcome.order_id)
  for (const r of outcome.refunded) report.refunded.push({ razorpay_payment_id: r.razorpay_payment_id, reason: r.reason })
}

/**
 * Razorpay checkouts left pending (the browser never came back, the webhook
 * was lost or failed): each Razorpay order is settled (lib/settle.ts): paid →
 * an order or a refund. Unpaid and older than `releaseAfterMs` → the session
 * is dropped so nothing stale is reused. Every decision is logged.
 */
export async function reconcileRazorpaySessions(
  container: MedusaContainer,
  { olderThanMs = reconcileAfterMs(container), releaseAfterMs = 24 * 60 * 60_000, now = Date.now() } = {}
): Promise<ReconcileReport> {
  const report = emptyReport()
  if (!apiOptions(pluginOptions(container))) return report
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  const { data: sessions } = await query.graph({
    entity: "payment_session",
    fields: ["id", "created_at", "data", "payment_collection_id"],
    // requires_more: an earlier attempt found no payment yet.
    filters: { provider_id: RAZORPAY_PROVIDER_ID, status: ["pending", "requires_more"] },
  })
  const due = (sessions as any[]).filter((s) => now - new Date(s.created_at).getTime() >= olderThanMs && s.data?.razorpay_order_id)
  if (!due.length) return report

  const settlement = new RazorpaySettlement(container)
  for (const session of due) {
    report.checked += 1
    try {
      const outcome = await settlement.settle(session.data.razorpay_order_id, "reconciliation")
      add(report, outcome)
      if (outcome.nothing_paid && !outcome.order_id && now - new Date(session.created_at).getTime() >= releaseAfterMs) {
        await container.resolve(Modules.PAYMENT).deletePaymentSession(session.id)
        report.released.push(session.id)
        logger.info(`Razorpay reconciliation: session ${session.id} unpaid for a day; released.`)
      }
    } catch (error: any) {
      report.failed.push({ subject: session.id, error: error?.message ?? String(error) })
      logger.warn(`Razorpay reconciliation: session ${session.id} (order ${session.data.razorpay_order_id}) not settled yet: ${error?.message ?? error}`)
    }
  }
  for (const id of report.completed) logger.info(`Razorpay reconciliation: order ${id} made from a paid checkout.`)
  return report
}

/**
 * Against Razorpay's own ledger, not only the shop's sessions: every payment
 * Razorpay took in the last `windowHours` (GET /v1/payments?from=&to=, every
 * page) that holds money and is not on one of the shop's orders is settled:
 * an order if its checkout still stands, otherwise a refund. This finds
 * payments whose checkout was replaced or deleted, which no session names.
 */
export async function reconcileRazorpayLedger(
  container: MedusaContainer,
  { windowHours = 48, olderThanMs = reconcileAfterMs(container), now = Date.now() } = {}
): Promise<ReconcileReport> {
  const report = emptyReport()
  if (!apiOptions(pluginOptions(container))) return report
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const settlement = new RazorpaySettlement(container)
  const to = Math.floor((now - olderThanMs) / 1000)
  const from = Math.floor(now / 1000) - windowHours * 3600
  const payments = (await settlement.paymentsBetween(from, to)).filter(holdsMoney)
  const ordered = await settlement.paymentsWithOrders(
    payments.map((p) => p.id),
    new Date((from - 3600) * 1000)
  )
  const orders = [...new Set(payments.filter((p) => !ordered.has(p.id) && p.order_id).map((p) => p.order_id as string))]
  for (const orderId of orders) {
    report.checked += 1
    try {
      add(report, await settlement.settle(orderId, "ledger"))
    } catch (error: any) {
      report.failed.push({ subject: orderId, error: error?.message ?? String(error) })
      logger.warn(`Razorpay ledger reconciliation: order ${orderId} not settled yet: ${error?.message ?? error}`)
    }
  }
  if (orders.length) {
    logger.info(`Razorpay ledger reconciliation: ${payments.length} payment(s) holding money, ${orders.length} not on an order; ${report.completed.length} order(s) made, ${report.refunded.length} refunded, ${report.failed.length} to try again.`)
  }
  return report
}
