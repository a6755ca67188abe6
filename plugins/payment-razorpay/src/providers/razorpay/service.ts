import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { rupeesToPaise } from "@sweetshop/shop-contracts"
import { callRazorpay, Collection, holdsMoney, razorpayClient, RazorpayOrder, RazorpayPayment } from "../../lib/razorpay-api"
import { checkoutSignatureValid, webhookSignatureValid } from "../../lib/signatures"

export type RazorpayOptions = {
  key_id: string
  key_secret: string
  webhook_secret: string
  /** Capture at authorisation (Razorpay's auto-capture). Default false: staff capture on dispatch. */
  auto_capture?: boolean
  /** Another API host: the sandbox's fake Razorpay. */
  api_base_url?: string
  /** How long to wait for Razorpay before telling the shopper to try again. */
  timeout_ms?: number
  /** Minutes the cart's stock is held while the shopper pays (PAYMENT_HOLD_MINUTES): a payment made later is not accepted. */
  payment_hold_minutes?: number
}

/** What a payment session holds. The storefront can read it: ids and amounts only, never a secret. */
export type RazorpaySessionData = {
  session_id?: string
  key_id: string
  razorpay_order_id: string
  amount_paise: number
  currency: "INR"
  razorpay_payment_id?: string
  razorpay_signature?: string
  razorpay_payment_status?: string
  /** How the shopper paid, as Razorpay names it (upi, card, netbanking, wallet, emi, paylater): staff see it on the order. */
  razorpay_method?: string
  /** Unix seconds: the end of the stock hold; a payment started later is refunded, not fulfilled. */
  hold_until?: number
  /**
   * The refunds made, each with the speed asked (`optimum`: Razorpay's instant refund when it
   * can) and the speed Razorpay granted (`instant` or `normal`, its `speed_processed`), which
   * tells the shopper when the money arrives.
   */
  refunds?: { id: string; amount_paise: number; speed_requested?: string; speed_processed?: string | null }[]
}

const SESSION_KEYS = [
  "session_id",
  "key_id",
  "razorpay_order_id",
  "amount_paise",
  "currency",
  "hold_until",
  "razorpay_payment_id",
  "razorpay_signature",
  "razorpay_payment_status",
  "razorpay_method",
  "refunds",
] as const

/**
 * Only the provider's own keys: Medusa merges whatever `data` a store client
 * sent when opening the session into the session's data, and the payment's
 * data is copied from it at authorisation.
 */
export function ownSessionData(data: unknown): RazorpaySessionData {
  const source = (data ?? {}) as Record<string, unknown>
  const own: Record<string, unknown> = {}
  for (const key of SESSION_KEYS) if (source[key] !== undefined) own[key] = source[key]
  return own as RazorpaySessionData
}

export default class RazorpayProviderService extends AbstractPaymentProvider<RazorpayOptions> {
  static identifier = "razorpay"

