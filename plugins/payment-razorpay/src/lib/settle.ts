import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { RAZORPAY_WEBHOOKS_MODULE } from "../modules/razorpay-webhooks"
import { attachPaymentToOrderWorkflow } from "../workflows/attach-payment-to-order"
import type RazorpayWebhooksModuleService from "../modules/razorpay-webhooks/service"
import { apiOptions, PAYMENT_REFUNDED_WITHOUT_ORDER_EVENT, pluginOptions, RAZORPAY_PROVIDER_ID } from "./options"
import { findStoppedCompletion, paiseToRupees } from "@sweetshop/shop-contracts"
import { settleLinkOrder } from "./payment-links"
import {
  callRazorpay,
  Collection,
  holdsMoney,
  notesOf,
  razorpayClient,
  RazorpayOrder,
  RazorpayPayment,
  RazorpayRefund,
} from "./razorpay-api"

/**
 * Every payment Razorpay reports as authorised or captured ends as an order
 * or a refund. This is the one place that decides which, for every path that
 * learns of a payment: the browser's checkout response, each webhook, a
 * checkout started again, and the reconciliation jobs. Per Razorpay order,
 * under a lock shared by every process (Medusa's locking module), so two
 * paths learning of the same payment at once act once.
 *
 * - The payment's checkout still stands (its session exists, the cart is not
 *   ordered) and the payment was made while the cart's stock was held: the
 *   cart is completed with it (the provider checks order, amount and currency
 *   with Razorpay again).
 * - Otherwise, or when completing is refused for good (sold out, amount,
 *   verification): the payment is refunded in full at once (an authorisation
 *   is captured and refunded: Razorpay has no void), recorded with the reason,
 *   and the shopper and staff are told (the payment-refunded event).
 * - A failure that may pass (Razorpay or the database not answering, a busy
 *   lock) is thrown: the webhook answers 5xx so Razorpay delivers it again, and
 *   the reconciliation job tries again next minute.
 */

export type RefundReason =
  | "sold_out"
  | "late_payment"
  | "checkout_replaced"
  | "duplicate_payment"
  | "amount_mismatch"
  | "could_not_complete"
  | "order_closed"

export type SettleOutcome = {
  razorpay_order_id: string
  /** The shop's order made from (or already holding) a payment of this Razorpay order. */
  order_id?: string
  cart_id?: string
  refunded: { razorpay_payment_id: string; reason: RefundReason; amount_paise: number; message: string }[]
  /** Razorpay holds no money for this order (nothing paid, or all refunded). */
  nothing_paid: boolean
}

const WHY: Record<RefundReason, string> = {
  sold_out: "the sweets sold out before your payment reached us",
  late_payment: "your payment reached us after the time we held your sweets for you",
  checkout_replaced: "it was made for a checkout that had been started again",
  duplicate_payment: "your order had already been paid",
  amount_mismatch: "the amount paid does not match your order",
  could_not_complete: "the order could not be made",
  order_closed: "the order it was for had already been placed another way or removed by the shop",
}

export function refundSentence(reason: RefundReason, amountPaise: number): string {
  return `We could not make an order from your payment of ₹${paiseToRupees(amountPaise)} because ${WHY[reason]}; the full amount is being refunded to you.`
}

/** Errors that will not pass by trying again: the payment is refunded. Anything else is retried. */
export function refusalReason(error: any): RefundReason | null {
  const type = error?.type
  const message = String(error?.message ?? "")
  if (/not authorized with the provider|not answering|Razorpay refused|busy with other orders/i.test(message)) return null
  if (type !== MedusaError.Types.NOT_ALLOWED && type !== MedusaError.Types.INVALID_DATA && type !== MedusaError.Types.NOT_FOUND && type !== MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR) {
    return null
  }
  if (/left; your cart needs|sold out|no longer sold/i.test(message)) return "sold_out"
  if (/does not match your order/i.test(message)) return "amount_mismatch"
  if (/after the time we held/i.test(message)) return "late_payment"
  return "could_not_complete"
}

type SessionRow = {
  id: string
  status: string
  data: Record<string, any> | null
  payment_collection_id: string
  payment?: { id: string; data: Record<string, any> | null } | null
}

