/// <reference types="node" />

export type FakeCloudinary = {
  url: string
  cloudName: string
  apiKey: string
  apiSecret: string
  /** What has been uploaded, by public_id. */
  images: Map<string, { bytes: Buffer; format: string; mimeType: string; version: number }>
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

export type FakeRazorpayPayment = {
  id: string
  order_id: string
  amount: number
  currency: string
  status: "created" | "authorized" | "captured" | "refunded" | "failed"
  amount_refunded: number
  notes: Record<string, string>
}

export type FakeRazorpay = {
  url: string
  keyId: string
  keySecret: string
  webhookSecret: string
  orders: Map<string, { id: string; amount: number; amount_paid: number; status: string; receipt?: string; notes: Record<string, string> }>
  payments: Map<string, FakeRazorpayPayment>
  providerOptions: { key_id: string; key_secret: string; webhook_secret: string; api_base_url: string }
  pay(
    orderId: string,
    options?: { status?: "authorized" | "captured" | "failed"; amount?: number }
  ): Promise<{
    payment: FakeRazorpayPayment
    checkout_response: { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string }
  }>
  webhook(event: string, payment: FakeRazorpayPayment, options?: { eventId?: string }): { body: string; headers: Record<string, string> }
  /** The next `count` API calls answer 500, or never answer ("hang"). */
  failNext(count?: number, mode?: "500" | "hang"): void
  close(): Promise<void>
}

export function startFakeRazorpay(options?: {
  port?: number
  keyId?: string
  keySecret?: string
  webhookSecret?: string
}): Promise<FakeRazorpay>

export type FakeTwilio = {
  url: string
  accountSid: string
  authToken: string
  messages: { sid: string; to: string; from: string | null; body: string | null; status: string }[]
  /** The next `count` requests answer 500, or never answer ("hang"). */
  failNext(count?: number, mode?: "500" | "hang"): void
  close(): Promise<void>
}

export function startFakeTwilio(options?: { port?: number; accountSid?: string; authToken?: string }): Promise<FakeTwilio>

export type FakeGraphMessage = {
  id: string
  /** The recipient as WhatsApp ids write it: digits, no +. */
  to: string
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
  /** A webhook payload: a customer writes to the shop. */
  inbound(options: { from: string; text: string; id?: string; name?: string }): Record<string, any>
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