  protected readonly client: ReturnType<typeof razorpayClient>
  protected readonly logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["key_id", "key_secret", "webhook_secret"]) {
      if (!options?.[key]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `The Razorpay payment provider needs the option ${key}.`)
      }
    }
  }

  constructor(cradle: Record<string, unknown>, options: RazorpayOptions) {
    super(cradle, options)
    this.logger_ = cradle.logger as Logger
    this.client = razorpayClient(options)
  }

  /** Razorpay's errors (or its silence) as one sentence for the shopper; details to the log. */
  private call<T>(action: string, fn: () => Promise<T>): Promise<T> {
    return callRazorpay(action, fn, (line) => this.logger_?.warn?.(line))
  }

  private async createOrder(amountPaise: number, sessionId: string | undefined, cartId: string | undefined): Promise<RazorpaySessionData> {
    const order = (await this.call("order creation", () =>
      this.client.orders.create({
        amount: amountPaise,
        currency: "INR",
        receipt: (sessionId ?? `ss_${Date.now()}`).slice(0, 40),
        // Webhooks carry the payment only; its order_id leads to this order, and these notes to the checkout.
        notes: { session_id: sessionId ?? "", ...(cartId ? { cart_id: cartId } : {}) },
      })
    )) as unknown as RazorpayOrder
    const holdMinutes = this.config.payment_hold_minutes ?? 15
    return {
      session_id: sessionId,
      key_id: this.config.key_id,
      razorpay_order_id: order.id,
      amount_paise: amountPaise,
      currency: "INR",
      // No hold (PAYMENT_HOLD_MINUTES=0, benchmarks only): no time limit either.
      ...(holdMinutes > 0 ? { hold_until: Number(order.created_at ?? Math.floor(Date.now() / 1000)) + holdMinutes * 60 } : {}),
    }
  }

  private assertInr(currencyCode: string) {
    if (currencyCode.toLowerCase() !== "inr") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Razorpay takes payments in INR here, not ${currencyCode.toUpperCase()}.`)
    }
  }

  async initiatePayment({ amount, currency_code, data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    this.assertInr(currency_code)
    const session = await this.createOrder(rupeesToPaise(amount), data?.session_id as string | undefined, data?.cart_id as string | undefined)
    return { id: session.razorpay_order_id, data: session, status: PaymentSessionStatus.PENDING }
  }

  /** Razorpay orders cannot change: a new amount means a new order. The checkout response is kept otherwise. */
  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    this.assertInr(currency_code)
    const current = ownSessionData(data)
    const amountPaise = rupeesToPaise(amount)
    if (!current?.razorpay_order_id || current.amount_paise !== amountPaise) {
      // The old order is given up: it must hold no money (see deletePayment).
      if (current?.razorpay_order_id) await this.refuseIfPaid(current)
      return { data: await this.createOrder(amountPaise, current?.session_id, (data as any)?.cart_id), status: PaymentSessionStatus.PENDING }
    }
    return { data: { ...current } }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const session = ownSessionData(data)
    const verified =
      !!session?.razorpay_payment_id &&
      checkoutSignatureValid(this.config.key_secret, session.razorpay_order_id, session.razorpay_payment_id, session.razorpay_signature)
    if (!verified) {
      // No word from the browser, or words that do not verify (a stale tab, a
      // garbled response): Razorpay itself says which payment, if any, was
      // made for the server's own order. A forged response gains nothing.
      const paid = await this.paymentForOrder(session)
      if (!paid) return { status: PaymentSessionStatus.REQUIRES_MORE, data: session }
      return this.confirmPayment(session, paid.id)
    }
    return this.confirmPayment(session, session.razorpay_payment_id!)
  }

  /** The captured (or else authorised) payment Razorpay holds for the session's order, if any. */
  private async paymentForOrder(session: RazorpaySessionData): Promise<RazorpayPayment | undefined> {
    if (!session?.razorpay_order_id) return undefined
    const items = await this.paymentsOf(session.razorpay_order_id)
    return items.find((p) => p.status === "captured" && holdsMoney(p)) ?? items.find((p) => p.status === "authorized")
  }

  private async paymentsOf(orderId: string): Promise<RazorpayPayment[]> {
    const { items } = (await this.call("order lookup", () => this.client.orders.fetchPayments(orderId))) as unknown as Collection<RazorpayPayment>
    return items ?? []
  }

  /**
   * A Razorpay order is never given up while it holds money: replacing or
   * deleting its session is refused until the payment has become an order or
   * been refunded (plugins/payment-razorpay/src/lib/settle.ts), which the
   * checkout, the webhooks and the reconciliation job do within a minute.
   */
  private async refuseIfPaid(session: RazorpaySessionData) {
    if (!session?.razorpay_order_id) return
    const live = (await this.paymentsOf(session.razorpay_order_id)).filter(holdsMoney)
    if (live.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This checkout has already been paid; your order is being made from that payment. Please wait a moment and look again."
      )
    }
  }

  /** Asks Razorpay about the payment and accepts it only for this order, amount and currency. */
  private async confirmPayment(session: RazorpaySessionData, paymentId: string): Promise<AuthorizePaymentOutput> {
    const payment = (await this.call("payment lookup", () => this.client.payments.fetch(paymentId))) as unknown as RazorpayPayment
    if (payment.order_id !== session.razorpay_order_id || payment.amount !== session.amount_paise || payment.currency !== "INR") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This payment does not match your order (amount or order). No order was made; please contact us if money was taken."
      )
    }
    if (session.hold_until && payment.created_at > session.hold_until) {
      // Razorpay's guidance for food orders paid late: do not fulfil, refund.
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Your payment reached us after the time we held your sweets for you, so no order was made; it is being refunded in full."
      )
    }
    const next = { ...session, razorpay_payment_id: payment.id, razorpay_payment_status: payment.status, razorpay_method: payment.method }
    if (payment.status === "captured") return { status: PaymentSessionStatus.CAPTURED, data: next }
    if (payment.status === "authorized") {
      if (this.config.auto_capture) {
        const captured = await this.capturePayment({ data: next })
        return { status: PaymentSessionStatus.CAPTURED, data: captured.data }
      }
      return { status: PaymentSessionStatus.AUTHORIZED, data: next }
    }
    if (payment.status === "failed") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The payment failed at the bank. No money was taken; please try again.")
    }
    return { status: PaymentSessionStatus.PENDING, data: next }
  }

  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const session = data as RazorpaySessionData
    const payment = (await this.call("payment lookup", () => this.client.payments.fetch(session.razorpay_payment_id!))) as unknown as RazorpayPayment
    if (payment.status === "captured") {
      return { data: { ...session, razorpay_payment_status: "captured" } }
    }
    const captured = (await this.call("capture", () =>
      this.client.payments.capture(payment.id, session.amount_paise, "INR")
    )) as unknown as RazorpayPayment
    return { data: { ...session, razorpay_payment_status: captured.status } }
  }

  async refundPayment({ amount, data }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const session = data as RazorpaySessionData & { dashboard_refunds?: { id: string; amount_paise: number }[] }
    const amountPaise = rupeesToPaise(amount)
    // A refund staff already made in Razorpay's dashboard, being recorded on
    // the order (lib/webhooks.ts, refund.processed): Razorpay is not asked twice.
    const fromDashboard = (session.dashboard_refunds ?? []).find((r) => r.amount_paise === amountPaise)
    if (fromDashboard) {
      return {
        data: {
          ...session,
          dashboard_refunds: (session.dashboard_refunds ?? []).filter((r) => r !== fromDashboard),
          refunds: [...(session.refunds ?? []), { id: fromDashboard.id, amount_paise: fromDashboard.amount_paise }],
        },
      }
    }
    const refund = (await this.call("refund", () =>
      // The note tells this refund apart from one made in Razorpay's dashboard when its webhook arrives.
      // speed "optimum": Razorpay's instant refund where it can (minutes), its normal one (5-7 working days) where it cannot.
      this.client.payments.refund(session.razorpay_payment_id!, { amount: amountPaise, speed: "optimum", notes: { source: "shop" } } as any)
    )) as { id: string; amount: number; speed_requested?: string; speed_processed?: string | null }
    const made = { id: refund.id, amount_paise: refund.amount, speed_requested: refund.speed_requested ?? "optimum", speed_processed: refund.speed_processed ?? null }
    return { data: { ...session, refunds: [...(session.refunds ?? []), made] } }
  }

  /** An uncaptured Razorpay payment is released by Razorpay itself; nothing to call. */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: { ...(data as RazorpaySessionData), razorpay_payment_status: "canceled" } }
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    await this.refuseIfPaid(data as RazorpaySessionData)
    return { data }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const session = data as RazorpaySessionData
    if (!session?.razorpay_payment_id) return { data: session }
    const payment = await this.call("payment lookup", () => this.client.payments.fetch(session.razorpay_payment_id!))
    return { data: { ...session, razorpay_payment_status: (payment as any).status } }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const session = data as RazorpaySessionData
    if (!session?.razorpay_order_id) return { status: PaymentSessionStatus.PENDING }
    const { items } = (await this.call("order lookup", () =>
      this.client.orders.fetchPayments(session.razorpay_order_id)
    )) as unknown as { items: RazorpayPayment[] }
    const statuses = (items ?? []).map((p) => p.status)
    if (statuses.includes("captured")) return { status: PaymentSessionStatus.CAPTURED, data: session }
    if (statuses.includes("authorized")) return { status: PaymentSessionStatus.AUTHORIZED, data: session }
    if (statuses.length && statuses.every((s) => s === "failed")) return { status: PaymentSessionStatus.ERROR, data: session }
    return { status: PaymentSessionStatus.PENDING, data: session }
  }

  /**
   * Razorpay's webhooks are taken in by the plugin's own handler on the same
   * URL (src/api/middlewares.ts → src/lib/webhooks.ts), which acts on them at
   * once and answers 5xx when processing fails so that Razorpay delivers them
   * again; Medusa's delayed webhook path is not used for Razorpay.
   */
  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const raw = payload.rawData as string | Buffer | undefined
    if (!raw || !webhookSignatureValid(this.config.webhook_secret, raw, payload.headers?.["x-razorpay-signature"])) {
      this.logger_?.warn?.("Razorpay webhook ignored: missing or wrong X-Razorpay-Signature")
    }
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