export class RazorpaySettlement {
  private readonly client: ReturnType<typeof razorpayClient>
  private readonly query: any
  private readonly logger: any
  private readonly actions: RazorpayWebhooksModuleService

  constructor(private readonly container: MedusaContainer) {
    const api = apiOptions(pluginOptions(container))
    if (!api) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Razorpay is not configured in this shop.")
    this.client = razorpayClient(api)
    this.query = container.resolve(ContainerRegistrationKeys.QUERY)
    this.logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    this.actions = container.resolve(RAZORPAY_WEBHOOKS_MODULE)
  }

  private log = (line: string) => this.logger.warn(line)

  async order(id: string) {
    return callRazorpay("order lookup", () => this.client.orders.fetch(id) as unknown as Promise<RazorpayOrder>, this.log)
  }

  async paymentsOf(orderId: string): Promise<RazorpayPayment[]> {
    const { items } = await callRazorpay("order payments lookup", () => this.client.orders.fetchPayments(orderId) as unknown as Promise<Collection<RazorpayPayment>>, this.log)
    return items ?? []
  }

  async payment(id: string): Promise<RazorpayPayment> {
    return callRazorpay("payment lookup", () => this.client.payments.fetch(id) as unknown as Promise<RazorpayPayment>, this.log)
  }

  /** Razorpay's payments made in a window (unix seconds), every page. */
  async paymentsBetween(from: number, to: number): Promise<RazorpayPayment[]> {
    const all: RazorpayPayment[] = []
    for (let skip = 0; ; skip += 100) {
      const page = await callRazorpay(
        "payments listing",
        () => this.client.payments.all({ from, to, count: 100, skip }) as unknown as Promise<Collection<RazorpayPayment>>,
        this.log
      )
      all.push(...(page.items ?? []))
      if ((page.items ?? []).length < 100) return all
    }
  }

  private async sessionOf(order: RazorpayOrder): Promise<SessionRow | undefined> {
    const sessionId = notesOf(order).session_id
    if (!sessionId) return undefined
    const { data } = await this.query.graph({
      entity: "payment_session",
      fields: ["id", "status", "data", "provider_id", "payment_collection_id", "payment.id", "payment.data"],
      filters: { id: sessionId },
    })
    const session = data[0] as SessionRow & { provider_id: string }
    // A session that has since been given to another Razorpay order is not this order's.
    if (!session || session.provider_id !== RAZORPAY_PROVIDER_ID || session.data?.razorpay_order_id !== order.id) return undefined
    return session
  }

  private async cartOf(paymentCollectionId: string | undefined, cartIdHint?: string) {
    // The session's own payment collection decides; the order's notes (written
    // from session data a client could shape) only help once the session is gone.
    let cartId: string | undefined
    if (paymentCollectionId) {
      const { data } = await this.query.graph({ entity: "cart_payment_collection", fields: ["cart_id"], filters: { payment_collection_id: paymentCollectionId } })
      cartId = data[0]?.cart_id
    } else {
      cartId = cartIdHint
    }
    if (!cartId) return undefined
    const { data } = await this.query.graph({
      entity: "cart",
      fields: ["id", "completed_at", "shipping_address.phone", "billing_address.phone"],
      filters: { id: cartId },
    })
    const cart = data[0] as any
    if (!cart) return undefined
    const { data: links } = await this.query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
    // No link: the completion may have stopped between writing the order and linking it (a killed process).
    const stopped = links.length ? null : await findStoppedCompletion(this.query, cartId)
    return {
      id: cart.id as string,
      completed_at: cart.completed_at,
      order_id: (links[0]?.order_id ?? stopped?.order_id) as string | undefined,
      phone: (cart.shipping_address?.phone ?? cart.billing_address?.phone) as string | undefined,
    }
  }

  /** The Razorpay payment ids the shop's orders hold, among these (checkouts' and payment links'). */
  async paymentsWithOrders(paymentIds: string[], since: Date): Promise<Set<string>> {
    if (!paymentIds.length) return new Set()
    const { data } = await this.query.graph({
      entity: "payment",
      fields: ["id", "data"],
      filters: { provider_id: RAZORPAY_PROVIDER_ID, created_at: { $gte: since } },
    })
    const wanted = new Set(paymentIds)
    return new Set((data as any[]).map((p) => p.data?.razorpay_payment_id).filter((id) => wanted.has(id)))
  }

