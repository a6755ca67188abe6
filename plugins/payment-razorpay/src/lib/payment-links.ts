import type { MedusaContainer } from "@medusajs/framework/types"
import { WorkflowManager } from "@medusajs/framework/orchestration"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { convertDraftOrderWorkflow, createOrderPaymentCollectionWorkflow } from "@medusajs/medusa/core-flows"
import { paiseToRupees, PAYMENT_LINK_KEY, rupeesToPaise, SHOP_EVENTS, type PaymentLinkClosedData, type PaymentLinkSentData } from "@sweetshop/shop-contracts"
import { apiOptions, pluginOptions, RAZORPAY_PROVIDER_ID } from "./options"
import {
  currentLink,
  customerPhone,
  DraftForLink,
  linkMinutes,
  linkRefusal,
  PaymentLinkMetadata,
  paymentLinkRequest,
  paymentLinkText,
} from "./payment-link-rules"
import { callRazorpay, holdsMoney, notesOf, razorpayClient, RazorpayOrder, RazorpayPayment } from "./razorpay-api"
import { refusalReason, RazorpaySettlement, RefundReason, refundSentence, SettleOutcome } from "./settle"
import { recordPaymentCapturesWorkflow } from "../workflows/attach-payment-to-order"

/**
 * Phone and WhatsApp orders: staff build a Medusa draft order in the admin
 * and send its customer a Razorpay payment link (Payment Links API).
 *
 * - Sending (POST /admin/draft-orders/:id/payment-link): the draft's grams are
 *   held in their pools (gram-inventory's `gram-pool-hold-draft-order-stock`,
 *   run by id) for as long as the link is payable; the link asks for the
 *   draft's total in paise with `notes.draft_order_id`; the draft keeps the
 *   link under metadata.payment_link; the customer gets it by SMS and WhatsApp
 *   (the razorpay.payment_link_sent event; the notifications plugin sends it).
 *   Sending again cancels the previous link at Razorpay and sends a new one.
 * - Paid: Razorpay makes an order (its receipt is the link's reference_id, its
 *   notes the link's) and a captured payment. The payment is settled like any
 *   other (settle.ts, under the Razorpay order's lock, from the
 *   payment_link.paid webhook, the expiry job or the ledger reconciliation):
 *   the draft becomes an order once (`gram-pool-convert-draft-order`: the hold
 *   becomes its reservation) and the payment is recorded on it as a Razorpay
 *   payment (recordLinkPayment), or, when the
 *   draft is gone or already an order, the payment is refunded.
 * - Expired or cancelled (the webhooks, or the expiry job for links whose
 *   time is up): the hold is let go (and, through the razorpay.payment_link_closed
 *   event, the backend frees the draft's delivery place); the draft stays for staff.
 */

export class PaymentLinkRefusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

/** Runs another plugin's workflow by its id when that plugin is loaded (plugins do not import each other). */
export async function runPluginWorkflow<T>(container: MedusaContainer, workflowId: string, input: Record<string, unknown>): Promise<T | undefined> {
  if (!WorkflowManager.getWorkflow(workflowId)) return undefined
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { result } = await engine.run(workflowId, { input, throwOnError: true })
  return result as T
}

const DRAFT_FIELDS = [
  "id",
  "status",
  "is_draft_order",
  "display_id",
  "email",
  "currency_code",
  "total",
  "metadata",
  "items.id",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "shipping_address.phone",
  "billing_address.first_name",
  "billing_address.last_name",
  "billing_address.phone",
]

type DraftRow = DraftForLink & { status: string; is_draft_order: boolean }

export async function loadDraft(container: Pick<MedusaContainer, "resolve">, id: string): Promise<DraftRow | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: DRAFT_FIELDS, filters: { id } })
  return data[0] as DraftRow | undefined
}

const isDraft = (draft: DraftRow | undefined) => !!draft && draft.is_draft_order && draft.status === "draft"

async function writeLink(container: Pick<MedusaContainer, "resolve">, orderId: string, link: PaymentLinkMetadata) {
  const draft = await loadDraft(container, orderId)
  const orders = container.resolve(Modules.ORDER) as any
  await orders.updateOrders([{ id: orderId, metadata: { ...(draft?.metadata ?? {}), [PAYMENT_LINK_KEY]: link } }])
}

function client(container: Pick<MedusaContainer, "resolve">) {
  const api = apiOptions(pluginOptions(container))
  if (!api) throw new PaymentLinkRefusal(409, "razorpay_not_configured", "Razorpay is not configured in this shop, so no payment link can be sent.")
  return razorpayClient(api)
}

