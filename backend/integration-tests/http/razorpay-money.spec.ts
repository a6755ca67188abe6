import crypto from "crypto"
import fs from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeRazorpay, FakeTwilio, startFakeRazorpay, startFakeTwilio } from "@sweetshop/sandbox"
// The jobs' logic, from the plugins' sources (their builds ship no type declarations).
import { expirePaymentHolds } from "../../../plugins/gram-inventory/src/lib/payment-holds"
import { reconcileRazorpayLedger, reconcileRazorpaySessions } from "../../../plugins/payment-razorpay/src/lib/reconcile"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { rewindToStoppedCompletion } from "../helpers/stopped-completion"
import { adminHeaders, DELHI_ADDRESS, razorpayEnv, seedShop, Shopper, shopperFor, twilioEnv } from "../helpers/shopper"

jest.setTimeout(240_000)

/**
 * Every rupee Razorpay takes ends as an order or a refund (issue 14): the
 * stock hold before payment, refunds of payments that cannot become orders,
 * webhooks in Razorpay's documented shapes acted on at once and retried when
 * processing fails, and reconciliation against Razorpay's own ledger. The
 * official SDKs talk to the fakes in sandbox/ (Razorpay, Twilio).
 */
const STAFF_PHONE = "+919812345678"
const FIXTURES = path.resolve(__dirname, "../../../sandbox/razorpay/fixtures")
let razorpay: FakeRazorpay
let twilio: FakeTwilio
const env: Record<string, string> = {}

