/// <reference types="node" />

export type FakeCloudinary = {
  url: string
  cloudName: string
  apiKey: string
  apiSecret: string
  /** What has been uploaded, by public_id. */
  images: Map<string, { bytes: Buffer; format: string; mimeType: string; version: number; width?: number; height?: number }>
  requests: { method: string; path: string }[]
  providerOptions: {
    cloud_name: string
    api_key: string
    api_secret: string
    upload_prefix: string
    delivery_base_url: string
  }
  /** The next `count` uploads answer 500, as Cloudinary does when it fails. */
  failNextUploads(count?: number): void
  close(): Promise<void>
}

export function startFakeCloudinary(options?: {
  port?: number
  cloudName?: string
  apiKey?: string
  apiSecret?: string
}): Promise<FakeCloudinary>

/** Razorpay writes empty notes as [] and filled ones as an object. */
export type RazorpayNotes = Record<string, string> | []

/** Razorpay's payment entity ("Fetch a Payment With ID"); webhooks send a per-event selection of it. */
export type FakeRazorpayPayment = {
  id: string
  entity: "payment"
  amount: number
  currency: string
  status: "created" | "authorized" | "captured" | "refunded" | "failed"
  order_id: string
  invoice_id: string | null
  international: boolean
  method: "upi" | "netbanking" | "wallet"
  amount_refunded: number
  refund_status: "partial" | "full" | null
  captured: boolean
  description: string | null
  card_id: string | null
  bank: string | null
  wallet: string | null
  vpa: string | null
  email: string | null
  contact: string | null
  /** The payment's own notes: [] (the order's notes stay on the order). */
  notes: RazorpayNotes
  /** Razorpay's fee including GST, set on capture; null before. */
  fee: number | null
  tax: number | null
  error_code: string | null
  error_description: string | null
  error_source: string | null
  error_step: string | null
  error_reason: string | null
  /** netbanking: { bank_transaction_id }, upi: { rrn }, wallet: { transaction_id } */
  acquirer_data: Record<string, string | null>
  /** Unix seconds. */
  created_at: number
  /** UPI payments only. */
  upi?: { payer_account_type: string; vpa: string; flow: string }
}

/** Razorpay's order entity ("Create an Order"). */
export type FakeRazorpayOrder = {
  id: string
  entity: "order"
  amount: number
  /** Grows as payments are captured. */
  amount_paid: number
  amount_due: number
  currency: string
  receipt: string | null
  offer_id: string | null
  /** "attempted" once a payment is made (failed or authorised), "paid" once captured in full. */
  status: "created" | "attempted" | "paid"
  /** One more for every payment made against the order. */
  attempts: number
  notes: RazorpayNotes
  created_at: number
}

/** Razorpay's refund entity ("Create a Normal Refund", "Fetch Refund With ID"). */
export type FakeRazorpayRefund = {
  id: string
  entity: "refund"
  amount: number
  currency: string
  payment_id: string
  notes: RazorpayNotes
  receipt: string | null
  acquirer_data: { arn: string | null }
  created_at: number
  batch_id: string | null
  status: "pending" | "processed" | "failed"
  speed_processed: "normal" | "instant"
  speed_requested: "normal" | "optimum"
}

/** Razorpay's payment link entity ("Payment Links Entity"), as the fake keeps it. */
export type FakeRazorpayPaymentLink = {
  id: string
  amount: number
  amount_paid: number
  currency: string
  description: string
  customer: { name?: string; contact?: string; email?: string }
  notes: Record<string, string> | null
  notify: { sms: boolean; email: boolean; whatsapp: boolean }
  reference_id: string
  reminder_enable: boolean
  short_url: string
  status: "created" | "partially_paid" | "paid" | "expired" | "cancelled"
  /** Unix seconds; 0 when none. */
  expire_by: number
  expired_at: number
  cancelled_at: number
  created_at: number
  updated_at: number
  /** The Razorpay order made when the link was paid. */
  order_id?: string
  payments: { amount: number; created_at: number; method: string; payment_id: string; plink_id: string; status: string; updated_at: number }[]
  callback_url?: string
  callback_method?: "get"
}