const draftLock = (draftId: string) => `razorpay-payment-link-draft:${draftId}`

/** Sends (or sends again) a draft order's payment link. Throws PaymentLinkRefusal for anything staff must fix. */
export async function sendPaymentLink(container: MedusaContainer, draftOrderId: string, { now = Date.now() } = {}): Promise<PaymentLinkMetadata> {
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(draftLock(draftOrderId), () => sendLocked(container, draftOrderId, now), { timeout: 30 })
}

async function sendLocked(container: MedusaContainer, draftOrderId: string, now: number): Promise<PaymentLinkMetadata> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const rzp = client(container)
  const draft = await loadDraft(container, draftOrderId)
  const refusal = linkRefusal(draft, draftOrderId)
  if (refusal) throw new PaymentLinkRefusal(refusal.status, refusal.code, refusal.message)
  const minutes = linkMinutes(pluginOptions(container).payment_link_minutes)
  const previous = currentLink(draft!.metadata)

  // The previous link is cancelled first: a customer never holds two payable links for one draft.
  if (previous?.status === "created") {
    try {
      await rzp.paymentLink.cancel(previous.id)
    } catch (error: any) {
      const fresh = (await callRazorpay("payment link lookup", () => rzp.paymentLink.fetch(previous.id) as any, (l) => logger.warn(l))) as any
      if (fresh?.status === "paid") {
        throw new PaymentLinkRefusal(409, "payment_link_paid", "The customer has just paid the link already sent; the order is being made from it.")
      }
      if (fresh?.status === "created") throw new PaymentLinkRefusal(503, "razorpay_unavailable", "Razorpay did not cancel the previous link just now; please try again in a minute.")
    }
  }

  // The draft's lines against the pools: held while the link is payable (a sentence when a pool is short).
  try {
    await runPluginWorkflow(container, "gram-pool-hold-draft-order-stock", { draft_order_id: draftOrderId, minutes })
  } catch (error: any) {
    const message = String(error?.message ?? error)
    if (error?.code === "pool_shortfall" || /left|sold out|no longer sold/i.test(message)) throw new PaymentLinkRefusal(409, "pool_shortfall", message)
    if (error?.code === "draft_order_converted") throw new PaymentLinkRefusal(409, "draft_order_converted", message)
    throw error
  }

  const sequence = (previous?.sequence ?? 0) + 1
  const request = paymentLinkRequest(draft!, { minutes, now, sequence })
  let created: any
  try {
    created = await rzp.paymentLink.create(request as any)
  } catch (error: any) {
    await runPluginWorkflow(container, "gram-pool-release-cart-holds", { cart_id: draftOrderId }).catch(() => undefined)
    const status = error?.statusCode
    const description = error?.error?.description ?? error?.message ?? String(error)
    logger.warn(`Razorpay payment link for draft ${draftOrderId} not created (${status ?? "no answer"}): ${description}`)
    if (status && status < 500) throw new PaymentLinkRefusal(400, "razorpay_refused", `Razorpay refused the payment link: ${description}`)
    throw new PaymentLinkRefusal(503, "razorpay_unavailable", "Razorpay is not answering just now; no link was sent. Please try again in a minute.")
  }
  const link: PaymentLinkMetadata = {
    id: created.id,
    url: created.short_url,
    reference_id: request.reference_id,
    amount_paise: request.amount,
    expires_at: new Date(request.expire_by * 1000).toISOString(),
    status: "created",
    sent_at: new Date(now).toISOString(),
    sequence,
  }
  await writeLink(container, draftOrderId, link)
  const phone = customerPhone(draft!)!
  const data: PaymentLinkSentData = {
    draft_order_id: draftOrderId,
    razorpay_payment_link_id: link.id,
    url: link.url,
    amount_paise: link.amount_paise,
    expires_at: link.expires_at,
    phone,
    text: paymentLinkText(link),
  }
  await container.resolve(Modules.EVENT_BUS).emit({ name: SHOP_EVENTS.paymentLinkSent, data })
  logger.info(`Razorpay payment link ${link.id} of ${link.amount_paise} paise sent for draft order ${draftOrderId} (payable until ${link.expires_at}).`)
  return link
}

