import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeRazorpay, FakeTwilio, startFakeRazorpay, startFakeTwilio } from "@sweetshop/sandbox"
// The expiry job's logic, from the plugin's source (its build ships no type declarations).
import { expireDuePaymentLinks } from "../../../plugins/payment-razorpay/src/lib/payment-links"
import { reconcileRazorpayLedger } from "../../../plugins/payment-razorpay/src/lib/reconcile"
import { SHOP } from "../../src/scripts/seed-data/shop"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { weekdayOf } from "../../src/lib/rules/delivery-days"
import { adminHeaders, DELHI_ADDRESS, deliveryDay, razorpayEnv, seedShop, Shopper, shopperFor, twilioEnv } from "../helpers/shopper"

jest.setTimeout(240_000)

/**
 * Phone and WhatsApp orders by staff (issue 21): a draft order built over the
 * admin API is sent a Razorpay payment link (SMS at the fake Twilio), its
 * grams held; the customer pays at the fake Razorpay; payment_link.paid
 * (signed, delivered twice, and as a retry after a failure) turns the draft
 * into an order once, with the payment recorded and the pool reserved. An
 * unpaid link expires (webhook or job) and frees its hold; a paid link whose
 * draft is gone is refunded. Cash on delivery: Medusa's own convert-to-order.
 */
const CUSTOMER_PHONE = "+919811122233"
let razorpay: FakeRazorpay
let twilio: FakeTwilio
const env: Record<string, string> = {}