  /** Decides, under the order's lock, what becomes of every payment of one Razorpay order. */
  async settle(razorpayOrderId: string, foundBy: string): Promise<SettleOutcome> {
    const locking = this.container.resolve(Modules.LOCKING)
    return locking.execute(`razorpay-order:${razorpayOrderId}`, () => this.settleLocked(razorpayOrderId, foundBy), { timeout: 30 })
  }

  private async settleLocked(razorpayOrderId: string, foundBy: string): Promise<SettleOutcome> {
    const outcome: SettleOutcome = { razorpay_order_id: razorpayOrderId, refunded: [], nothing_paid: false }
    const [order, payments] = await Promise.all([this.order(razorpayOrderId), this.paymentsOf(razorpayOrderId)])
    // A Razorpay order made by a payment link (a phone order's draft): settled as that (payment-links.ts).
    if (notesOf(order).draft_order_id) return settleLinkOrder(this.container, this, order, payments, foundBy)
    const live = payments.filter(holdsMoney).sort((a, b) => Number(b.status === "captured") - Number(a.status === "captured") || a.created_at - b.created_at)
    let session = await this.sessionOf(order)
    let cart = await this.cartOf(session?.payment_collection_id, notesOf(order).cart_id)
    outcome.cart_id = cart?.id
    outcome.order_id = cart?.order_id
    if (!live.length) {
      outcome.nothing_paid = true
      return outcome
    }

    for (const payment of live) {
      const ordered = session?.payment?.data?.razorpay_payment_id === payment.id
      if (ordered) continue

      let reason: RefundReason | null = null
      const holdUntil = Number(session?.data?.hold_until ?? 0)
      if (session && cart?.order_id && !session.payment) {
        // The order was made but its completion stopped before the payment was
        // attached (the process was killed): the payment belongs on that order.
        try {
          await attachPaymentToOrderWorkflow(this.container).run({ input: { cart_id: cart.id, order_id: cart.order_id, payment_session_id: session.id } })
          this.logger.warn(`Razorpay payment ${payment.id} (${foundBy}): attached to order ${cart.order_id}, whose completion had stopped before it.`)
        } catch (error: any) {
          if (!refusalReason(error)) throw error
          this.logger.error(`Razorpay payment ${payment.id} (${foundBy}): order ${cart.order_id} exists but the payment cannot be attached (${error?.message}); refunded, staff must cancel the order.`)
        }
        session = await this.sessionOf(order)
        if (session?.payment?.data?.razorpay_payment_id === payment.id) {
          outcome.order_id = cart.order_id
          continue
        }
      }
      if (!session || !cart) reason = "checkout_replaced"
      else if (cart.order_id || cart.completed_at) reason = "duplicate_payment"
      else if (holdUntil && payment.created_at > holdUntil) reason = "late_payment"
      else {
        try {
          const { result } = await completeCartWorkflow(this.container).run({ input: { id: cart.id } })
          outcome.order_id = result.id
          this.logger.info(`Razorpay payment ${payment.id} (${foundBy}): order ${result.id} made from cart ${cart.id}.`)
        } catch (error: any) {
          reason = refusalReason(error)
          if (!reason) throw error
          this.logger.warn(`Razorpay payment ${payment.id} (${foundBy}): cart ${cart.id} cannot become an order (${error?.message}).`)
        }
        // Whatever happened, read the checkout again: a payment the order now holds is settled.
        session = await this.sessionOf(order)
        cart = await this.cartOf(session?.payment_collection_id, cart.id)
        if (session?.payment?.data?.razorpay_payment_id === payment.id && cart?.order_id) {
          outcome.order_id = cart.order_id
          continue
        }
        if (!reason) reason = cart?.order_id ? "duplicate_payment" : "could_not_complete"
      }
      // The phone on the checkout when the checkout still stands; otherwise the one the payer gave Razorpay
      // (an order's notes come from session data a client could shape: they name no one to message).
      const phone = session ? cart?.phone : undefined
      await this.refundWithoutOrder(payment, { reason, foundBy, cartId: cart?.id ?? notesOf(order).cart_id, phone })
      outcome.refunded.push({ razorpay_payment_id: payment.id, reason, amount_paise: payment.amount, message: refundSentence(reason, payment.amount) })
    }
    return outcome
  }

