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
import Razorpay from "razorpay"
import { paiseToRupees, rupeesToPaise } from "../../lib/paise"
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
  refunds?: { id: string; amount_paise: number }[]
}

type RazorpayPayment = {
  id: string
  order_id: string
  amount: number
  currency: string
  status: "created" | "authorized" | "captured" | "refunded" | "failed"
  amount_refunded?: number
  notes?: Record<string, string>
}

export default class RazorpayProviderService extends AbstractPaymentProvider<RazorpayOptions> {
  static identifier = "razorpay"

  protected readonly client: InstanceType<typeof Razorpay>
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
    this.client = new Razorpay({ key_id: options.key_id, key_secret: options.key_secret })
    // The SDK has no host option; its axios instance carries the base URL (see ../../README.md).
    const rq = (this.client as any).api.rq
    if (options.api_base_url) rq.defaults.baseURL = options.api_base_url
    rq.defaults.timeout = options.timeout_ms ?? 15_000
  }

  /** Razorpay's errors (or its silence) as one sentence for the shopper; details to the log. */
  private failure(action: string, error: any): MedusaError {
    const status = error?.statusCode
    const description = error?.error?.description ?? error?.message ?? String(error)
    this.logger_?.warn?.(`Razorpay ${action} failed (${status ?? "no answer"}): ${description}`)
    if (status && status < 500) {
      return new MedusaError(MedusaError.Types.NOT_ALLOWED, `Razorpay refused the payment step: ${description}`)
    }
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "The payment service is not answering just now. Your cart is kept; please try again in a minute."
    )
  }

  private async call<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (error) {
      throw this.failure(action, error)
    }
  }

  private async createOrder(amountPaise: number, sessionId: string | undefined): Promise<RazorpaySessionData> {
    const order = (await this.call("order creation", () =>
      this.client.orders.create({
        amount: amountPaise,
        currency: "INR",
        receipt: (sessionId ?? `ss_${Date.now()}`).slice(0, 40),
        notes: { session_id: sessionId ?? "" },
      })
    )) as { id: string }
    return { session_id: sessionId, key_id: this.config.key_id, razorpay_order_id: order.id, amount_paise: amountPaise, currency: "INR" }
  }

  private assertInr(currencyCode: string) {
    if (currencyCode.toLowerCase() !== "inr") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Razorpay takes payments in INR here, not ${currencyCode.toUpperCase()}.`)
    }
  }

  async initiatePayment({ amount, currency_code, data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    this.assertInr(currency_code)
    const session = await this.createOrder(rupeesToPaise(amount), data?.session_id as string | undefined)
    return { id: session.razorpay_order_id, data: session, status: PaymentSessionStatus.PENDING }
  }

  /** Razorpay orders cannot change: a new amount means a new order. The checkout response is kept otherwise. */
  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    this.assertInr(currency_code)
    const current = data as RazorpaySessionData
    const amountPaise = rupeesToPaise(amount)
    if (!current?.razorpay_order_id || current.amount_paise !== amountPaise) {
      return { data: await this.createOrder(amountPaise, current?.session_id), status: PaymentSessionStatus.PENDING }
    }
    return { data: { ...current } }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const session = data as RazorpaySessionData
    if (!session?.razorpay_payment_id) {
      // No word from the browser (a webhook or the reconciliation job asks):
      // ask Razorpay which payment, if any, was made for the server's own order.
      const paid = await this.paymentForOrder(session)
      if (!paid) return { status: PaymentSessionStatus.REQUIRES_MORE, data: session }
      return this.confirmPayment(session, paid.id)
    }
    if (!checkoutSignatureValid(this.config.key_secret, session.razorpay_order_id, session.razorpay_payment_id, session.razorpay_signature)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The payment could not be verified. No money was taken for this order; please pay again.")
    }
    return this.confirmPayment(session, session.razorpay_payment_id)
  }

  /** The captured (or else authorised) payment Razorpay holds for the session's order, if any. */
  private async paymentForOrder(session: RazorpaySessionData): Promise<RazorpayPayment | undefined> {
    if (!session?.razorpay_order_id) return undefined
    const { items } = (await this.call("order lookup", () =>
      this.client.orders.fetchPayments(session.razorpay_order_id)
    )) as unknown as { items: RazorpayPayment[] }
    return (items ?? []).find((p) => p.status === "captured") ?? (items ?? []).find((p) => p.status === "authorized")
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
    const next = { ...session, razorpay_payment_id: payment.id, razorpay_payment_status: payment.status }
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
    const session = data as RazorpaySessionData
    const amountPaise = rupeesToPaise(amount)
    const refund = (await this.call("refund", () =>
      this.client.payments.refund(session.razorpay_payment_id!, { amount: amountPaise })
    )) as { id: string; amount: number }
    return { data: { ...session, refunds: [...(session.refunds ?? []), { id: refund.id, amount_paise: refund.amount }] } }
  }

  /** An uncaptured Razorpay payment is released by Razorpay itself; nothing to call. */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: { ...(data as RazorpaySessionData), razorpay_payment_status: "canceled" } }
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
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
   * Webhooks: the signature over the raw body is checked before anything
   * else; an unsigned or mis-signed delivery is ignored.
   */
  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const signature = payload.headers?.["x-razorpay-signature"]
    const raw = payload.rawData as string | Buffer | undefined
    if (!raw || !webhookSignatureValid(this.config.webhook_secret, raw, signature)) {
      this.logger_?.warn?.("Razorpay webhook ignored: missing or wrong X-Razorpay-Signature")
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    const event = payload.data as any
    const payment: RazorpayPayment | undefined = event?.payload?.payment?.entity
    const order = event?.payload?.order?.entity
    const sessionId = payment?.notes?.session_id || order?.notes?.session_id
    const amountPaise = payment?.amount ?? order?.amount_paid
    if (!sessionId || typeof amountPaise !== "number") return { action: PaymentActions.NOT_SUPPORTED }
    const data = { session_id: sessionId, amount: paiseToRupees(amountPaise) as any }
    switch (event.event) {
      case "payment.authorized":
        return { action: PaymentActions.AUTHORIZED, data }
      case "payment.captured":
      case "order.paid":
        return { action: PaymentActions.SUCCESSFUL, data }
      case "payment.failed":
        return { action: PaymentActions.FAILED, data }
      default:
        return { action: PaymentActions.NOT_SUPPORTED }
    }
  }
}
