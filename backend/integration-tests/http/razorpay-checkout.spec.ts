import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeRazorpay, startFakeRazorpay } from "@sweetshop/sandbox"
// The job's logic, from the plugin's source (its build ships no type declarations).
import { reconcileRazorpaySessions } from "../../../plugins/payment-razorpay/src/lib/reconcile"
import { adminHeaders, DELHI_ADDRESS, razorpayEnv, seedShop, Shopper, shopperFor, useFakeBeforeBoot } from "../helpers/shopper"

jest.setTimeout(240_000)

/**
 * Razorpay checkout through the store API: the official SDK inside the shop
 * talks to the fake Razorpay in sandbox/, which also plays the shopper's
 * checkout popup (a payment and its signed response).
 */
let fake: FakeRazorpay

useFakeBeforeBoot(async () => {
  fake = await startFakeRazorpay()
  return {
    fake,
    env: {
      ...razorpayEnv(fake),
      RAZORPAY_TIMEOUT_MS: "1500",
    },
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let shopper: Shopper

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
    })

    beforeEach(() => {
      shopper = shopperFor(api, storeHeaders)
      fake.failNext(0)
    })

    /** A cart with ₹600 of kaju katli and home delivery (₹60): ₹660 = 66,000 paise. */
    async function cartReadyToPay() {
      const box500 = await shopper.variant("kaju-katli", "500 g")
      const cartId = await shopper.createCart([{ variant_id: box500.id, quantity: 1 }])
      await api.post(`/store/carts/${cartId}`, { email: "anita@example.in", shipping_address: DELHI_ADDRESS }, storeHeaders)
      const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: delivery.id }, storeHeaders)
      const { data } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      return { cartId, collectionId: data.payment_collection.id as string }
    }

    const startRazorpay = (collectionId: string) =>
      api
        .post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_razorpay_razorpay" }, storeHeaders)
        .catch((e: any) => e.response)

    const razorpaySession = (response: any) =>
      response.data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_razorpay_razorpay")

    const orderCount = async () => (await dbConnection.raw(`select count(*)::int as n from "order"`)).rows[0].n as number

    it("turns a paid Razorpay checkout into an order, with only checkout data visible to the browser", async () => {
      const { cartId, collectionId } = await cartReadyToPay()
      const started = await startRazorpay(collectionId)
      expect(started.status).toBe(200)
      const session = razorpaySession(started)
      expect(Object.keys(session.data).sort()).toEqual(["amount_paise", "currency", "key_id", "razorpay_order_id", "session_id"])
      expect(session.data).toMatchObject({ key_id: fake.keyId, amount_paise: 66000, currency: "INR" })
      expect(JSON.stringify(started.data)).not.toContain(fake.keySecret)
      expect(fake.orders.get(session.data.razorpay_order_id)).toMatchObject({ amount: 66000, notes: { session_id: session.id } })

      const { checkout_response } = await fake.pay(session.data.razorpay_order_id, { status: "authorized" })
      await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response }, storeHeaders)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.total).toBe(660)

      // Staff capture it from the admin; Razorpay captures the exact paise.
      const admin = await adminHeaders(api)
      const { data } = await api.get(`/admin/orders/${completed.data.order.id}?fields=*payment_collections.payments`, admin)
      const payment = data.order.payment_collections[0].payments[0]
      expect(payment.data.razorpay_payment_id).toBe(checkout_response.razorpay_payment_id)
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      expect(fake.payments.get(checkout_response.razorpay_payment_id)?.status).toBe("captured")

      // Two partial refunds up to what was captured.
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 199.99 }, admin)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 60 }, admin)
      expect(fake.payments.get(checkout_response.razorpay_payment_id)?.amount_refunded).toBe(19999 + 6000)
    })

    it.each([
      ["a forged signature", (r: any) => ({ ...r, razorpay_signature: "0".repeat(64) })],
      ["an altered signature", (r: any) => ({ ...r, razorpay_signature: (r.razorpay_signature[0] === "a" ? "b" : "a") + r.razorpay_signature.slice(1) })],
    ])("refuses %s and makes no order", async (_, tamper) => {
      const { cartId, collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      const { checkout_response } = await fake.pay(session.data.razorpay_order_id, { status: "authorized" })
      await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...tamper(checkout_response) }, storeHeaders)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBeGreaterThanOrEqual(400)
      expect(JSON.stringify(completed.data)).toMatch(/could not be verified/)
      expect(await orderCount()).toBe(0)
    })

    it("refuses a signed payment made for another Razorpay order", async () => {
      const first = await cartReadyToPay()
      const other = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(first.collectionId))
      const otherSession = razorpaySession(await startRazorpay(other.collectionId))
      const { checkout_response } = await fake.pay(otherSession.data.razorpay_order_id, { status: "authorized" })
      const response = await api
        .post("/store/razorpay/checkout-response", { cart_id: first.cartId, ...checkout_response }, storeHeaders)
        .catch((e: any) => e.response)
      expect(response.status).toBe(404)
      expect(session.data.razorpay_order_id).not.toBe(otherSession.data.razorpay_order_id)
      expect(await orderCount()).toBe(0)
    })

    it("refuses a payment for a different amount and makes no order", async () => {
      const { cartId, collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      const { checkout_response } = await fake.pay(session.data.razorpay_order_id, { status: "authorized", amount: 100 })
      await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response }, storeHeaders)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBeGreaterThanOrEqual(400)
      expect(JSON.stringify(completed.data)).toMatch(/does not match your order/)
      expect(await orderCount()).toBe(0)
    })

    it.each([["answers 500", "500"], ["does not answer", "hang"]] as const)(
      "tells the shopper clearly when Razorpay %s, keeps the cart, and a retry works",
      async (_, mode) => {
        const { cartId, collectionId } = await cartReadyToPay()
        fake.failNext(1, mode)
        const failed = await startRazorpay(collectionId)
        expect(failed.status).toBe(500)
        expect(failed.data.message).toBe("The payment service is not answering just now. Your cart is kept; please try again in a minute.")
        const { data } = await api.get(`/store/carts/${cartId}`, storeHeaders)
        expect(data.cart.items).toHaveLength(1)
        expect(data.cart.completed_at).toBeNull()

        const retry = await startRazorpay(collectionId)
        expect(retry.status).toBe(200)
        expect(razorpaySession(retry).data.razorpay_order_id).toMatch(/^order_/)
      }
    )

    it("ignores a webhook with a bad signature", async () => {
      const { collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      const { payment } = await fake.pay(session.data.razorpay_order_id, { status: "captured" })
      const { body, headers } = fake.webhook("payment.captured", payment)
      const response = await api.post("/hooks/payment/razorpay_razorpay", body, {
        headers: { ...headers, "x-razorpay-signature": "f".repeat(64) },
        transformRequest: [(d: any) => d],
      })
      expect(response.status).toBe(200)
      await new Promise((r) => setTimeout(r, 1000))
      const { rows } = await dbConnection.raw(`select status from payment_session where id = ?`, [session.id])
      expect(rows[0].status).toBe("pending")
      expect(await orderCount()).toBe(0)
    })

    const deliver = (delivery: { body: string; headers: Record<string, string> }) =>
      api.post("/hooks/payment/razorpay_razorpay", delivery.body, { headers: delivery.headers, transformRequest: [(d: any) => d] })

    async function waitForOrders(expected: number) {
      // Medusa processes webhooks a few seconds after answering them; wait up to 30 s.
      for (let i = 0; i < 120 && (await orderCount()) < expected; i++) await new Promise((r) => setTimeout(r, 250))
      return orderCount()
    }

    it("makes the order from the webhook when the shopper closed the tab before the browser came back", async () => {
      const { cartId, collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      const { payment } = await fake.pay(session.data.razorpay_order_id, { status: "captured" })

      const response = await deliver(fake.webhook("payment.captured", payment))
      expect(response.status).toBe(200)
      expect(await waitForOrders(1)).toBe(1)
      // The workflow marks the cart completed just after it makes the order.
      const completedAt = async () => (await dbConnection.raw(`select completed_at from cart where id = ?`, [cartId])).rows[0].completed_at
      for (let i = 0; i < 40 && !(await completedAt()); i++) await new Promise((r) => setTimeout(r, 250))
      expect(await completedAt()).not.toBeNull()
    })

    it("acts once on the same webhook delivered five times", async () => {
      const { collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      const { payment } = await fake.pay(session.data.razorpay_order_id, { status: "captured" })
      const delivery = fake.webhook("payment.captured", payment, { eventId: "evt_same" })

      const answers = []
      for (let i = 0; i < 5; i++) answers.push(await deliver(delivery))
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200])
      // The first is taken in; the four repeats stop at the door, by event id.
      expect(answers.filter((a) => a.data?.duplicate === true)).toHaveLength(4)
      expect(await waitForOrders(1)).toBe(1)
      await new Promise((r) => setTimeout(r, 1500))
      expect(await orderCount()).toBe(1)
      const { rows } = await dbConnection.raw(
        `select count(*)::int as n from payment p join capture c on c.payment_id = p.id where p.payment_session_id = ? and c.deleted_at is null`,
        [session.id]
      )
      expect(rows[0].n).toBe(1)
    })

    it("takes events arriving out of order in a sane order: a late 'authorized' after 'captured' changes nothing", async () => {
      const { collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      const { payment } = await fake.pay(session.data.razorpay_order_id, { status: "captured" })
      await deliver(fake.webhook("payment.captured", payment, { eventId: "evt_captured" }))
      expect(await waitForOrders(1)).toBe(1)
      await deliver(fake.webhook("payment.authorized", { ...payment, status: "authorized" }, { eventId: "evt_authorized_late" }))
      await new Promise((r) => setTimeout(r, 6000))
      expect(await orderCount()).toBe(1)
      const { rows } = await dbConnection.raw(
        `select p.captured_at from payment p where p.payment_session_id = ? and p.deleted_at is null`,
        [session.id]
      )
      expect(rows).toHaveLength(1)
      expect(rows[0].captured_at).not.toBeNull()
    })

    it("ends with one order when the webhook arrives before the browser's callback", async () => {
      const { cartId, collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      const { payment, checkout_response } = await fake.pay(session.data.razorpay_order_id, { status: "captured" })
      await deliver(fake.webhook("payment.captured", payment))
      expect(await waitForOrders(1)).toBe(1)

      // The browser comes back late with the same payment.
      await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response }, storeHeaders).catch((e: any) => e.response)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")
      expect(await orderCount()).toBe(1)
    })

    it("completes a paid cart whose browser and webhook never came, and leaves unpaid ones alone", async () => {
      const paid = await cartReadyToPay()
      const paidSession = razorpaySession(await startRazorpay(paid.collectionId))
      await fake.pay(paidSession.data.razorpay_order_id, { status: "captured" })
      const unpaid = await cartReadyToPay()
      await startRazorpay(unpaid.collectionId)

      const report = await reconcileRazorpaySessions(getContainer(), { olderThanMs: 0 })
      expect(report.checked).toBe(2)
      expect(report.completed).toHaveLength(1)
      expect(await orderCount()).toBe(1)
      const { rows } = await dbConnection.raw(`select id, completed_at from cart where id in (?, ?)`, [paid.cartId, unpaid.cartId])
      const completedAt = Object.fromEntries(rows.map((r: any) => [r.id, r.completed_at]))
      expect(completedAt[paid.cartId]).not.toBeNull()
      expect(completedAt[unpaid.cartId]).toBeNull()

      // A day later the unpaid session is released.
      const later = await reconcileRazorpaySessions(getContainer(), { olderThanMs: 0, now: Date.now() + 25 * 60 * 60_000 })
      expect(later.released).toHaveLength(1)
      expect(await orderCount()).toBe(1)
    })
  },
})
