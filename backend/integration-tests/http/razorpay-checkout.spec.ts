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
      expect(Object.keys(session.data).sort()).toEqual(["amount_paise", "currency", "hold_until", "key_id", "razorpay_order_id", "session_id"])
      expect(session.data).toMatchObject({ key_id: fake.keyId, amount_paise: 66000, currency: "INR" })
      expect(JSON.stringify(started.data)).not.toContain(fake.keySecret)
      const razorpayOrder = fake.orders.get(session.data.razorpay_order_id)!
      expect(razorpayOrder).toMatchObject({ amount: 66000, notes: { session_id: session.id } })
      // The stock is held for PAYMENT_HOLD_MINUTES (15) from the Razorpay order's creation.
      expect(session.data.hold_until).toBe(razorpayOrder.created_at + 15 * 60)

      const { checkout_response } = await fake.pay(session.data.razorpay_order_id, { status: "authorized" })
      // The browser's response is verified and settled at once: the order exists when it answers.
      const answered = await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response }, storeHeaders)
      expect(answered.data.order_id).toMatch(/^order_/)
      const completed = await shopper.complete(cartId)
      expect(completed.data.order.id).toBe(answered.data.order_id)
      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")
      expect(completed.data.order.total).toBe(660)

      // Staff capture it from the admin; Razorpay captures the exact paise.
      const admin = await adminHeaders(api)
      const { data } = await api.get(`/admin/orders/${completed.data.order.id}?fields=*payment_collections.payments`, admin)
      const payment = data.order.payment_collections[0].payments[0]
      expect(payment.data.razorpay_payment_id).toBe(checkout_response.razorpay_payment_id)
      // How the shopper paid, as Razorpay reports it, for the order page ("UPI (Razorpay)").
      expect(payment.data.razorpay_method).toBe(fake.payments.get(checkout_response.razorpay_payment_id)?.method)
      expect(payment.data.razorpay_method).toMatch(/^(upi|card|netbanking|wallet)$/)
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
      ["another payment's id", (r: any) => ({ ...r, razorpay_payment_id: "pay_" + "A".repeat(14) })],
    ])("refuses a response with %s, stores nothing, and the real payment still makes the order", async (_, tamper) => {
      const { cartId, collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      const { checkout_response } = await fake.pay(session.data.razorpay_order_id, { status: "authorized" })
      const refused = await api
        .post("/store/razorpay/checkout-response", { cart_id: cartId, ...tamper(checkout_response) }, storeHeaders)
        .catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/could not be verified/)
      const { rows } = await dbConnection.raw(`select data from payment_session where id = ?`, [session.id])
      expect(rows[0].data.razorpay_payment_id).toBeUndefined()
      expect(await orderCount()).toBe(0)

      // Money was taken for the server's own Razorpay order: completing asks Razorpay, not the browser.
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      const { data } = await api.get(`/admin/orders/${completed.data.order.id}?fields=id,*payment_collections.payments`, await adminHeaders(api))
      expect(data.order.payment_collections[0].payments[0].data.razorpay_payment_id).toBe(checkout_response.razorpay_payment_id)
    })

    it("never lets a stale tab overwrite a verified response", async () => {
      const { cartId, collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      fake.failNext(1, "500", { only: /\/payments$/ }) // the settlement cannot ask Razorpay yet: the response stays stored
      const { checkout_response } = await fake.pay(session.data.razorpay_order_id, { status: "captured" })
      const first = await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response }, storeHeaders).catch((e: any) => e.response)
      expect(first.status).toBe(500)
      const stored = async () => (await dbConnection.raw(`select data from payment_session where id = ?`, [session.id])).rows[0].data
      expect((await stored()).razorpay_signature).toBe(checkout_response.razorpay_signature)

      // A second payment's signed response for the same order (another tab) does not replace the verified one.
      const { checkout_response: second } = await fake.pay(session.data.razorpay_order_id, { status: "captured" })
      await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...second }, storeHeaders).catch((e: any) => e.response)
      const data = await stored()
      expect(data.razorpay_payment_id).toBe(checkout_response.razorpay_payment_id)
      // One order from the first payment; the second payment is refunded in full as paid twice.
      expect(await orderCount()).toBe(1)
      expect(fake.payments.get(second.razorpay_payment_id)).toMatchObject({ status: "refunded", amount_refunded: 66000 })
      expect(fake.payments.get(checkout_response.razorpay_payment_id)).toMatchObject({ status: "captured", amount_refunded: 0 })
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
      // The first cart gains nothing; the genuine payment still ends as the other cart's order.
      const { rows } = await dbConnection.raw(`select id, completed_at from cart where id in (?, ?)`, [first.cartId, other.cartId])
      const completedAt = Object.fromEntries(rows.map((r: any) => [r.id, r.completed_at]))
      expect(completedAt[first.cartId]).toBeNull()
      expect(completedAt[other.cartId]).not.toBeNull()
      expect(await orderCount()).toBe(1)
    })

    it("refunds a payment for a different amount in full and makes no order", async () => {
      const { cartId, collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      const { checkout_response } = await fake.pay(session.data.razorpay_order_id, { status: "authorized", amount: 100 })
      const answered = await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response }, storeHeaders).catch((e: any) => e.response)
      expect(answered.status).toBe(409)
      expect(answered.data).toMatchObject({ code: "payment_refunded_amount_mismatch" })
      expect(answered.data.message).toBe("We could not make an order from your payment of ₹1.00 because the amount paid does not match your order; the full amount is being refunded to you.")
      expect(fake.payments.get(checkout_response.razorpay_payment_id)).toMatchObject({ status: "refunded", amount_refunded: 100 })
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

    const deliver = (delivery: { body: string; headers: Record<string, string> }) =>
      api
        .post("/hooks/payment/razorpay_razorpay", delivery.body, { headers: delivery.headers, transformRequest: [(d: any) => d] })
        .catch((e: any) => e.response)

    it("refuses a webhook with a bad signature, and acts on the same delivery correctly signed", async () => {
      const { collectionId } = await cartReadyToPay()
      const session = razorpaySession(await startRazorpay(collectionId))
      const { payment } = await fake.pay(session.data.razorpay_order_id, { status: "captured" })
      const delivery = fake.webhook("payment.captured", payment)
      // Webhooks are processed before they are answered: what the answer says is done.
      const forged = await deliver({ ...delivery, headers: { ...delivery.headers, "x-razorpay-signature": "f".repeat(64) } })
      expect(forged.status).toBe(400)
      expect(forged.data.code).toBe("invalid_signature")
      const { rows } = await dbConnection.raw(`select status from payment_session where id = ?`, [session.id])
      expect(rows[0].status).toBe("pending")
      expect(await orderCount()).toBe(0)

      const genuine = await deliver(delivery)
      expect(genuine.status).toBe(200)
      expect(await orderCount()).toBe(1)
    })

    async function waitForOrders(expected: number) {
      // Webhooks are processed before they are answered; this only bounds a slow machine.
      for (let i = 0; i < 40 && (await orderCount()) < expected; i++) await new Promise((r) => setTimeout(r, 250))
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
      // Processed before the first answer: nothing is left running that could add a second order.
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
      const late = await deliver(fake.webhook("payment.authorized", { ...payment, status: "authorized" }, { eventId: "evt_authorized_late" }))
      // Answered only once processed: the late event has been acted on (as nothing) by now.
      expect(late.status).toBe(200)
      expect(late.data).toEqual({ received: true })
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