export type FakeRazorpayPaymentLinkEvent = "payment_link.paid" | "payment_link.expired" | "payment_link.cancelled"

export type FakeRazorpayPaymentEvent = "payment.authorized" | "payment.captured" | "payment.failed" | "order.paid"
export type FakeRazorpayRefundEvent = "refund.created" | "refund.processed" | "refund.failed"

export type FakeRazorpay = {
  url: string
  keyId: string
  keySecret: string
  webhookSecret: string
  /** The account_id written into webhook bodies. */
  accountId: string
  orders: Map<string, FakeRazorpayOrder>
  payments: Map<string, FakeRazorpayPayment>
  refunds: Map<string, FakeRazorpayRefund>
  paymentLinks: Map<string, FakeRazorpayPaymentLink>
  /** The customer pays a payment link (UPI): Razorpay makes an order (the link's notes, receipt = reference_id) and a captured payment; the link becomes "paid". Throws when the link is not payable. */
  payLink(
    linkId: string,
    options?: { contact?: string; email?: string; vpa?: string; createdAt?: number }
  ): { payment_link: FakeRazorpayPaymentLink; order: FakeRazorpayOrder; payment: FakeRazorpayPayment }
  /** An unpaid link's expire_by has passed: Razorpay marks it "expired" (then sends payment_link.expired). */
  expireLink(linkId: string): FakeRazorpayPaymentLink
  /** A refund asked at speed "optimum" is processed "instant" (true, the default) or falls back to "normal" (false), as Razorpay documents. */
  instantRefunds: boolean
  providerOptions: { key_id: string; key_secret: string; webhook_secret: string; api_base_url: string }
  /** The shopper pays in the checkout popup (the payment is recorded against the order). */
  pay(
    orderId: string,
    options?: {
      status?: "authorized" | "captured" | "failed"
      amount?: number
      method?: "upi" | "netbanking" | "wallet"
      email?: string
      contact?: string
      vpa?: string
      bank?: string
      wallet?: string
      /** The payment's created_at, in unix seconds (for GET /v1/payments?from=&to=). */
      createdAt?: number
      /** A failed payment's error_* fields (defaults: Razorpay's payment.failed sample for the method). */
      error?: { code?: string; description?: string; source?: string; step?: string; reason?: string }
    }
  ): Promise<{
    payment: FakeRazorpayPayment
    checkout_response: { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string }
  }>
  /** Staff refund a captured payment in the Razorpay dashboard. Throws Razorpay's refusal as an Error. */
  refund(
    paymentId: string,
    options?: { amount?: number; speed?: "normal" | "optimum"; notes?: Record<string, string>; receipt?: string }
  ): FakeRazorpayRefund
  /**
   * A webhook delivery as Razorpay would send it: the raw body (exactly the keys of Razorpay's sample
   * for the event) and its headers (content-type, x-razorpay-signature, x-razorpay-event-id).
   * Payment events and order.paid take the payment; refund events take the refund (its payment is looked up).
   */
  webhook(
    event: FakeRazorpayPaymentEvent,
    payment: FakeRazorpayPayment,
    options?: { eventId?: string; order?: FakeRazorpayOrder; createdAt?: number }
  ): { body: string; headers: Record<string, string> }
  /** payment_link.paid carries the link, its Razorpay order and the payment (the link must have been paid); expired and cancelled the link only. */
  webhook(event: FakeRazorpayPaymentLinkEvent, paymentLink: FakeRazorpayPaymentLink, options?: { eventId?: string; createdAt?: number }): { body: string; headers: Record<string, string> }
  webhook(
    event: FakeRazorpayRefundEvent,
    refund: FakeRazorpayRefund,
    options?: { eventId?: string; payment?: FakeRazorpayPayment; createdAt?: number }
  ): { body: string; headers: Record<string, string> }
  /**
   * The next `count` API calls answer 500 (SERVER_ERROR), or never answer ("hang"). `only` limits
   * it to one call, written "METHOD /path" (e.g. "GET /v1/payments", the listing) or a RegExp on that.
   */
  failNext(count?: number, mode?: "500" | "hang", options?: { only?: string | RegExp }): void
  /** Webhooks the fake delivered to `webhookUrl` itself, with the shop's answer (status 0: unreachable). */
  deliveries: { event: string; url: string; event_id: string; status: number; text: string }[]
  close(): Promise<void>
}