  /** Refunds a payment that made no order, once, and tells the shopper and staff. */
  async refundWithoutOrder(
    payment: RazorpayPayment,
    { reason, foundBy, cartId, phone }: { reason: RefundReason; foundBy: string; cartId?: string; phone?: string }
  ) {
    const detail = refundSentence(reason, payment.amount)
    let [row] = await this.actions.listPaymentActions({ razorpay_payment_id: payment.id })
    if (row?.outcome === "refunded") return row
    if (!row) {
      row = await this.actions.createPaymentActions({
        razorpay_payment_id: payment.id,
        razorpay_order_id: payment.order_id,
        amount_paise: payment.amount,
        reason,
        detail,
        outcome: "refunding",
        cart_id: cartId ?? null,
        phone: phone ?? payment.contact ?? null,
        found_by: foundBy,
      })
    }
    let refundId: string | null = null
    try {
      const fresh = await this.payment(payment.id)
      if (holdsMoney(fresh)) {
        // Razorpay refunds captured payments only, and has no void: an authorisation is captured, then refunded.
        if (fresh.status === "authorized") {
          await callRazorpay("capture before refund", () => this.client.payments.capture(fresh.id, fresh.amount, fresh.currency), this.log)
        }
        const refund = (await callRazorpay(
          "refund",
          () =>
            this.client.payments.refund(fresh.id, {
              amount: fresh.amount - (fresh.amount_refunded ?? 0),
              speed: "optimum",
              notes: { reason, razorpay_order_id: String(fresh.order_id ?? "") },
            } as any),
          this.log
        )) as unknown as RazorpayRefund
        refundId = refund.id
      }
    } catch (error: any) {
      if (error?.type === MedusaError.Types.NOT_ALLOWED) {
        // Razorpay refused the refund itself: staff must act; say so everywhere.
        row = await this.actions.updatePaymentActions({ id: row.id, outcome: "refund_failed", detail: `${detail} (Razorpay refused the refund: ${error.message})` })
        this.logger.error(`Razorpay payment ${payment.id}: the refund was refused (${error.message}); staff must refund it by hand.`)
        await this.tell(row)
        return row
      }
      throw error
    }
    row = await this.actions.updatePaymentActions({ id: row.id, outcome: "refunded", refund_id: refundId })
    this.logger.warn(`Razorpay payment ${payment.id} of ${payment.amount} paise refunded without an order (${reason}, found by ${foundBy}).`)
    await this.tell(row)
    return row
  }

  private async tell(row: any) {
    await this.container.resolve(Modules.EVENT_BUS).emit({
      name: PAYMENT_REFUNDED_WITHOUT_ORDER_EVENT,
      data: {
        id: row.id,
        razorpay_payment_id: row.razorpay_payment_id,
        amount_paise: row.amount_paise,
        reason: row.reason,
        outcome: row.outcome,
        text: row.detail,
        phone: row.phone,
        cart_id: row.cart_id,
      },
    })
  }
}

/** Settles every Razorpay checkout of a cart (the checkout started again, the session reconciliation). */
export async function settleCart(container: MedusaContainer, cartId: string, foundBy: string): Promise<SettleOutcome[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "payment_collection.payment_sessions.provider_id", "payment_collection.payment_sessions.data"],
    filters: { id: cartId },
  })
  const orderIds = ((data[0] as any)?.payment_collection?.payment_sessions ?? [])
    .filter((s: any) => s?.provider_id === RAZORPAY_PROVIDER_ID && s.data?.razorpay_order_id)
    .map((s: any) => s.data.razorpay_order_id as string)
  if (!orderIds.length) return []
  const settlement = new RazorpaySettlement(container)
  const outcomes: SettleOutcome[] = []
  for (const id of orderIds) outcomes.push(await settlement.settle(id, foundBy))
  return outcomes
}
