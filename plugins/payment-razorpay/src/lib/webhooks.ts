import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { RAZORPAY_WEBHOOKS_MODULE } from "../modules/razorpay-webhooks"
import type RazorpayWebhooksModuleService from "../modules/razorpay-webhooks/service"
import { PAYMENT_FAILED_EVENT, PAYMENT_REFUNDED_WITHOUT_ORDER_EVENT, pluginOptions, RAZORPAY_PROVIDER_ID } from "./options"
import { paiseToRupees } from "@sweetshop/shop-contracts"
import { notesOf, RazorpayPayment, RazorpayRefund } from "./razorpay-api"
import { RazorpaySettlement } from "./settle"
import { closePaymentLink, linkOrderPayment } from "./payment-links"
import { webhookSignatureValid } from "./signatures"

/**
 * Razorpay's webhooks, acted on while Razorpay waits for the answer:
 * 200 once the event has been processed (or was processed before), 5xx when
 * processing failed, so Razorpay delivers it again (it retries for 24 hours),
 * 400 for a delivery that is not Razorpay's (bad signature, malformed id).
 * The event id is recorded only after its processing succeeded.
 *
 * Events, in the shapes Razorpay documents (sandbox/razorpay/fixtures):
 * - payment.authorized, payment.captured: the payment entity only, with
 *   `notes: []`; its `order_id` leads to the Razorpay order and, through the
 *   order's notes, to the checkout. Settled: an order or a refund (settle.ts).
 * - order.paid: the order and the payment. Settled the same way.
 * - payment.failed: nothing was taken; the cart stays payable and the shopper
 *   is told by message.
 * - refund.processed: a refund made in Razorpay's dashboard is recorded on the
 *   shop's order, a checkout's or a payment link's (refunds made by the shop
 *   itself are recognised by their notes).
 * - refund.failed: staff are alerted.
 * - payment_link.paid: the link's Razorpay order (its notes name the draft
 *   order) is settled: the draft becomes an order once, or the payment is
 *   refunded (payment-links.ts). payment_link.expired / .cancelled: the
 *   draft's hold is let go; the draft stays.
 */

export type WebhookAnswer = { status: number; body: Record<string, unknown> }

/** Razorpay's event ids are 14 characters; anything much longer is not Razorpay's. */
export const EVENT_ID = /^[A-Za-z0-9_-]{1,32}$/

export async function takeInRazorpayWebhook(
  container: MedusaContainer,
  { raw, headers }: { raw: Buffer | string | undefined; headers: Record<string, unknown> }
): Promise<WebhookAnswer> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const secret = pluginOptions(container).webhook_secret
  if (!secret) return { status: 404, body: { code: "razorpay_not_configured", message: "Razorpay is not configured in this shop." } }
  if (!raw || !webhookSignatureValid(secret, raw, headers["x-razorpay-signature"])) {
    logger.warn("Razorpay webhook refused: missing or wrong X-Razorpay-Signature")
    return { status: 400, body: { code: "invalid_signature", message: "The X-Razorpay-Signature header does not match the body." } }
  }
  const eventId = headers["x-razorpay-event-id"]
  if (typeof eventId !== "string" || !EVENT_ID.test(eventId)) {
    return { status: 400, body: { code: "invalid_event_id", message: "The X-Razorpay-Event-Id header is missing or is not a Razorpay event id." } }
  }
  let event: any
  try {
    event = JSON.parse(Buffer.isBuffer(raw) ? raw.toString("utf8") : raw)
  } catch {
    return { status: 400, body: { code: "invalid_body", message: "The body is not JSON." } }
  }
  if (!event || typeof event !== "object" || typeof event.event !== "string") {
    return { status: 400, body: { code: "invalid_body", message: "The body is not a Razorpay event." } }
  }

  const events: RazorpayWebhooksModuleService = container.resolve(RAZORPAY_WEBHOOKS_MODULE)
  const [seen] = await events.listWebhookEvents({ event_id: eventId })
  if (seen) return { status: 200, body: { received: true, duplicate: true } }

  try {
    await act(container, event)
  } catch (error: any) {
    logger.error(`Razorpay webhook ${eventId} (${event.event}) not processed; Razorpay will deliver it again: ${error?.message ?? error}`)
    return { status: 503, body: { code: "retry_later", message: "The event could not be processed just now; deliver it again." } }
  }

  try {
    await events.createWebhookEvents({ event_id: eventId, event: event.event.slice(0, 100) })
  } catch (error: any) {
    // Only a repeated event id (processed at the same moment by another delivery) is a duplicate.
    if (!isUniqueViolation(error)) {
      logger.error(`Razorpay webhook ${eventId}: processed, but its id was not recorded (${error?.message ?? error}); a repeat will be processed again, harmlessly.`)
      return { status: 503, body: { code: "retry_later", message: "The event was processed but could not be recorded; deliver it again." } }
    }
    return { status: 200, body: { received: true, duplicate: true } }
  }
  return { status: 200, body: { received: true } }
}

