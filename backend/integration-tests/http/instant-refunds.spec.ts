import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeRazorpay, FakeTwilio, startFakeRazorpay, startFakeTwilio } from "@sweetshop/sandbox"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { adminHeaders, DELHI_ADDRESS, razorpayEnv, seedShop, Shopper, shopperFor, twilioEnv, useFakeBeforeBoot } from "../helpers/shopper"

jest.setTimeout(300_000)

/**
 * Instant refunds (issue 21): a cancelled online order is refunded asking Razorpay for
 * `speed: "optimum"`; the speed Razorpay granted (`speed_processed`) is kept in the payment's
 * data, and the shopper's SMS says when the money arrives: within minutes, or in 5-7 days when
 * Razorpay fell back to a normal refund. Official SDKs against the fake Razorpay and fake Twilio.
 */
let razorpay: FakeRazorpay
let twilio: FakeTwilio

useFakeBeforeBoot(async () => {
  razorpay = await startFakeRazorpay()
  twilio = await startFakeTwilio()
  const both = { close: async () => void (await Promise.all([razorpay.close(), twilio.close()])) }
  return { fake: both, env: { ...razorpayEnv(razorpay), ...twilioEnv(twilio) } }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let shopper: Shopper
    let events: SubscriberTracker

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      admin = await adminHeaders(api)
      shopper = shopperFor(api, storeHeaders)
      events = trackSubscribers(getContainer())
    })
    afterAll(() => events?.restore())

    const move = (orderId: string, status: string) => api.post(`/admin/shop-orders/${orderId}/status`, { status }, admin).catch((e: any) => e.response)

    /** An order paid online at the fake, confirmed (captured); its id and Razorpay payment. */
    async function paidOrder(phone: string) {
      const box = await shopper.variant("kaju-katli", "500 g")
      const cartId = await shopper.createCart([{ variant_id: box.id, quantity: 1 }])
      await api.post(`/store/carts/${cartId}`, { email: "anita@example.in", shipping_address: { ...DELHI_ADDRESS, phone } }, storeHeaders)
      const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: delivery.id }, storeHeaders)
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      const started = await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_razorpay_razorpay" }, storeHeaders)
      const session = started.data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_razorpay_razorpay")
      const { checkout_response, payment } = await razorpay.pay(session.data.razorpay_order_id, { status: "authorized" })
      await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response }, storeHeaders)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      const order = completed.data.order as { id: string; display_id: number }
      expect((await move(order.id, "confirmed")).status).toBe(200)
      return { order, payment }
    }

    async function paymentData(orderId: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin)
      return data.order.payment_collections.flatMap((c: any) => c.payments).find((p: any) => p.provider_id === "pp_razorpay_razorpay").data
    }

    const smsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone).map((m) => m.body ?? "")

    it("refunds a cancelled order at speed optimum, records the instant speed granted, and tells the shopper it arrives within minutes", async () => {
      const phone = "+919812340001"
      const { order, payment } = await paidOrder(phone)
      expect((await move(order.id, "cancelled")).status).toBe(200)
      await events.settled()

      const refunds = [...razorpay.refunds.values()].filter((r: any) => r.payment_id === payment.id)
      expect(refunds).toEqual([expect.objectContaining({ amount: 66000, speed_requested: "optimum", speed_processed: "instant" })])
      expect((await paymentData(order.id)).refunds).toEqual([
        { id: refunds[0].id, amount_paise: 66000, speed_requested: "optimum", speed_processed: "instant" },
      ])
      expect(smsTo(phone)).toContain(`Sweet Shop: ₹660.00 refunded for order #${order.display_id} as an instant refund. It reaches your account within minutes.`)
      expect(smsTo(phone).some((b) => b.includes("5-7 days"))).toBe(false)

      // The refund has its GST credit note (plugins/invoices), once, for the refunded amount, in its own series.
      const documents = await getContainer().resolve<any>("invoices").documentsOf(order.id)
      const notes = documents.filter((d: any) => d.kind === "credit_note")
      expect(notes).toEqual([expect.objectContaining({ amount_paise: 66000, refund_key: expect.any(String), number: expect.stringMatching(/^SS\/CN\/\d{4}-\d{2}\/\d{6}$/) })])
    })

    it("says 5-7 days when Razorpay could only refund at normal speed", async () => {
      const phone = "+919812340002"
      const { order, payment } = await paidOrder(phone)
      razorpay.instantRefunds = false
      try {
        expect((await move(order.id, "cancelled")).status).toBe(200)
        await events.settled()
      } finally {
        razorpay.instantRefunds = true
      }
      const refund = [...razorpay.refunds.values()].find((r: any) => r.payment_id === payment.id) as any
      expect(refund).toMatchObject({ speed_requested: "optimum", speed_processed: "normal" })
      expect((await paymentData(order.id)).refunds).toEqual([expect.objectContaining({ speed_requested: "optimum", speed_processed: "normal" })])
      expect(smsTo(phone)).toContain(`Sweet Shop: ₹660.00 refunded for order #${order.display_id}. It reaches your account in 5-7 days.`)
    })
  },
})