/**
 * The shop's order now holds this Razorpay payment, once, as a Razorpay payment like a checkout's:
 * a payment collection for the order, a session of the Razorpay provider pointed (server-side, here)
 * at the link's Razorpay order, and Medusa's authorisation of it, in which the provider asks Razorpay
 * for that order's payment and checks order, amount and currency; a captured payment is recorded as
 * captured. So the admin shows the order paid through Razorpay, and a refund made there goes to Razorpay.
 * Medusa emits no payment.captured for a payment captured at authorisation: it is emitted here (the
 * customer's "payment received" message).
 */
async function recordLinkPayment(container: MedusaContainer, orderId: string, payment: RazorpayPayment) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.id",
      "payment_collections.status",
      "payment_collections.payments.id",
      "payment_collections.payments.data",
      "payment_collections.payment_sessions.id",
      "payment_collections.payment_sessions.provider_id",
      "payment_collections.payment_sessions.status",
    ],
    filters: { id: orderId },
  })
  const collections = ((data[0] as any)?.payment_collections ?? []) as any[]
  // Recorded already (an earlier try stopped after it): a collection paid, or one holding this payment;
  // its captures on the order too, in case that try stopped before them.
  const recorded = collections.flatMap((c) => c.payments ?? []).find((p: any) => p?.data?.razorpay_payment_id === payment.id)
  if (recorded) return void (await recordPaymentCapturesWorkflow(container).run({ input: { order_id: orderId, payment_id: recorded.id } }))
  if (collections.some((c) => !["not_paid", "awaiting"].includes(c.status))) return
  const payments = container.resolve(Modules.PAYMENT) as any
  const amount = Number(paiseToRupees(payment.amount))
  let collection = collections[0]
  if (!collection) {
    const { result } = await createOrderPaymentCollectionWorkflow(container).run({ input: { order_id: orderId, amount } })
    collection = { id: (result as any)[0].id, payment_sessions: [] }
  }
  let session = (collection.payment_sessions ?? []).find((s: any) => s?.provider_id === RAZORPAY_PROVIDER_ID && s.status !== "authorized" && s.status !== "captured")
  if (!session) {
    session = await payments.createPaymentSession(collection.id, { provider_id: RAZORPAY_PROVIDER_ID, currency_code: "inr", amount, data: {} })
  }
  const keyId = apiOptions(pluginOptions(container))?.key_id
  await payments.updatePaymentSession({
    id: session.id,
    currency_code: "inr",
    amount,
    data: { session_id: session.id, key_id: keyId, razorpay_order_id: payment.order_id, amount_paise: payment.amount, currency: "INR" },
  })
  const made = await payments.authorizePaymentSession(session.id, {})
  // The order's summary counts the payment by a transaction per capture (else the admin reads it all outstanding).
  await recordPaymentCapturesWorkflow(container).run({ input: { order_id: orderId, payment_id: made.id } })
  await container.resolve(Modules.EVENT_BUS).emit({ name: "payment.captured", data: { id: made.id } })
}

/**
 * Settles the payments of a Razorpay order made by a payment link (its notes name the draft order);
 * called by RazorpaySettlement.settle under that order's lock. The draft becomes an order once;
 * any payment that cannot make it is refunded.
 */
export async function settleLinkOrder(
  container: MedusaContainer,
  settlement: RazorpaySettlement,
  order: RazorpayOrder,
  payments: RazorpayPayment[],
  foundBy: string
): Promise<SettleOutcome> {
  const draftId = notesOf(order).draft_order_id
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(draftLock(draftId), () => settleLinkOrderLocked(container, settlement, order, payments, foundBy), { timeout: 30 })
}