export function startFakeRazorpay(options?: {
  port?: number
  keyId?: string
  keySecret?: string
  webhookSecret?: string
  /** As the webhook set in Razorpay's dashboard: a link paid over HTTP (its page, POST /__fake/payment_links/:id/pay) delivers payment_link.paid here. */
  webhookUrl?: string
}): Promise<FakeRazorpay>

export type FakeTwilio = {
  url: string
  accountSid: string
  authToken: string
  messages: { sid: string; to: string; from: string | null; body: string | null; status: string }[]
  /** Every status callback posted to a message's StatusCallback: URL, form parameters, X-Twilio-Signature, the shop's HTTP status (0: unreachable). */
  callbacks: { url: string; params: Record<string, string>; signature: string; status: number }[]
  /** The next `count` requests answer 500, or never answer ("hang"). */
  failNext(count?: number, mode?: "500" | "hang"): void
  /**
   * The statuses posted to the StatusCallback of each message created from now on, in order
   * (default sent, then delivered; [] for none); `errorCode` goes with failed and undelivered.
   */
  statusFlow(statuses?: ("sent" | "delivered" | "undelivered" | "failed" | "read")[], options?: { errorCode?: string }): void
  /** Resolves once every status callback started so far has been posted and answered. */
  callbacksSettled(): Promise<void>
  /** X-Twilio-Signature of a POST of these form parameters to this URL (Twilio's algorithm, with the fake's auth token). */
  sign(url: string, params: Record<string, string>): string
  close(): Promise<void>
}

export function startFakeTwilio(options?: { port?: number; accountSid?: string; authToken?: string }): Promise<FakeTwilio>

export type FakeGraphMessage = {
  id: string
  /** The recipient as WhatsApp ids write it: digits, no +; undefined for a send to a business-scoped user id. */
  to: string | undefined
  /** The business-scoped user id (BSUID) a message was sent to through `recipient`. */
  recipient?: string
  type: "template" | "text"
  template?: { name: string; language: { code: string }; components?: { type: string; parameters?: { type: string; text?: string }[] }[] }
  /** A text message's body, or a template's body parameters one per line. */
  text: string
  request: Record<string, any>
  at: string
}

export type FakeGraph = {
  url: string
  accessToken: string
  phoneNumberId: string
  appSecret: string
  verifyToken: string
  messages: FakeGraphMessage[]
  /** The next `count` sends answer 500, or never answer ("hang"). */
  failNext(count?: number, mode?: "500" | "hang"): void
  /**
   * A webhook payload: a customer writes to the shop, by phone (`from`), with a business-scoped user
   * id too (`userId`), or by that id alone (no phone number anywhere, as Meta sends it for a user with a username).
   */
  inbound(options: { from?: string; userId?: string; username?: string; text: string; id?: string; name?: string }): Record<string, any>
  /** A webhook payload: a customer reacts to a message the shop sent (no emoji: the reaction was removed). */
  reaction(options: { from?: string; userId?: string; username?: string; messageId: string; emoji?: string; id?: string; name?: string }): Record<string, any>
  /** A webhook payload: what became of a message the shop sent. */
  status(options: { id: string; status: "sent" | "delivered" | "read" | "failed"; recipient?: string; errors?: any[] }): Record<string, any>
  /** The raw body and headers Meta would send (pass another secret to forge the signature). */
  signed(payload: Record<string, any>, options?: { secret?: string }): { body: string; headers: Record<string, string> }
  deliver(webhookUrl: string, payload: Record<string, any>, options?: { secret?: string }): Promise<{ status: number; text: string }>
  verify(webhookUrl: string, options?: { token?: string; challenge?: string }): Promise<{ status: number; text: string; challenge: string }>
  close(): Promise<void>
}

export function startFakeGraph(options?: {
  port?: number
  accessToken?: string
  phoneNumberId?: string
  appSecret?: string
  verifyToken?: string
}): Promise<FakeGraph>