beforeAll(async () => {
  razorpay = await startFakeRazorpay()
  twilio = await startFakeTwilio()
  Object.assign(env, razorpayEnv(razorpay), twilioEnv(twilio), { RAZORPAY_TIMEOUT_MS: "1500", SHOP_STAFF_PHONE: STAFF_PHONE, PAYMENT_HOLD_MINUTES: "15" })
  Object.assign(process.env, env)
})
afterAll(async () => {
  for (const key of Object.keys(env)) delete process.env[key]
  await Promise.all([razorpay?.close(), twilio?.close()])
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let shopper: Shopper
    let events: SubscriberTracker

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      admin = await adminHeaders(api)
      events = trackSubscribers(getContainer())
    })
    afterAll(() => events?.restore())

    beforeEach(() => {
      shopper = shopperFor(api, storeHeaders)
      razorpay.failNext(0)
      twilio.messages.length = 0
    })

    const orderCount = async () => (await dbConnection.raw(`select count(*)::int as n from "order"`)).rows[0].n as number

    async function setPool(handle: string, grams: number) {
      const variant = await shopper.variant(handle, "1 kg")
      await api.post(`/admin/product-pools/${variant.product_id}/adjustments`, { set_to_units: grams, reason: "Test stock" }, admin)
      return variant
    }

    async function pool(productId: string) {
      const { data } = await api.get(`/admin/product-pools/${productId}`, admin)
      return data.product_pool as { stocked_units: number; reserved_units: number; available_units: number }
    }

    async function cartOf(variantId: string, quantity = 1, phone = DELHI_ADDRESS.phone) {
      const cartId = await shopper.createCart([{ variant_id: variantId, quantity }])
      return { cartId, phone }
    }

    let deliveryOptionId: string | undefined
    async function checkout(cartId: string, provider = "pp_razorpay_razorpay", phone = DELHI_ADDRESS.phone) {
      deliveryOptionId ??= (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!.id
      return api
        .post(
          `/store/carts/${cartId}/checkout`,
          {
            email: "asha@example.in",
            shipping_address: { ...DELHI_ADDRESS, phone },
            shipping_option_id: deliveryOptionId,
            payment_provider_id: provider,
          },
          storeHeaders
        )
        .catch((e: any) => e.response)
    }

    const respond = (cartId: string, response: Record<string, string>) =>
      api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...response }, storeHeaders).catch((e: any) => e.response)

    const deliver = (delivery: { body: string; headers: Record<string, string> }) =>
      api
        .post("/hooks/payment/razorpay_razorpay", delivery.body, { headers: delivery.headers, transformRequest: [(d: any) => d] })
        .catch((e: any) => e.response)

    async function action(paymentId: string) {
      const { rows } = await dbConnection.raw(`select * from razorpay_payment_action where razorpay_payment_id = ?`, [paymentId])
      return rows[0]
    }

    const messagesTo = (phone: string) => twilio.messages.filter((m) => m.to === phone).map((m) => m.body ?? "")

    it("holds the cart's grams while the shopper pays: in the pool's reserved figure, renewed on a retry, gone when the time is up", async () => {
      const variant = await setPool("milk-cake", 3000)
      const { cartId } = await cartOf(variant.id)
      const started = await checkout(cartId)
      expect(started.status).toBe(200)
      expect(started.data.type).toBe("payment")
      expect(await pool(variant.product_id)).toMatchObject({ stocked_units: 3000, reserved_units: 1000, available_units: 2000 })

      // The shopper presses Pay again: the hold is renewed, not doubled.
      const again = await checkout(cartId)
      expect(again.status).toBe(200)
      expect(again.data.payment_session.data.razorpay_order_id).not.toBe(started.data.payment_session.data.razorpay_order_id)
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 1000, available_units: 2000 })

      // Not yet expired: the job leaves it; 16 minutes on, it goes back to the pool.
      expect((await expirePaymentHolds(getContainer())).released).toBe(0)
      expect((await expirePaymentHolds(getContainer(), Date.now() + 16 * 60_000)).released).toBe(1)
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 0, available_units: 3000 })
    })

    it("two shoppers paying at once for the last kilo: the first hold wins, the second is told before paying, the pool never goes below zero", async () => {
      const variant = await setPool("kalakand", 1000)
      const [a, b] = [await cartOf(variant.id), await cartOf(variant.id, 1, "+919811111111")]
      const answers = await Promise.all([checkout(a.cartId), checkout(b.cartId, "pp_razorpay_razorpay", b.phone)])
      const winners = answers.filter((r) => r.status === 200)
      const losers = answers.filter((r) => r.status !== 200)
      expect(winners).toHaveLength(1)
      expect(losers).toHaveLength(1)
      expect(losers[0].status).toBe(400)
      expect(losers[0].data.message).toBe("Kalakand is sold out; please remove it from your cart.")
      // The loser was never asked to pay: one Razorpay order for these two carts.
      const winner = winners[0].data
      const winnerCart = answers[0].status === 200 ? a.cartId : b.cartId
      const { checkout_response } = await razorpay.pay(winner.payment_session.data.razorpay_order_id, { status: "captured" })
      const answered = await respond(winnerCart, checkout_response)
      expect(answered.status).toBe(200)
      expect(answered.data.order_id).toMatch(/^order_/)
      expect(await pool(variant.product_id)).toMatchObject({ stocked_units: 1000, reserved_units: 1000, available_units: 0 })
    })

    it("sold out after paying (the hold had expired): refunded in full at once, recorded, the shopper and staff told", async () => {
      const variant = await setPool("peda", 1000)
      const { cartId } = await cartOf(variant.id)
      const started = await checkout(cartId)
      const orderId = started.data.payment_session.data.razorpay_order_id
      // The hold runs out, and a cash-on-delivery shopper buys the last kilo.
      await expirePaymentHolds(getContainer(), Date.now() + 16 * 60_000)
      const other = await cartOf(variant.id, 1, "+919822222222")
      const cod = await checkout(other.cartId, "pp_system_default", other.phone)
      expect(cod.data.type).toBe("order")

      // The first shopper's payment still arrives (made within the time Razorpay's order allowed).
      const { payment, checkout_response } = await razorpay.pay(orderId, { status: "captured" })
      const answered = await respond(cartId, checkout_response)
      expect(answered.status).toBe(409)
      expect(answered.data.code).toBe("payment_refunded_sold_out")
      expect(answered.data.message).toBe(
        "We could not make an order from your payment of ₹700.00 because the sweets sold out before your payment reached us; the full amount is being refunded to you."
      )
      expect(razorpay.payments.get(payment.id)).toMatchObject({ status: "refunded", amount_refunded: 70000 })
      const refunds = [...razorpay.refunds.values()].filter((r) => r.payment_id === payment.id)
      expect(refunds).toHaveLength(1)
      expect(refunds[0]).toMatchObject({ amount: 70000, speed_requested: "optimum" })
      expect(await action(payment.id)).toMatchObject({ reason: "sold_out", outcome: "refunded", amount_paise: 70000, refund_id: refunds[0].id, found_by: "checkout" })
      expect(await pool(variant.product_id)).toMatchObject({ available_units: 0 })

      await events.settled()
      expect(messagesTo(DELHI_ADDRESS.phone)).toContain(answered.data.message)
      expect(messagesTo(STAFF_PHONE).join("\n")).toContain(`Payment ${payment.id} of ₹700.00 made no order (sold_out); refunded in full.`)
      // The admin lists it.
      const { data } = await api.get("/admin/razorpay/payment-actions", admin)
      expect(data.payment_actions.map((a: any) => a.razorpay_payment_id)).toContain(payment.id)
      // Staff only: the list names shoppers' phones.
      const anonymous = await api.get("/admin/razorpay/payment-actions", storeHeaders).catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)

      // Told again (a retry of the same response): the same answer, no second refund.
      const repeated = await respond(cartId, checkout_response)
      expect(repeated.status).toBe(409)
      expect([...razorpay.refunds.values()].filter((r) => r.payment_id === payment.id)).toHaveLength(1)
    })

    it("a checkout started again after paying completes with the existing payment: no second charge, no new Razorpay order", async () => {
      const variant = await setPool("barfi", 3000)
      const { cartId } = await cartOf(variant.id)
      const started = await checkout(cartId)
      const { payment } = await razorpay.pay(started.data.payment_session.data.razorpay_order_id, { status: "captured" })
      const ordersAtRazorpay = razorpay.orders.size

      // The browser never came back; the shopper opens the checkout again and presses Pay.
      const again = await checkout(cartId)
      expect(again.status).toBe(200)
      expect(again.data.type).toBe("order")
      expect(razorpay.orders.size).toBe(ordersAtRazorpay)
      expect(razorpay.payments.get(payment.id)).toMatchObject({ status: "captured", amount_refunded: 0 })
      const { data } = await api.get(`/admin/orders/${again.data.order.id}?fields=id,*payment_collections.payments`, admin)
      expect(data.order.payment_collections[0].payments[0].data.razorpay_payment_id).toBe(payment.id)
    })

    it("a completion killed after writing the order and before linking it: the retried response puts the payment on that order, once; no second order, no refund", async () => {
      const variant = await setPool("kalakand", 3000)
      const { cartId } = await cartOf(variant.id, 2)
      const started = await checkout(cartId)
      const { payment, checkout_response } = await razorpay.pay(started.data.payment_session.data.razorpay_order_id, { status: "captured" })
      const first = await respond(cartId, checkout_response)
      expect(first.data.order_id).toMatch(/^order_/)
      const { order_id } = await rewindToStoppedCompletion(dbConnection, cartId)
      const before = await orderCount()

      // The browser's response delivered again (as after a restart); the webhook Razorpay retries as well.
      const again = await respond(cartId, checkout_response)
      expect(again.status).toBe(200)
      expect(again.data.order_id).toBe(order_id)
      const hook = await deliver(razorpay.webhook("payment.captured", razorpay.payments.get(payment.id)!))
      expect(hook.status).toBe(200)
      expect(await orderCount()).toBe(before)
      const { data } = await api.get(`/admin/orders/${order_id}?fields=id,*payment_collections.payments`, admin)
      expect(data.order.payment_collections).toHaveLength(1)
      expect(data.order.payment_collections[0].payments.map((p: any) => p.data.razorpay_payment_id)).toEqual([payment.id])
      const { rows } = await dbConnection.raw(
        `select (select count(*)::int from order_cart where cart_id = ? and deleted_at is null) as cart_links,
                (select coalesce(sum(amount), 0)::int from order_transaction where order_id = ? and reference = 'capture' and deleted_at is null) as captured,
                (select coalesce(sum(r.quantity), 0)::int from reservation_item r join order_item oi on oi.item_id = r.line_item_id where oi.order_id = ? and r.deleted_at is null) as reserved_grams`,
        [cartId, order_id, order_id]
      )
      expect(rows[0]).toEqual({ cart_links: 1, captured: payment.amount / 100, reserved_grams: 2000 })
      expect(razorpay.payments.get(payment.id)).toMatchObject({ status: "captured", amount_refunded: 0 })
      expect(await action(payment.id)).toBeUndefined()
    })

    it("a payment made in a replaced checkout (an old tab) is refunded when its response arrives", async () => {
      const variant = await setPool("sandesh", 3000)
      const { cartId } = await cartOf(variant.id)
      const tab1 = await checkout(cartId)
      const tab2 = await checkout(cartId)
      const { payment, checkout_response } = await razorpay.pay(tab1.data.payment_session.data.razorpay_order_id, { status: "authorized" })
      const answered = await respond(cartId, checkout_response)
      expect(answered.status).toBe(409)
      expect(answered.data.code).toBe("payment_refunded_checkout_replaced")
      // An authorisation cannot be voided at Razorpay: captured, then refunded in full.
      expect(razorpay.payments.get(payment.id)).toMatchObject({ status: "refunded", amount_refunded: payment.amount })

      // The current checkout still works.
      const { checkout_response: current } = await razorpay.pay(tab2.data.payment_session.data.razorpay_order_id, { status: "captured" })
      expect((await respond(cartId, current)).data.order_id).toMatch(/^order_/)
    })

    it("the ledger reconciliation finds a captured payment whose checkout was deleted, and refunds it once", async () => {
      const variant = await setPool("besan-laddoo", 3000)
      const { cartId } = await cartOf(variant.id)
      const tab1 = await checkout(cartId)
      await checkout(cartId) // the first session is replaced (deleted) before anyone pays
      // The shopper pays in the old tab; the browser's answer and the webhook are both lost.
      // (checkout.js is prefilled with the checkout's phone; with its session gone, that is who is told.)
      const { payment } = await razorpay.pay(tab1.data.payment_session.data.razorpay_order_id, { status: "captured", contact: "+919833333333" })
      const { rows } = await dbConnection.raw(`select count(*)::int as n from payment_session where data->>'razorpay_order_id' = ?`, [payment.order_id])
      expect(rows[0].n).toBe(0)
      // Not the shop's sessions: only Razorpay's own list of payments names it.
      const sessions = await reconcileRazorpaySessions(getContainer(), { olderThanMs: 0 })
      expect(sessions.refunded.map((r) => r.razorpay_payment_id)).not.toContain(payment.id)

      const ledger = await reconcileRazorpayLedger(getContainer(), { olderThanMs: 0 })
      expect(ledger.refunded).toContainEqual({ razorpay_payment_id: payment.id, reason: "checkout_replaced" })
      expect(razorpay.payments.get(payment.id)).toMatchObject({ status: "refunded", amount_refunded: payment.amount })
      expect(await action(payment.id)).toMatchObject({ found_by: "ledger", outcome: "refunded" })
      await events.settled()
      expect(messagesTo("+919833333333").join("\n")).toContain("it was made for a checkout that had been started again")

      const again = await reconcileRazorpayLedger(getContainer(), { olderThanMs: 0 })
      expect(again.refunded.map((r) => r.razorpay_payment_id)).not.toContain(payment.id)
      expect([...razorpay.refunds.values()].filter((r) => r.payment_id === payment.id)).toHaveLength(1)
    })

    it.each(["payment.authorized", "payment.captured", "order.paid"] as const)(
      "a %s webhook in Razorpay's documented shape makes the order before it is answered, with no browser",
      async (event) => {
        const variant = await setPool("motichoor-laddoo", 3000)
        const { cartId } = await cartOf(variant.id)
        const started = await checkout(cartId)
        const before = await orderCount()
        const { payment } = await razorpay.pay(started.data.payment_session.data.razorpay_order_id, {
          status: event === "payment.authorized" ? "authorized" : "captured",
        })
        const delivery = razorpay.webhook(event, payment)
        const body = JSON.parse(delivery.body)
        // As Razorpay documents it: the payment's notes are [], the session is known only through the order.
        expect(body.payload.payment.entity.notes).toEqual([])
        expect(body.contains).toEqual(event === "order.paid" ? ["payment", "order"] : ["payment"])
        const answered = await deliver(delivery)
        expect(answered.status).toBe(200)
        expect(await orderCount()).toBe(before + 1)
        const { rows } = await dbConnection.raw(`select completed_at from cart where id = ?`, [cartId])
        expect(rows[0].completed_at).not.toBeNull()
      }
    )

    it.each(["payment.authorized.json", "payment.captured.json", "payment.captured.upi.json", "order.paid.json"])(
      "Razorpay's own published sample %s (sandbox/razorpay/fixtures), carrying this shop's ids, makes the order",
      async (file) => {
        const variant = await setPool("peda", 5000)
        const { cartId } = await cartOf(variant.id)
        const started = await checkout(cartId)
        const orderId = started.data.payment_session.data.razorpay_order_id
        const sample = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8"))
        const { payment } = await razorpay.pay(orderId, { status: sample.payload.payment.entity.status })
        // Only the ids, amount and time are this shop's; every other field is Razorpay's sample as published.
        Object.assign(sample.payload.payment.entity, { id: payment.id, order_id: orderId, amount: payment.amount, created_at: payment.created_at })
        if (sample.payload.order) Object.assign(sample.payload.order.entity, { id: orderId, amount: payment.amount, amount_paid: payment.amount })
        const body = JSON.stringify(sample)
        const signature = crypto.createHmac("sha256", razorpay.webhookSecret).update(body).digest("hex")
        const answered = await deliver({ body, headers: { "content-type": "application/json", "x-razorpay-signature": signature, "x-razorpay-event-id": `Ev${crypto.randomBytes(6).toString("hex")}` } })
        expect(answered.status).toBe(200)
        const { rows } = await dbConnection.raw(`select completed_at from cart where id = ?`, [cartId])
        expect(rows[0].completed_at).not.toBeNull()
      }
    )

    it("a webhook whose processing fails (Razorpay not answering) is answered 5xx, not recorded, and processed when delivered again", async () => {
      const variant = await setPool("aloo-bhujia", 3000)
      const { cartId } = await cartOf(variant.id)
      const started = await checkout(cartId)
      const { payment } = await razorpay.pay(started.data.payment_session.data.razorpay_order_id, { status: "captured" })
      const delivery = razorpay.webhook("payment.captured", payment)
      razorpay.failNext(2, "500", { only: /GET \/v1\/orders/ })
      const failed = await deliver(delivery)
      expect(failed.status).toBe(503)
      expect(failed.data.code).toBe("retry_later")
      const { rows } = await dbConnection.raw(`select count(*)::int as n from razorpay_webhook_event where event_id = ?`, [delivery.headers["x-razorpay-event-id"]])
      expect(rows[0].n).toBe(0)
      const { rows: carts } = await dbConnection.raw(`select completed_at from cart where id = ?`, [cartId])
      expect(carts[0].completed_at).toBeNull()

      const retried = await deliver(delivery)
      expect(retried.status).toBe(200)
      expect(retried.data).toEqual({ received: true })
      const { rows: after } = await dbConnection.raw(`select completed_at from cart where id = ?`, [cartId])
      expect(after[0].completed_at).not.toBeNull()
    })

    it("a webhook whose processing fails (a database query fails) is processed when delivered again", async () => {
      const variant = await setPool("khatta-meetha", 3000)
      const { cartId } = await cartOf(variant.id)
      const started = await checkout(cartId)
      const { payment } = await razorpay.pay(started.data.payment_session.data.razorpay_order_id, { status: "captured" })
      const delivery = razorpay.webhook("payment.captured", payment)
      // The link between carts and payment collections is unreadable for a moment.
      await dbConnection.raw(`alter table cart_payment_collection rename to cart_payment_collection_away`)
      let failed: any
      try {
        failed = await deliver(delivery)
      } finally {
        await dbConnection.raw(`alter table cart_payment_collection_away rename to cart_payment_collection`)
      }
      expect(failed.status).toBeGreaterThanOrEqual(500)
      const before = (await dbConnection.raw(`select completed_at from cart where id = ?`, [cartId])).rows[0]
      expect(before.completed_at).toBeNull()
      const retried = await deliver(delivery)
      expect(retried.status).toBe(200)
      const after = (await dbConnection.raw(`select completed_at from cart where id = ?`, [cartId])).rows[0]
      expect(after.completed_at).not.toBeNull()
    })

    it("refuses event ids longer than Razorpay's with 400 and acts on nothing; only a repeated id is a duplicate", async () => {
      const variant = await setPool("mathri", 3000)
      const { cartId } = await cartOf(variant.id)
      const started = await checkout(cartId)
      const { payment } = await razorpay.pay(started.data.payment_session.data.razorpay_order_id, { status: "captured" })
      const long = await deliver(razorpay.webhook("payment.captured", payment, { eventId: "E".repeat(4000) }))
      expect(long.status).toBe(400)
      expect(long.data.code).toBe("invalid_event_id")
      const { rows } = await dbConnection.raw(`select completed_at from cart where id = ?`, [cartId])
      expect(rows[0].completed_at).toBeNull()
      const ok = await deliver(razorpay.webhook("payment.captured", payment, { eventId: "KZ5CTKCCHEYqIq" }))
      expect(ok.data).toEqual({ received: true })
      const repeat = await deliver(razorpay.webhook("payment.captured", payment, { eventId: "KZ5CTKCCHEYqIq" }))
      expect(repeat.data).toEqual({ received: true, duplicate: true })
    })

    it("payment.failed: the shopper is told nothing was taken, and the cart stays payable", async () => {
      const variant = await setPool("kaju-roll", 3000)
      const { cartId } = await cartOf(variant.id)
      const started = await checkout(cartId)
      const orderId = started.data.payment_session.data.razorpay_order_id
      const { payment } = await razorpay.pay(orderId, { status: "failed" })
      expect((await deliver(razorpay.webhook("payment.failed", payment))).status).toBe(200)
      await events.settled()
      expect(messagesTo(DELHI_ADDRESS.phone).join("\n")).toMatch(/did not go through and no money was taken; your cart is kept/)
      const { checkout_response } = await razorpay.pay(orderId, { status: "captured" })
      expect((await respond(cartId, checkout_response)).data.order_id).toMatch(/^order_/)
    })

    it("a payment made after the hold ran out is refunded, not fulfilled (Razorpay's guidance for food orders)", async () => {
      const variant = await setPool("anjeer-barfi", 3000)
      const { cartId } = await cartOf(variant.id)
      const started = await checkout(cartId)
      const { hold_until } = started.data.payment_session.data
      const { payment, checkout_response } = await razorpay.pay(started.data.payment_session.data.razorpay_order_id, {
        status: "captured",
        createdAt: hold_until + 60,
      })
      const answered = await respond(cartId, checkout_response)
      expect(answered.status).toBe(409)
      expect(answered.data.code).toBe("payment_refunded_late_payment")
      expect(razorpay.payments.get(payment.id)).toMatchObject({ status: "refunded" })
      const { rows } = await dbConnection.raw(`select completed_at from cart where id = ?`, [cartId])
      expect(rows[0].completed_at).toBeNull()
    })

    it("a refund made in Razorpay's dashboard is recorded on the shop's order, once; the shop's own refunds are not recorded twice", async () => {
      const variant = await setPool("badam-barfi", 3000)
      const { cartId } = await cartOf(variant.id)
      const started = await checkout(cartId)
      const { payment, checkout_response } = await razorpay.pay(started.data.payment_session.data.razorpay_order_id, { status: "captured" })
      const { order_id } = (await respond(cartId, checkout_response)).data
      const refundsOnOrder = async () => {
        const { data } = await api.get(`/admin/orders/${order_id}?fields=id,*payment_collections.payments.refunds`, admin)
        return data.order.payment_collections[0].payments[0].refunds.map((r: any) => Number(r.amount)).sort()
      }

      const dashboard = razorpay.refund(payment.id, { amount: 10000 })
      const delivery = razorpay.webhook("refund.processed", dashboard)
      expect((await deliver(delivery)).status).toBe(200)
      expect(await refundsOnOrder()).toEqual([100])
      expect(razorpay.payments.get(payment.id)!.amount_refunded).toBe(10000)
      // Delivered again under another event id (Razorpay's retries keep the id; a second event would not): still one.
      expect((await deliver(razorpay.webhook("refund.processed", dashboard))).status).toBe(200)
      expect(await refundsOnOrder()).toEqual([100])

      // Staff refund ₹50 from the shop's admin: Razorpay refunds once, and its webhook records nothing more.
      const { data } = await api.get(`/admin/orders/${order_id}?fields=id,*payment_collections.payments`, admin)
      await api.post(`/admin/payments/${data.order.payment_collections[0].payments[0].id}/refund`, { amount: 50 }, admin)
      expect(razorpay.payments.get(payment.id)!.amount_refunded).toBe(15000)
      const shopRefund = [...razorpay.refunds.values()].find((r) => r.payment_id === payment.id && r.amount === 5000)!
      expect((await deliver(razorpay.webhook("refund.processed", shopRefund))).status).toBe(200)
      expect(await refundsOnOrder()).toEqual([100, 50].sort())
      expect(razorpay.payments.get(payment.id)!.amount_refunded).toBe(15000)
    })
  },
})