beforeAll(async () => {
  razorpay = await startFakeRazorpay()
  twilio = await startFakeTwilio()
  Object.assign(env, razorpayEnv(razorpay), twilioEnv(twilio), { RAZORPAY_TIMEOUT_MS: "1500", PAYMENT_HOLD_MINUTES: "15", PAYMENT_LINK_MINUTES: "60" })
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
    let salesChannelId: string

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      admin = await adminHeaders(api)
      events = trackSubscribers(getContainer())
      const { data } = await api.get(`/admin/sales-channels?name=${encodeURIComponent(SHOP.salesChannelName)}`, admin)
      salesChannelId = data.sales_channels[0].id
    })
    afterAll(() => events?.restore())

    beforeEach(() => {
      shopper = shopperFor(api, storeHeaders)
      razorpay.failNext(0)
      twilio.messages.length = 0
    })

    const orderCount = async () => (await dbConnection.raw(`select count(*)::int as n from "order" where is_draft_order = false and deleted_at is null`)).rows[0].n as number

    async function setPool(handle: string, grams: number) {
      const variant = await shopper.variant(handle, "1 kg")
      await api.post(`/admin/product-pools/${variant.product_id}/adjustments`, { set_to_units: grams, reason: "Test stock" }, admin)
      return variant
    }

    async function pool(productId: string) {
      const { data } = await api.get(`/admin/product-pools/${productId}`, admin)
      return data.product_pool as { stocked_units: number; reserved_units: number; available_units: number }
    }

    /** Staff take the order on the phone: a draft order over the admin API (with the home delivery shipping method when asked). */
    async function draftOrder(variantId: string, quantity = 1, phone = CUSTOMER_PHONE, more: { variant_id: string; quantity: number }[] = [], { homeDelivery = false } = {}) {
      const delivery = homeDelivery ? (await dbConnection.raw(`select id from shipping_option where name = 'Home delivery' and deleted_at is null`)).rows[0] : null
      const { data } = await api.post(
        "/admin/draft-orders",
        {
          email: "meera@example.in",
          region_id: await shopper.region(),
          sales_channel_id: salesChannelId,
          shipping_address: { ...DELHI_ADDRESS, first_name: "Meera", phone },
          billing_address: { ...DELHI_ADDRESS, first_name: "Meera", phone },
          items: [{ variant_id: variantId, quantity }, ...more],
          ...(delivery ? { shipping_methods: [{ shipping_option_id: delivery.id, name: "Home delivery", amount: 60 }] } : {}),
        },
        admin
      ).catch((e: any) => {
        throw new Error(`draft order refused: ${e.response?.status} ${JSON.stringify(e.response?.data)}`)
      })
      return data.draft_order as { id: string; total: number }
    }

    const sendLink = (draftId: string) => api.post(`/admin/draft-orders/${draftId}/payment-link`, {}, admin).catch((e: any) => e.response)

    const deliver = (delivery: { body: string; headers: Record<string, string> }) =>
      api
        .post("/hooks/payment/razorpay_razorpay", delivery.body, { headers: delivery.headers, transformRequest: [(d: any) => d] })
        .catch((e: any) => e.response)

    async function orderRow(id: string) {
      const { rows } = await dbConnection.raw(`select id, status, is_draft_order, metadata from "order" where id = ?`, [id])
      return rows[0]
    }

    async function holdsOf(id: string) {
      const { rows } = await dbConnection.raw(`select quantity from reservation_item where external_id = ? and description = 'Payment hold' and deleted_at is null`, [id])
      return rows.length as number
    }

    const messagesTo = (phone: string) => twilio.messages.filter((m) => m.to === phone).map((m) => m.body ?? "")

    it("a draft order paid through its payment link becomes an order once: link sent by SMS, grams held, webhook delivered twice, payment recorded, pool reserved", async () => {
      const variant = await setPool("milk-cake", 3000)
      const draft = await draftOrder(variant.id, 2)
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 0, available_units: 3000 })

      const sent = await sendLink(draft.id)
      expect(sent.status).toBe(200)
      const link = sent.data.payment_link
      const paise = Math.round(Number(draft.total) * 100)
      expect(link).toMatchObject({ status: "created", amount_paise: paise })
      // At the fake Razorpay: the draft's total in paise, the draft's id in notes, payable for an hour.
      const atRazorpay = razorpay.paymentLinks.get(link.id)!
      expect(atRazorpay).toMatchObject({ amount: paise, currency: "INR", status: "created", notes: { draft_order_id: draft.id }, customer: { contact: CUSTOMER_PHONE } })
      expect(atRazorpay.expire_by - atRazorpay.created_at).toBe(3600)
      expect(link.url).toBe(atRazorpay.short_url)
      // Held in the pool while the link is out; the link on the draft.
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 2000, available_units: 1000 })
      expect((await orderRow(draft.id)).metadata.payment_link).toMatchObject({ id: link.id, status: "created" })
      expect((await api.get(`/admin/draft-orders/${draft.id}/payment-link`, admin)).data.payment_link).toMatchObject({ id: link.id })
      await events.settled()
      const sms = messagesTo(CUSTOMER_PHONE)
      expect(sms).toHaveLength(1)
      expect(sms[0]).toContain(link.url)
      expect(sms[0]).toContain(`₹${(paise / 100).toFixed(2)}`)

      // The customer pays; Razorpay says so (payment_link.paid) twice with one event id, and once more with another.
      const ordersBefore = await orderCount()
      const { payment } = razorpay.payLink(link.id)
      const paid = razorpay.webhook("payment_link.paid", razorpay.paymentLinks.get(link.id)!)
      const answers = [await deliver(paid), await deliver(paid)]
      expect(answers.map((a) => a.status)).toEqual([200, 200])
      expect(answers[1].data).toMatchObject({ duplicate: true })
      const again = await deliver(razorpay.webhook("payment_link.paid", razorpay.paymentLinks.get(link.id)!))
      expect(again.status).toBe(200)
      const captured = await deliver(razorpay.webhook("payment.captured", payment))
      expect(captured.status).toBe(200)
      await events.settled()

      expect(await orderCount()).toBe(ordersBefore + 1)
      const order = await orderRow(draft.id)
      expect(order).toMatchObject({ is_draft_order: false, status: "pending" })
      expect(order.metadata.payment_link).toMatchObject({ id: link.id, status: "paid", razorpay_payment_id: payment.id, order_id: draft.id })
      // The admin shows it paid: one captured payment of the total.
      const { data } = await api.get(`/admin/orders/${draft.id}?fields=id,payment_status,*payment_collections,*payment_collections.payments`, admin)
      expect(data.order.payment_status).toBe("captured")
      const payments = data.order.payment_collections.flatMap((c: any) => c.payments)
      expect(payments).toHaveLength(1)
      // Recorded as a Razorpay payment (the provider checked it with Razorpay): refunds from the admin go to Razorpay.
      expect(payments[0].provider_id).toBe("pp_razorpay_razorpay")
      expect(payments[0].data).toMatchObject({ razorpay_payment_id: payment.id, razorpay_order_id: payment.order_id, razorpay_method: "upi" })
      expect(payments[0].captured_at).toBeTruthy()
      expect(Number(payments[0].amount)).toBe(paise / 100)
      // Counted in the order's summary (a transaction per capture): nothing outstanding in the admin.
      const { data: summed } = await api.get(`/admin/orders/${draft.id}?fields=id,total,summary`, admin)
      expect(Number(summed.order.summary.pending_difference)).toBe(0)
      expect(Number(summed.order.summary.transaction_total)).toBe(paise / 100)
      // The hold became the order's reservation: still 2 kg reserved, no hold left. No refund at Razorpay.
      expect(await holdsOf(draft.id)).toBe(0)
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 2000, available_units: 1000 })
      expect([...razorpay.refunds.values()].filter((r) => r.payment_id === payment.id)).toHaveLength(0)
      // Razorpay's ledger holds nothing the shop has not settled: the link's payment is on the order.
      const ledger = await reconcileRazorpayLedger(getContainer(), { olderThanMs: 0 })
      expect(ledger).toMatchObject({ checked: 0, refunded: [], failed: [] })
      // The customer is told: the order placed (paid online) and the payment received, once each.
      const told = messagesTo(CUSTOMER_PHONE)
      expect(told.filter((t) => /order #\d+ placed/.test(t))).toHaveLength(1)
      expect(told.find((t) => /order #\d+ placed/.test(t))).toContain("paid online")
      expect(told.filter((t) => /payment of .* received/.test(t))).toHaveLength(1)
      // A refund from the admin goes to Razorpay (₹100 of it, at the instant speed the shop asks).
      const refunded = await api.post(`/admin/payments/${payments[0].id}/refund`, { amount: 100 }, admin).catch((e: any) => e.response)
      expect(refunded.status).toBe(200)
      expect([...razorpay.refunds.values()].filter((r) => r.payment_id === payment.id).map((r) => [r.amount, r.speed_requested])).toEqual([[10000, "optimum"]])
      // A new link for a paid draft is refused, with a code.
      const refused = await sendLink(draft.id)
      expect(refused.status).toBe(409)
      expect(refused.data.code).toBe("draft_order_converted")
    })

    it("a webhook whose processing fails answers 5xx and changes nothing; Razorpay's retry makes the order", async () => {
      const variant = await setPool("kalakand", 2000)
      const draft = await draftOrder(variant.id)
      const { data } = await sendLink(draft.id)
      razorpay.payLink(data.payment_link.id)
      const delivery = razorpay.webhook("payment_link.paid", razorpay.paymentLinks.get(data.payment_link.id)!)
      const ordersBefore = await orderCount()

      razorpay.failNext(1, "500", { only: /^GET \/v1\/orders\// })
      const failed = await deliver(delivery)
      expect(failed.status).toBe(503)
      expect(failed.data.code).toBe("retry_later")
      await events.settled()
      expect(await orderCount()).toBe(ordersBefore)
      expect(await orderRow(draft.id)).toMatchObject({ is_draft_order: true, status: "draft" })

      const retried = await deliver(delivery)
      expect(retried.status).toBe(200)
      expect(retried.data.duplicate).toBeUndefined()
      await events.settled()
      expect(await orderCount()).toBe(ordersBefore + 1)
      expect(await orderRow(draft.id)).toMatchObject({ is_draft_order: false, status: "pending" })
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 1000, available_units: 1000 })
    })

    it("an unpaid link expires and frees its hold; the draft stays for staff (Razorpay's webhook, or the job when the time is up)", async () => {
      const variant = await setPool("kaju-katli", 3000)
      const first = await draftOrder(variant.id)
      const link = (await sendLink(first.id)).data.payment_link
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 1000 })

      // Razorpay expires it and says so.
      const expired = await deliver(razorpay.webhook("payment_link.expired", razorpay.expireLink(link.id)))
      expect(expired.status).toBe(200)
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 0, available_units: 3000 })
      expect(await orderRow(first.id)).toMatchObject({ is_draft_order: true, status: "draft" })
      expect((await orderRow(first.id)).metadata.payment_link).toMatchObject({ id: link.id, status: "expired" })

      // No webhook this time: the job finds the link whose time is up, cancels it at Razorpay and lets the hold go.
      const second = await draftOrder(variant.id)
      const other = (await sendLink(second.id)).data.payment_link
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 1000 })
      expect((await expireDuePaymentLinks(getContainer())).checked).toBe(0)
      const report = await expireDuePaymentLinks(getContainer(), Date.now() + 61 * 60_000)
      expect(report).toMatchObject({ expired: [second.id], failed: [] })
      expect(razorpay.paymentLinks.get(other.id)!.status).toBe("cancelled")
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 0, available_units: 3000 })
      expect((await orderRow(second.id)).metadata.payment_link).toMatchObject({ status: "expired" })
      // Staff can send a fresh link to the same draft.
      const fresh = await sendLink(second.id)
      expect(fresh.status).toBe(200)
      expect(fresh.data.payment_link.id).not.toBe(other.id)
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 1000 })
    })

    it("a paid link whose draft staff deleted is refunded in full, once, and the customer told", async () => {
      const variant = await setPool("peda", 2000)
      const draft = await draftOrder(variant.id)
      const link = (await sendLink(draft.id)).data.payment_link
      await api.delete(`/admin/draft-orders/${draft.id}`, admin)
      await events.settled()
      twilio.messages.length = 0
      const ordersBefore = await orderCount()

      const { payment } = razorpay.payLink(link.id)
      const delivery = razorpay.webhook("payment_link.paid", razorpay.paymentLinks.get(link.id)!)
      expect((await deliver(delivery)).status).toBe(200)
      expect((await deliver(razorpay.webhook("order.paid", payment))).status).toBe(200)
      await events.settled()
      expect(await orderCount()).toBe(ordersBefore)
      const refunds = [...razorpay.refunds.values()].filter((r) => r.payment_id === payment.id)
      expect(refunds).toHaveLength(1)
      expect(refunds[0]).toMatchObject({ amount: payment.amount, speed_requested: "optimum" })
      const { rows } = await dbConnection.raw(`select reason, outcome from razorpay_payment_action where razorpay_payment_id = ?`, [payment.id])
      expect(rows).toEqual([{ reason: "order_closed", outcome: "refunded" }])
      expect(messagesTo(payment.contact!).some((text) => /refunded/.test(text))).toBe(true)
    })

    it("refuses with a code and changes nothing: an unknown draft, a draft short of stock, a draft without a mobile number", async () => {
      const unknown = await sendLink("order_01NOSUCHDRAFT")
      expect(unknown.status).toBe(404)
      expect(unknown.data.code).toBe("draft_order_not_found")
      const junk = await sendLink("not-an-id")
      expect(junk.status).toBe(404)

      // 1 kg + 2 × 500 g against 1.5 kg: Medusa checks each line alone and takes the draft; the pool's sum does not fit.
      const variant = await setPool("barfi", 1500)
      const half = await shopper.variant("barfi", "500 g")
      const big = await draftOrder(variant.id, 1, CUSTOMER_PHONE, [{ variant_id: half.id, quantity: 2 }])
      const linksBefore = razorpay.paymentLinks.size
      const short = await sendLink(big.id)
      expect(short.status).toBe(409)
      expect(short.data.code).toBe("pool_shortfall")
      expect(short.data.message).toMatch(/\S+/)
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 0 })

      const noPhone = await draftOrder(variant.id, 1, "12345")
      const refused = await sendLink(noPhone.id)
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("invalid_phone")
      expect(razorpay.paymentLinks.size).toBe(linksBefore)
    })

    it("cash on delivery for a staff order: Medusa's convert-to-order makes the order and reserves the pool", async () => {
      const variant = await setPool("besan-laddoo", 2000)
      const draft = await draftOrder(variant.id)
      const ordersBefore = await orderCount()
      const converted = await api.post(`/admin/draft-orders/${draft.id}/convert-to-order`, {}, admin)
      expect(converted.status).toBe(200)
      expect(await orderCount()).toBe(ordersBefore + 1)
      expect(await orderRow(draft.id)).toMatchObject({ is_draft_order: false, status: "pending" })
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 1000, available_units: 1000 })
      // The customer is told to keep the cash ready, not that they paid online.
      await events.settled()
      const { rows } = await dbConnection.raw(`select display_id from "order" where id = ?`, [draft.id])
      const placed = messagesTo(CUSTOMER_PHONE).filter((t) => t.includes(`order #${rows[0].display_id} placed`))
      expect(placed).toHaveLength(1)
      expect(placed[0]).toContain("(cash on delivery)")
      const { rows: shop } = await dbConnection.raw(`select payment_mode from shop_order where order_id = ?`, [draft.id])
      expect(shop).toEqual([{ payment_mode: "cod" }])
    })

    it("cash on delivery for a staff order is refused above COD_MAX_ORDER_RUPEES (₹5,000), with the storefront's code; the draft stays", async () => {
      const variant = await setPool("kaju-roll", 6000)
      const draft = await draftOrder(variant.id, 4) // 4 kg at ₹1,400
      const ordersBefore = await orderCount()
      const refused = await api.post(`/admin/draft-orders/${draft.id}/convert-to-order`, {}, admin).catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("cod_over_cap")
      expect(refused.data.message).toMatch(/payment link/)
      expect(await orderCount()).toBe(ordersBefore)
      expect(await orderRow(draft.id)).toMatchObject({ is_draft_order: true, status: "draft" })
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 0 })

      // With its payment link out, the refusal leaves the link payable and its hold in place.
      const link = (await sendLink(draft.id)).data.payment_link
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 4000 })
      const again = await api.post(`/admin/draft-orders/${draft.id}/convert-to-order`, {}, admin).catch((e: any) => e.response)
      expect(again.status).toBe(400)
      expect(again.data.code).toBe("cod_over_cap")
      expect(razorpay.paymentLinks.get(link.id)!.status).toBe("created")
      expect((await orderRow(draft.id)).metadata.payment_link).toMatchObject({ id: link.id, status: "created" })
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 4000 })
    })

    it("staff convert a draft whose link is out (cash on delivery after all): the link is cancelled at Razorpay and its hold becomes the order's reservation, counted once", async () => {
      const variant = await setPool("anjeer-barfi", 1000)
      const draft = await draftOrder(variant.id)
      const link = (await sendLink(draft.id)).data.payment_link
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 1000, available_units: 0 })
      const converted = await api.post(`/admin/draft-orders/${draft.id}/convert-to-order`, {}, admin).catch((e: any) => e.response)
      expect(converted.status).toBe(200)
      expect(razorpay.paymentLinks.get(link.id)!.status).toBe("cancelled")
      expect(await holdsOf(draft.id)).toBe(0)
      expect(await pool(variant.product_id)).toMatchObject({ reserved_units: 1000, available_units: 0 })
      expect((await orderRow(draft.id)).metadata.payment_link).toMatchObject({ id: link.id, status: "cancelled" })
      // The cancelled link cannot be paid any more.
      expect(() => razorpay.payLink(link.id)).toThrow(/cancelled/)
    })

    // The day and slot of a staff order (backend/src/lib/flows/draft-delivery.ts).
    const chooseDay = (draftId: string, body: Record<string, unknown>) => api.post(`/admin/draft-orders/${draftId}/delivery`, body, admin).catch((e: any) => e.response)
    async function placesLeft(draftId: string, day: string, slot: string) {
      const { data } = await api.get(`/admin/draft-orders/${draftId}/delivery`, admin)
      return data.days.find((d: any) => d.date === day).slots.find((s: any) => s.code === slot).places_left as number
    }
    const placeOf = async (draftId: string) => (await dbConnection.raw(`select day, slot_code from delivery_booking where cart_id = ? and deleted_at is null`, [draftId])).rows

    it("a link for a draft whose day has closed or whose slot is full is refused with the checkout's code: no link at Razorpay, no place, no hold", async () => {
      const variant = await setPool("pista-lauj", 5000)
      const day = deliveryDay(3)
      const draft = await draftOrder(variant.id, 1, CUSTOMER_PHONE, [], { homeDelivery: true })
      const chosen = await chooseDay(draft.id, { delivery_date: day, delivery_slot: "morning" })
      expect(chosen.status).toBe(200)
      expect(chosen.data.delivery).toEqual({ delivery_date: day, delivery_slot: "morning", delivery_slot_label: "10:00–13:00" })
      // The shop closes that day after staff chose it.
      const closed = await api.post("/admin/delivery-settings/closed-days", { day, reason: "Diwali" }, admin)
      const linksBefore = razorpay.paymentLinks.size
      const refused = await sendLink(draft.id)
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({ code: "day_closed", field: "delivery_day" })
      expect(refused.data.message).toMatch(/closed/)
      expect(razorpay.paymentLinks.size).toBe(linksBefore)
      expect(await placeOf(draft.id)).toEqual([])
      expect(await holdsOf(draft.id)).toBe(0)
      // Choosing the closed day now is refused with the same code, and the draft keeps what it had.
      expect((await chooseDay(draft.id, { delivery_date: day, delivery_slot: "evening" })).data.code).toBe("day_closed")
      expect((await orderRow(draft.id)).metadata).toMatchObject({ delivery_date: day, delivery_slot: "morning" })
      await api.delete(`/admin/delivery-settings/closed-days/${closed.data["closed-days"].id}`, admin)

      // A slot of one place: the first draft's link takes it, the second's is refused slot_full.
      const other = deliveryDay(4)
      const tiny = await api.post(
        "/admin/delivery-settings/slots",
        { weekday: weekdayOf(other), code: "tiny", label: "13:00–14:00", starts_at: "13:00", ends_at: "14:00", cutoff_minutes: 60, capacity: 1 },
        admin
      )
      expect(tiny.status).toBe(200)
      expect((await chooseDay(draft.id, { delivery_date: other, delivery_slot: "tiny" })).status).toBe(200)
      expect((await sendLink(draft.id)).status).toBe(200)
      expect(await placeOf(draft.id)).toEqual([{ day: other, slot_code: "tiny" }])
      const second = await draftOrder(variant.id, 1, CUSTOMER_PHONE, [], { homeDelivery: true })
      expect(await placesLeft(second.id, other, "tiny")).toBe(0)
      expect((await chooseDay(second.id, { delivery_date: other, delivery_slot: "tiny" })).status).toBe(200)
      const linksThen = razorpay.paymentLinks.size
      const full = await sendLink(second.id)
      expect(full.status).toBe(400)
      expect(full.data).toMatchObject({ code: "slot_full", field: "delivery_slot" })
      expect(razorpay.paymentLinks.size).toBe(linksThen)
      expect(await placeOf(second.id)).toEqual([])
      expect(await holdsOf(second.id)).toBe(0)
      // Cash on delivery for it is refused the same way, and no order is made.
      const ordersBefore = await orderCount()
      const cod = await api.post(`/admin/draft-orders/${second.id}/convert-to-order`, {}, admin).catch((e: any) => e.response)
      expect(cod.status).toBe(400)
      expect(cod.data.code).toBe("slot_full")
      expect(await orderCount()).toBe(ordersBefore)
      // Malformed choices and unknown drafts: 4xx with a code.
      expect((await chooseDay(second.id, { delivery_date: 7 })).data.code).toBe("invalid_data")
      expect((await chooseDay(second.id, { delivery_date: "tomorrow", delivery_slot: "morning" })).data.code).toBe("invalid_delivery_day")
      expect((await chooseDay("order_01NOSUCHDRAFT", { delivery_date: null, delivery_slot: null })).status).toBe(404)
      await api.delete(`/admin/delivery-settings/slots/${tiny.data.slots.id}`, admin)
    })

    it("a link for a good day books a place (one fewer listed); the paid link's order keeps its day and slot; an expired link frees its place; cash on delivery books too", async () => {
      const variant = await setPool("motichoor-laddoo", 5000)
      const day = deliveryDay(2)
      const draft = await draftOrder(variant.id, 1, CUSTOMER_PHONE, [], { homeDelivery: true })
      const left = await placesLeft(draft.id, day, "evening")
      expect((await chooseDay(draft.id, { delivery_date: day, delivery_slot: "evening" })).status).toBe(200)
      // Choosing takes no place; sending the link does.
      expect(await placesLeft(draft.id, day, "evening")).toBe(left)
      const link = (await sendLink(draft.id)).data.payment_link
      expect(link).toMatchObject({ status: "created" })
      expect(await placesLeft(draft.id, day, "evening")).toBe(left - 1)
      const store = await api.get(`/store/delivery/slots`, storeHeaders)
      expect(store.data.days.find((d: any) => d.date === day).slots.find((s: any) => s.code === "evening").places_left).toBe(left - 1)
      // Sending again keeps the same place.
      const again = (await sendLink(draft.id)).data.payment_link
      expect(await placesLeft(draft.id, day, "evening")).toBe(left - 1)

      razorpay.payLink(again.id)
      expect((await deliver(razorpay.webhook("payment_link.paid", razorpay.paymentLinks.get(again.id)!))).status).toBe(200)
      await events.settled()
      const order = await orderRow(draft.id)
      expect(order).toMatchObject({ is_draft_order: false, status: "pending" })
      expect(order.metadata).toMatchObject({ delivery_date: day, delivery_slot: "evening", delivery_slot_label: "16:00–20:00" })
      expect(await placeOf(draft.id)).toEqual([{ day, slot_code: "evening" }])
      // The order's place counts without its hold: it is ordered.
      await dbConnection.raw(`update delivery_booking set held_until = now() - interval '1 minute' where cart_id = ?`, [draft.id])
      const other = await draftOrder(variant.id, 1, CUSTOMER_PHONE, [], { homeDelivery: true })
      expect(await placesLeft(other.id, day, "evening")).toBe(left - 1)

      // Another draft's link takes a second place; it expires unpaid and gives it back.
      expect((await chooseDay(other.id, { delivery_date: day, delivery_slot: "evening" })).status).toBe(200)
      const otherLink = (await sendLink(other.id)).data.payment_link
      expect(await placesLeft(other.id, day, "evening")).toBe(left - 2)
      expect((await deliver(razorpay.webhook("payment_link.expired", razorpay.expireLink(otherLink.id)))).status).toBe(200)
      await events.settled()
      expect(await placeOf(other.id)).toEqual([])
      expect(await placesLeft(other.id, day, "evening")).toBe(left - 1)

      // Staff take it as cash on delivery instead: judged and booked, the order keeps the place.
      const converted = await api.post(`/admin/draft-orders/${other.id}/convert-to-order`, {}, admin).catch((e: any) => e.response)
      expect(converted.status).toBe(200)
      expect(await placeOf(other.id)).toEqual([{ day, slot_code: "evening" }])
      expect((await orderRow(other.id)).metadata).toMatchObject({ delivery_date: day, delivery_slot: "evening" })
      // Cancelling that order frees its place.
      expect((await api.post(`/admin/orders/${other.id}/cancel`, {}, admin).catch((e: any) => e.response)).status).toBe(200)
      await events.settled()
      expect(await placeOf(other.id)).toEqual([])
    })

    it("a draft without a day (a pickup arranged on the phone) is not judged and takes no place", async () => {
      const variant = await setPool("sandesh", 2000)
      const draft = await draftOrder(variant.id, 1, CUSTOMER_PHONE, [], { homeDelivery: true })
      const { data } = await api.get(`/admin/draft-orders/${draft.id}/delivery`, admin)
      expect(data).toMatchObject({ delivery: { delivery_date: null, delivery_slot: null }, home_delivery: true, place: null })
      expect(data.days.length).toBeGreaterThan(0)
      expect((await sendLink(draft.id)).status).toBe(200)
      expect(await placeOf(draft.id)).toEqual([])
    })

    it("a pickup staff order with a day carries the counter's hours that day into the order, for the ready-for-pickup message", async () => {
      const variant = await setPool("sandesh", 2000)
      const day = deliveryDay(3)
      const draft = await draftOrder(variant.id, 1)
      const chosen = await chooseDay(draft.id, { delivery_date: day, delivery_slot: null })
      expect(chosen.status).toBe(200)
      const row = (await api.get("/admin/delivery-settings", admin)).data.pickup_hours.find((h: any) => h.weekday === new Date(`${day}T12:00:00Z`).getUTCDay())
      const hours = `${row.opens_at}–${row.closes_at}`
      expect((await orderRow(draft.id)).metadata).toMatchObject({ delivery_date: day, pickup_hours: hours })
      expect((await api.post(`/admin/draft-orders/${draft.id}/convert-to-order`, {}, admin).catch((e: any) => e.response)).status).toBe(200)
      expect((await orderRow(draft.id)).metadata).toMatchObject({ delivery_date: day, pickup_hours: hours })
      // Staff clearing the day clear it, its hours with it (Medusa merges order metadata: the keys are written as "" to go).
      const other = await draftOrder(variant.id, 1)
      await chooseDay(other.id, { delivery_date: day, delivery_slot: null })
      expect((await chooseDay(other.id, { delivery_date: null, delivery_slot: null })).status).toBe(200)
      expect((await orderRow(other.id)).metadata).toEqual({})
    })

    // Medusa's convert-to-order checks each line alone (medusajs/medusa#16502): gram-inventory's middleware checks the sum per pool.
    const convert = (draftId: string) => api.post(`/admin/draft-orders/${draftId}/convert-to-order`, {}, admin).catch((e: any) => e.response)

    it("cash on delivery of a draft whose lines together pass the pool (each line alone fits) is refused pool_shortfall: no order, pool unchanged, no place booked; a draft within the pool converts and reserves the sum", async () => {
      const kilo = await setPool("aloo-bhujia", 1000)
      const quarter = await shopper.variant("aloo-bhujia", "250 g")
      const half = await shopper.variant("aloo-bhujia", "500 g")
      const day = deliveryDay(2)
      // 4 × 250 g and 1 × 1 kg: 2 kg against a pool of 1 kg.
      const draft = await draftOrder(quarter.id, 4, CUSTOMER_PHONE, [{ variant_id: kilo.id, quantity: 1 }], { homeDelivery: true })
      expect((await chooseDay(draft.id, { delivery_date: day, delivery_slot: "evening" })).status).toBe(200)
      const left = await placesLeft(draft.id, day, "evening")
      const ordersBefore = await orderCount()

      const refused = await convert(draft.id)
      expect(refused.status).toBe(409)
      expect(refused.data).toMatchObject({ code: "pool_shortfall", field: "cart" })
      expect(refused.data.message).toBe("Only 1,000 g of Aloo Bhujia left; your cart needs 2,000 g.")
      expect(await orderCount()).toBe(ordersBefore)
      expect(await orderRow(draft.id)).toMatchObject({ is_draft_order: true, status: "draft" })
      expect(await pool(kilo.product_id)).toMatchObject({ reserved_units: 0, available_units: 1000 })
      expect(await placeOf(draft.id)).toEqual([])
      expect(await placesLeft(draft.id, day, "evening")).toBe(left)

      // 2 × 250 g and 1 × 500 g: the whole kilo, converted; the sum is reserved and the place booked.
      const fits = await draftOrder(quarter.id, 2, CUSTOMER_PHONE, [{ variant_id: half.id, quantity: 1 }], { homeDelivery: true })
      expect((await chooseDay(fits.id, { delivery_date: day, delivery_slot: "evening" })).status).toBe(200)
      const converted = await convert(fits.id)
      expect(converted.status).toBe(200)
      expect(await orderCount()).toBe(ordersBefore + 1)
      expect(await pool(kilo.product_id)).toMatchObject({ reserved_units: 1000, available_units: 0 })
      expect(await placeOf(fits.id)).toEqual([{ day, slot_code: "evening" }])
      // Now even the first draft's single 250 g line is more than the pool has.
      expect((await convert(draft.id)).data.code).toBe("pool_shortfall")
      expect(await pool(kilo.product_id)).toMatchObject({ reserved_units: 1000, available_units: 0 })
    })

    it("two drafts converted at once that together pass the pool make exactly one order; the other is refused pool_shortfall and books no place", async () => {
      const kilo = await setPool("khatta-meetha", 1000)
      const quarter = await shopper.variant("khatta-meetha", "250 g")
      const half = await shopper.variant("khatta-meetha", "500 g")
      const day = deliveryDay(3)
      const first = await draftOrder(quarter.id, 3, CUSTOMER_PHONE, [], { homeDelivery: true }) // 750 g
      const second = await draftOrder(half.id, 1, CUSTOMER_PHONE, [], { homeDelivery: true }) // 500 g
      for (const d of [first, second]) expect((await chooseDay(d.id, { delivery_date: day, delivery_slot: "morning" })).status).toBe(200)
      const ordersBefore = await orderCount()

      const answers = await Promise.all([convert(first.id), convert(second.id)])
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
      const won = answers[0].status === 200 ? first : second
      const lost = won === first ? second : first
      expect(answers.find((a) => a.status === 409)!.data.code).toBe("pool_shortfall")
      expect(await orderCount()).toBe(ordersBefore + 1)
      expect(await orderRow(lost.id)).toMatchObject({ is_draft_order: true, status: "draft" })
      expect(await pool(kilo.product_id)).toMatchObject({ reserved_units: won === first ? 750 : 500, available_units: won === first ? 250 : 500 })
      expect(await placeOf(won.id)).toEqual([{ day, slot_code: "morning" }])
      expect(await placeOf(lost.id)).toEqual([])
    })

    it("a refund made in Razorpay's dashboard on a link-paid order is recorded on the order once (the webhook delivered twice, and again under another id)", async () => {
      const variant = await setPool("badam-barfi", 2000)
      const draft = await draftOrder(variant.id)
      const link = (await sendLink(draft.id)).data.payment_link
      const { payment } = razorpay.payLink(link.id)
      expect((await deliver(razorpay.webhook("payment_link.paid", razorpay.paymentLinks.get(link.id)!))).status).toBe(200)
      await events.settled()
      const refundsOnOrder = async () => {
        const { data } = await api.get(`/admin/orders/${draft.id}?fields=id,*payment_collections.payments.refunds`, admin)
        return data.order.payment_collections.flatMap((c: any) => c.payments).flatMap((p: any) => p.refunds).map((r: any) => Number(r.amount))
      }
      expect(await refundsOnOrder()).toEqual([])

      const dashboard = razorpay.refund(payment.id, { amount: 20000 })
      const delivery = razorpay.webhook("refund.processed", dashboard)
      expect(JSON.parse(delivery.body).payload.refund.entity).toMatchObject({ id: dashboard.id, payment_id: payment.id, amount: 20000, status: "processed" })
      const answers = [await deliver(delivery), await deliver(delivery)]
      expect(answers.map((a) => a.status)).toEqual([200, 200])
      expect(answers[1].data).toMatchObject({ duplicate: true })
      expect((await deliver(razorpay.webhook("refund.processed", dashboard))).status).toBe(200)
      await events.settled()
      expect(await refundsOnOrder()).toEqual([200])
      // Razorpay was not asked to refund again: its one refund is the dashboard's.
      expect([...razorpay.refunds.values()].filter((r) => r.payment_id === payment.id).map((r) => r.id)).toEqual([dashboard.id])
    })
  },
})