export function isUniqueViolation(error: any): boolean {
  const text = `${error?.code ?? ""} ${error?.message ?? ""} ${error?.type ?? ""}`
  return /23505|duplicate key|already exists|unique/i.test(text)
}

async function act(container: MedusaContainer, event: any) {
  const payment: RazorpayPayment | undefined = event.payload?.payment?.entity
  const found = `webhook:${event.event}`
  switch (event.event) {
    case "payment.authorized":
    case "payment.captured":
      // A payment made without a Razorpay order is not the shop's (Razorpay refunds those itself).
      if (payment?.order_id) await new RazorpaySettlement(container).settle(payment.order_id, found)
      return
    case "order.paid": {
      const orderId = event.payload?.order?.entity?.id ?? payment?.order_id
      if (orderId) await new RazorpaySettlement(container).settle(orderId, found)
      return
    }
    case "payment.failed":
      if (payment) await paymentFailed(container, payment)
      return
    case "payment_link.paid": {
      // The link's Razorpay order carries the draft's id in its notes: settled like any payment (an order or a refund).
      const orderId = payment?.order_id ?? event.payload?.payment_link?.entity?.order_id
      if (orderId) await new RazorpaySettlement(container).settle(orderId, found)
      return
    }
    case "payment_link.expired":
    case "payment_link.cancelled":
      if (event.payload?.payment_link?.entity) await closePaymentLink(container, event.payload.payment_link.entity, event.event === "payment_link.expired" ? "expired" : "cancelled")
      return
    case "refund.processed":
      if (event.payload?.refund?.entity) await recordDashboardRefund(container, event.payload.refund.entity)
      return
    case "refund.failed":
      if (event.payload?.refund?.entity) await refundFailed(container, event.payload.refund.entity, payment)
      return
    default:
      return
  }
}

async function checkoutOfPayment(container: MedusaContainer, settlement: RazorpaySettlement, razorpayOrderId: string | null) {
  if (!razorpayOrderId) return undefined
  const order = await settlement.order(razorpayOrderId)
  const sessionId = notesOf(order).session_id
  if (!sessionId) return undefined
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_session",
    fields: ["id", "provider_id", "data", "payment_collection_id", "payment.id", "payment.data"],
    filters: { id: sessionId },
  })
  const session = data[0] as any
  if (!session || session.provider_id !== RAZORPAY_PROVIDER_ID) return { order, session: undefined, cart: undefined }
  const { data: links } = await query.graph({ entity: "cart_payment_collection", fields: ["cart_id"], filters: { payment_collection_id: session.payment_collection_id } })
  const cartId = links[0]?.cart_id ?? notesOf(order).cart_id
  const { data: carts } = cartId
    ? await query.graph({ entity: "cart", fields: ["id", "completed_at", "shipping_address.phone"], filters: { id: cartId } })
    : { data: [] as any[] }
  return { order, session, cart: carts[0] as any }
}

/** The shopper's payment failed at the bank: nothing was taken, the cart stays payable; the shopper is told. */
async function paymentFailed(container: MedusaContainer, payment: RazorpayPayment) {
  const settlement = new RazorpaySettlement(container)
  const checkout = await checkoutOfPayment(container, settlement, payment.order_id)
  const cart = checkout?.cart
  if (cart?.completed_at) return
  const phone = cart?.shipping_address?.phone ?? payment.contact ?? null
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`Razorpay payment ${payment.id} failed (${payment.error_description ?? payment.error_code ?? "no reason given"}); cart ${cart?.id ?? "unknown"} stays payable.`)
  if (!phone) return
  await container.resolve(Modules.EVENT_BUS).emit({
    name: PAYMENT_FAILED_EVENT,
    data: {
      razorpay_payment_id: payment.id,
      amount_paise: payment.amount,
      phone,
      cart_id: cart?.id ?? null,
      text: `Your payment of ₹${paiseToRupees(payment.amount)} did not go through and no money was taken; your cart is kept, so you can pay again from the checkout page.`,
    },
  })
}