async function settleLinkOrderLocked(
  container: MedusaContainer,
  settlement: RazorpaySettlement,
  order: RazorpayOrder,
  payments: RazorpayPayment[],
  foundBy: string
): Promise<SettleOutcome> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const draftId = notesOf(order).draft_order_id
  const outcome: SettleOutcome = { razorpay_order_id: order.id, refunded: [], nothing_paid: false }
  const live = payments.filter(holdsMoney).sort((a, b) => Number(b.status === "captured") - Number(a.status === "captured") || a.created_at - b.created_at)
  if (!live.length) {
    outcome.nothing_paid = true
    return outcome
  }
  for (const payment of live) {
    const draft = await loadDraft(container, draftId)
    const link = currentLink(draft?.metadata)
    // This Razorpay order is the draft's current link's: Razorpay writes the link's reference_id as its receipt.
    const ours = !!link && link.reference_id === order.receipt
    let reason: RefundReason | null = null

    if (ours && link!.razorpay_payment_id === payment.id && link!.status === "paid") {
      outcome.order_id = draft!.id
      continue
    }
    if (ours && link!.razorpay_payment_id && link!.razorpay_payment_id !== payment.id) reason = "duplicate_payment"
    else if (ours && link!.razorpay_payment_id === payment.id && !isDraft(draft)) {
      // Converted by an earlier try that stopped before the payment was recorded.
      await recordLinkPayment(container, draft!.id, payment)
      await writeLink(container, draft!.id, { ...link!, status: "paid", order_id: draft!.id, paid_at: new Date().toISOString() })
      outcome.order_id = draft!.id
      continue
    } else if (!ours || !isDraft(draft)) reason = "order_closed"
    else if (payment.amount !== link!.amount_paise || rupeesToPaise(draft!.total) !== link!.amount_paise) reason = "amount_mismatch"
    else {
      // Marked first, so a try that stops after converting knows the order is this payment's.
      await writeLink(container, draft!.id, { ...link!, razorpay_payment_id: payment.id, razorpay_order_id: order.id })
      try {
        const converted = await runPluginWorkflow<{ order_id: string }>(container, "gram-pool-convert-draft-order", { draft_order_id: draft!.id })
        if (!converted) await convertDraftOrderWorkflow(container).run({ input: { id: draft!.id } })
      } catch (error: any) {
        reason = refusalReason(error)
        if (error?.code === "draft_order_converted") reason = "order_closed"
        if (!reason) throw error
        logger.warn(`Razorpay payment ${payment.id} (${foundBy}): draft order ${draft!.id} cannot become an order (${error?.message}).`)
      }
      if (!reason) {
        await recordLinkPayment(container, draft!.id, payment)
        await writeLink(container, draft!.id, { ...link!, razorpay_payment_id: payment.id, razorpay_order_id: order.id, status: "paid", order_id: draft!.id, paid_at: new Date().toISOString() })
        logger.info(`Razorpay payment ${payment.id} (${foundBy}): draft order ${draft!.id} became an order, paid through payment link ${link!.id}.`)
        outcome.order_id = draft!.id
        continue
      }
    }

    // No order from this payment: refunded in full, the customer and staff told.
    if (ours && isDraft(draft)) {
      await runPluginWorkflow(container, "gram-pool-release-cart-holds", { cart_id: draft!.id }).catch(() => undefined)
      if (!link!.razorpay_payment_id || link!.razorpay_payment_id === payment.id) {
        await writeLink(container, draft!.id, { ...link!, razorpay_payment_id: payment.id, razorpay_order_id: order.id, status: "refunded" })
      }
    }
    await settlement.refundWithoutOrder(payment, { reason, foundBy, phone: payment.contact ?? undefined })
    outcome.refunded.push({ razorpay_payment_id: payment.id, reason, amount_paise: payment.amount, message: refundSentence(reason, payment.amount) })
  }
  return outcome
}

/**
 * The shop's record of a Razorpay payment made through a payment link: the link's Razorpay
 * order names the draft in its notes (the link's notes), the draft (now the order) keeps the
 * link with the payment's id (metadata.payment_link), and the payment recorded on it
 * (recordLinkPayment) holds that id in its data. Undefined when the shop's order holds no
 * such payment (a payment refunded without an order, or not the shop's).
 */
export async function linkOrderPayment(container: Pick<MedusaContainer, "resolve">, order: RazorpayOrder, razorpayPaymentId: string) {
  const draftId = notesOf(order).draft_order_id
  if (!draftId) return undefined
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "metadata", "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.data"],
    filters: { id: draftId },
  })
  const row = data[0] as any
  if (currentLink(row?.metadata)?.razorpay_payment_id !== razorpayPaymentId) return undefined
  const payments = ((row.payment_collections ?? []) as any[]).flatMap((c) => c?.payments ?? [])
  return payments.find((p) => p?.provider_id === RAZORPAY_PROVIDER_ID && p.data?.razorpay_payment_id === razorpayPaymentId) as
    | { id: string; data: Record<string, any> }
    | undefined
}

/** An unpaid link expired or was cancelled: its hold goes back to the pools; the draft stays for staff. */
export async function closePaymentLink(container: MedusaContainer, entity: { id: string; notes?: unknown; status?: string }, status: "expired" | "cancelled") {
  const draftId = notesOf(entity as any).draft_order_id
  if (!draftId) return
  const locking = container.resolve(Modules.LOCKING)
  await locking.execute(
    draftLock(draftId),
    async () => {
      const draft = await loadDraft(container, draftId)
      const link = currentLink(draft?.metadata)
      if (!draft || !link || link.id !== entity.id || link.status !== "created") return
      if (isDraft(draft)) await runPluginWorkflow(container, "gram-pool-release-cart-holds", { cart_id: draftId })
      await writeLink(container, draftId, { ...link, status })
      // The backend frees the draft's place in its delivery slot (it keeps the delivery rules).
      const data: PaymentLinkClosedData = { draft_order_id: draftId, razorpay_payment_link_id: link.id, status }
      if (isDraft(draft)) await container.resolve(Modules.EVENT_BUS).emit({ name: SHOP_EVENTS.paymentLinkClosed, data })
      container.resolve(ContainerRegistrationKeys.LOGGER).info(`Razorpay payment link ${link.id} of draft order ${draftId} ${status}; its hold went back to the pools.`)
    },
    { timeout: 30 }
  )
}

/**
 * The expiry job's work: every draft whose link's time is up is asked of Razorpay: paid → settled
 * (an order, or a refund); unpaid → cancelled at Razorpay (so it cannot be paid later) and closed.
 */
export async function expireDuePaymentLinks(container: MedusaContainer, now = Date.now()) {
  const report = { checked: 0, expired: [] as string[], settled: [] as string[], failed: [] as { draft_order_id: string; error: string }[] }
  if (!apiOptions(pluginOptions(container))) return report
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "metadata"], filters: { is_draft_order: true, status: "draft" } as any })
  const due = (data as any[]).filter((d) => {
    const link = currentLink(d.metadata)
    return link?.status === "created" && Date.parse(link.expires_at) <= now
  })
  if (!due.length) return report
  const rzp = client(container)
  const settlement = new RazorpaySettlement(container)
  for (const draft of due) {
    const link = currentLink(draft.metadata)!
    report.checked += 1
    try {
      let fresh = (await callRazorpay("payment link lookup", () => rzp.paymentLink.fetch(link.id) as any)) as any
      if (fresh.status === "created" || fresh.status === "partially_paid") {
        try {
          fresh = await rzp.paymentLink.cancel(link.id)
        } catch {
          fresh = (await callRazorpay("payment link lookup", () => rzp.paymentLink.fetch(link.id) as any)) as any
        }
      }
      const paidWith = fresh.order_id ?? (fresh.payments?.[0]?.payment_id ? (await settlement.payment(fresh.payments[0].payment_id)).order_id : null)
      if (fresh.status === "paid" && paidWith) {
        await settlement.settle(paidWith, "payment link expiry")
        report.settled.push(draft.id)
      } else if (fresh.status === "expired" || fresh.status === "cancelled") {
        await closePaymentLink(container, { id: link.id, notes: { draft_order_id: draft.id } }, "expired")
        report.expired.push(draft.id)
      } else {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Razorpay says payment link ${link.id} is ${fresh.status}`)
      }
    } catch (error: any) {
      report.failed.push({ draft_order_id: draft.id, error: error?.message ?? String(error) })
    }
  }
  return report
}

/**
 * Staff turn the draft into an order themselves (Medusa's convert-to-order: cash on delivery): an
 * unpaid link is cancelled at Razorpay first, so it can no longer be paid, and its hold let go, so
 * Medusa's reservation does not count the grams twice. A link the customer has just paid refuses the
 * conversion: the order is being made from that payment.
 */
export async function closeLinkForConversion(container: MedusaContainer, draftOrderId: string) {
  const draft = await loadDraft(container, draftOrderId)
  const link = currentLink(draft?.metadata)
  if (!isDraft(draft) || link?.status !== "created") return
  const locking = container.resolve(Modules.LOCKING)
  await locking.execute(
    draftLock(draftOrderId),
    async () => {
      const rzp = client(container)
      try {
        await rzp.paymentLink.cancel(link.id)
      } catch {
        const fresh = (await rzp.paymentLink.fetch(link.id).catch(() => null)) as any
        if (fresh?.status === "paid") {
          throw new PaymentLinkRefusal(409, "payment_link_paid", "The customer has paid this draft's payment link; the order is being made from that payment.")
        }
        if (!fresh || fresh.status === "created" || fresh.status === "partially_paid") {
          throw new PaymentLinkRefusal(503, "razorpay_unavailable", "Razorpay did not cancel this draft's payment link just now, so it could still be paid; please try again in a minute.")
        }
      }
      await runPluginWorkflow(container, "gram-pool-release-cart-holds", { cart_id: draftOrderId })
      await writeLink(container, draftOrderId, { ...link, status: "cancelled" })
    },
    { timeout: 30 }
  )
}