/**
 * A refund made outside the shop (Razorpay's dashboard) is recorded on the shop's order, once
 * (under the refund's lock: two deliveries at once record it once). The order is found through
 * the payment's Razorpay order: a checkout's names its payment session in its notes, a payment
 * link's names the draft order (payment-links.ts linkOrderPayment).
 */
async function recordDashboardRefund(container: MedusaContainer, refund: RazorpayRefund) {
  const notes = notesOf(refund)
  if (notes.source === "shop" || notes.reason) return // made by the shop itself: already recorded
  await container.resolve(Modules.LOCKING).execute(`razorpay-refund:${refund.id}`, () => recordDashboardRefundLocked(container, refund), { timeout: 30 })
}

async function recordDashboardRefundLocked(container: MedusaContainer, refund: RazorpayRefund) {
  const actions: RazorpayWebhooksModuleService = container.resolve(RAZORPAY_WEBHOOKS_MODULE)
  if ((await actions.listPaymentActions({ refund_id: refund.id })).length) return
  const settlement = new RazorpaySettlement(container)
  const payment = await settlement.payment(refund.payment_id)
  const checkout = await checkoutOfPayment(container, settlement, payment.order_id)
  let medusaPayment = checkout?.session?.payment
  if (!medusaPayment && payment.order_id) medusaPayment = await linkOrderPayment(container, checkout?.order ?? (await settlement.order(payment.order_id)), payment.id)
  if (!medusaPayment || medusaPayment.data?.razorpay_payment_id !== payment.id) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Razorpay refund ${refund.id} of payment ${payment.id}: no order of the shop holds that payment; nothing to record.`)
    return
  }
  const data = medusaPayment.data ?? {}
  const known = [...(data.refunds ?? []), ...(data.dashboard_refunds ?? [])].some((r: any) => r?.id === refund.id)
  if (known) return
  const paymentModule = container.resolve(Modules.PAYMENT)
  await paymentModule.updatePayment({ id: medusaPayment.id, data: { ...data, dashboard_refunds: [...(data.dashboard_refunds ?? []), { id: refund.id, amount_paise: refund.amount }] } } as any)
  await refundPaymentWorkflow(container).run({
    input: { payment_id: medusaPayment.id, amount: paiseToRupees(refund.amount) as any, note: `Refunded in Razorpay's dashboard (${refund.id})` },
  })
}

/** A refund Razorpay could not make: staff must act. */
async function refundFailed(container: MedusaContainer, refund: RazorpayRefund, payment: RazorpayPayment | undefined) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.error(`Razorpay refund ${refund.id} of payment ${refund.payment_id} (${refund.amount} paise) FAILED; staff must refund it by hand.`)
  const actions: RazorpayWebhooksModuleService = container.resolve(RAZORPAY_WEBHOOKS_MODULE)
  const [row] = await actions.listPaymentActions({ razorpay_payment_id: refund.payment_id })
  const detail = `Razorpay could not refund ₹${paiseToRupees(refund.amount)} of payment ${refund.payment_id} (refund ${refund.id}); please refund it by hand.`
  const saved = row
    ? await actions.updatePaymentActions({ id: row.id, outcome: "refund_failed", detail })
    : await actions.createPaymentActions({
        razorpay_payment_id: refund.payment_id,
        razorpay_order_id: payment?.order_id ?? null,
        amount_paise: refund.amount,
        reason: "refund_failed",
        detail,
        outcome: "refund_failed",
        refund_id: refund.id,
        phone: null,
        cart_id: null,
        found_by: "webhook:refund.failed",
      })
  await container.resolve(Modules.EVENT_BUS).emit({
    name: PAYMENT_REFUNDED_WITHOUT_ORDER_EVENT,
    data: { id: saved.id, razorpay_payment_id: refund.payment_id, amount_paise: refund.amount, reason: "refund_failed", outcome: "refund_failed", text: detail, phone: null },
  })
}
