import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import twilioSdk from "twilio"
import { Modules } from "@medusajs/framework/utils"
import { FakeGraph, FakeRazorpay, FakeTwilio, startFakeGraph, startFakeRazorpay, startFakeTwilio } from "@sweetshop/sandbox"
// The plugin's own functions, from its source (its build ships no type declarations): the same code the
// subscribers and the retry job run, called directly where a test must know that a handling has finished.
import { backoffMs, MAX_ATTEMPTS, retryFailedNotifications } from "../../../plugins/notifications/src/lib/deliver"
import { sendLowStock, sendOrderPlaced, shopDate } from "../../../plugins/notifications/src/lib/order-messages"
import { neutralReplyText } from "../../../plugins/notifications/src/lib/templates"
import { adminHeaders, DELHI_ADDRESS, razorpayEnv, seedShop, Shopper, shopperFor, twilioEnv, useFakeBeforeBoot } from "../helpers/shopper"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { freePort } from "../helpers/processes"
import fs from "fs"
import path from "path"

jest.setTimeout(300_000)

/**
 * Order messages on both channels: the official Twilio SDK against the fake
 * Twilio, plain fetch against the fake Graph (WhatsApp Cloud API), and the
 * fake Graph playing Meta towards the shop's webhook.
 */
const CUSTOMER = "+919876543210"
const STRANGER = "+919812345678"
const STAFF = "+919900000001"
/**
 * The URL Twilio is told to call, as `npm start` sets it (scripts/start.mjs: the backend's public URL +
 * /hooks/twilio/status); signatures are over this URL. The app runs on a port chosen here (the test
 * runner takes PORT), so the fake Twilio's callbacks reach it.
 */
let STATUS_CALLBACK_URL: string
let twilio: FakeTwilio
let graph: FakeGraph
let razorpay: FakeRazorpay

useFakeBeforeBoot(async () => {
  twilio = await startFakeTwilio()
  graph = await startFakeGraph()
  razorpay = await startFakeRazorpay()
  const port = await freePort()
  STATUS_CALLBACK_URL = `http://localhost:${port}/hooks/twilio/status`
  return {
    fake: { close: async () => Promise.all([twilio.close(), graph.close(), razorpay.close()]).then(() => undefined) },
    env: {
      PORT: String(port),
      ...razorpayEnv(razorpay),
      ...twilioEnv(twilio),
      TWILIO_TIMEOUT_MS: "1500",
      TWILIO_STATUS_CALLBACK_URL: STATUS_CALLBACK_URL,
      WHATSAPP_ACCESS_TOKEN: graph.accessToken,
      WHATSAPP_PHONE_NUMBER_ID: graph.phoneNumberId,
      WHATSAPP_APP_SECRET: graph.appSecret,
      WHATSAPP_VERIFY_TOKEN: graph.verifyToken,
      WHATSAPP_GRAPH_BASE_URL: graph.url,
      WHATSAPP_TIMEOUT_MS: "1500",
      SHOP_STAFF_PHONE: STAFF,
    },
  }
})

const digits = (e164: string) => e164.replace(/^\+/, "")
/** The text, then the order's tracking link: the link must be there (the order-lifecycle plugin always runs in the shop). */
const withTracking = (text: string, separator = " ") =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${separator}Track: https?://\\S+/track/\\S+$`)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: { headers: Record<string, string> }
    let shopper: Shopper
    let webhookUrl: string
    let events: SubscriberTracker

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      webhookUrl = `${api.defaults.baseURL}/hooks/whatsapp`
      events = trackSubscribers(getContainer())
    })
    afterAll(() => events?.restore())

    beforeEach(() => {
      shopper = shopperFor(api, storeHeaders)
      twilio.messages.length = 0
      graph.messages.length = 0
      twilio.failNext(0)
      graph.failNext(0)
      // Delivery reports only where a test asks for them, so the others see each message as sent.
      twilio.statusFlow([])
    })

    async function placeCodOrder() {
      const kaju = await shopper.variant("kaju-katli", "500 g")
      const rasgulla = await shopper.variant("rasgulla", "6 pieces")
      const cartId = await shopper.createCart([
        { variant_id: kaju.id, quantity: 1 },
        { variant_id: rasgulla.id, quantity: 2 },
      ])
      await shopper.prepareCheckout(cartId)
      const started = Date.now()
      const completed = await shopper.complete(cartId)
      const ms = Date.now() - started
      expect(completed.status).toBe(200)
      return { order: completed.data.order, ms }
    }

    /** Polls until the check holds (a bound against hanging, not a timing assertion). */
    async function waitFor(check: () => boolean | Promise<boolean>, ms = 30_000) {
      const until = Date.now() + ms
      while (Date.now() < until) {
        if (await check()) return true
        await new Promise((r) => setTimeout(r, 100))
      }
      return false
    }

    const notificationsOf = async (orderId: string) =>
      (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: orderId } as any)) as any[]
    const attemptsOf = async (notificationId: string) =>
      (await getContainer().resolve<any>("notification_attempts").listNotificationAttempts({ notification_id: notificationId }, { order: { attempt: "ASC" } })) as any[]
    const toCustomer = () => ({
      sms: twilio.messages.filter((m) => m.to === CUSTOMER),
      whatsapp: graph.messages.filter((m) => m.to === digits(CUSTOMER)),
    })

    it("sends exactly one SMS and one WhatsApp message for a cash-on-delivery order, with number, items and total, and records each try", async () => {
      const { order, ms } = await placeCodOrder()
      process.stdout.write(`[figures] order completion with both providers answering: ${ms} ms\n`)
      // The subscribers have finished: each message sent and its try recorded.
      await events.settled()
      expect((await notificationsOf(order.id)).map((n) => n.status)).toEqual(["success", "success"])

      const { sms, whatsapp } = toCustomer()
      expect(sms).toHaveLength(1)
      expect(sms[0].body).toMatch(
        withTracking(`Sweet Shop: order #${order.display_id} placed. 1 × Kaju Katli 500 g, 2 × Rasgulla 6 pieces. Total ₹880.00 (cash on delivery).`)
      )
      expect(whatsapp).toHaveLength(1)
      expect(whatsapp[0]).toMatchObject({ type: "template", template: { name: "order_placed", language: { code: "en" } } })
      const parameters = whatsapp[0].template!.components![0].parameters!.map((p) => p.text)
      expect(parameters.slice(0, 4)).toEqual([String(order.display_id), "1 × Kaju Katli 500 g, 2 × Rasgulla 6 pieces", "₹880.00", "cash on delivery"])
      // The tracking link, the same as in the SMS.
      expect(parameters[4]).toMatch(/^Track: https?:\/\/\S+\/track\/\S+$/)
      expect(sms[0].body).toContain(parameters[4])

      const records = await notificationsOf(order.id)
      const waRecord = records.find((n) => n.channel === "whatsapp")
      expect(waRecord).toMatchObject({ status: "success", to: CUSTOMER, external_id: whatsapp[0].id, idempotency_key: `order-placed:${order.id}:whatsapp` })
      for (const record of records) {
        const attempts = await attemptsOf(record.id)
        expect(attempts).toHaveLength(1)
        expect(attempts[0]).toMatchObject({ attempt: 1, outcome: "sent", error: null, external_id: record.external_id })
      }
    })

    it("sends once when the same order event is handled twice", async () => {
      const { order } = await placeCodOrder()
      await events.settled()
      expect(toCustomer().sms).toHaveLength(1)
      expect(toCustomer().whatsapp).toHaveLength(1)
      // The event again through the bus, and the subscriber's function run to its end twice more.
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      await sendOrderPlaced(getContainer(), order.id)
      await sendOrderPlaced(getContainer(), order.id)
      await events.settled()
      expect(toCustomer().sms).toHaveLength(1)
      expect(toCustomer().whatsapp).toHaveLength(1)
      const records = await notificationsOf(order.id)
      expect(records).toHaveLength(2)
      for (const record of records) expect(await attemptsOf(record.id)).toHaveLength(1)
    })

    it.each([["answers 500", "500"], ["hangs", "hang"]] as const)(
      "places the order when the Graph API %s, backs off, and delivers the WhatsApp message once it recovers",
      async (_, mode) => {
        graph.failNext(1, mode)
        const { order, ms } = await placeCodOrder()
        process.stdout.write(`[figures] order completion with the Graph API that ${mode === "hang" ? "hangs" : "answers 500"}: ${ms} ms\n`)
        const failed = async () => (await notificationsOf(order.id)).find((n) => n.channel === "whatsapp" && n.status === "failure")
        expect(await waitFor(async () => Boolean(await failed()))).toBe(true)
        // The try is recorded after Medusa saves the notification as failed: wait for the sending handler to end.
        await events.settled()
        // The SMS went its own way.
        expect(await waitFor(() => toCustomer().sms.length === 1)).toBe(true)
        expect(toCustomer().whatsapp).toHaveLength(0)
        const record = (await failed())!
        const [first] = await attemptsOf(record.id)
        expect(first).toMatchObject({ attempt: 1, outcome: "failed" })
        expect(first.error).toMatch(mode === "hang" ? /no answer within 1500 ms/ : /500 An unknown error/)

        // Too early: the back-off holds the retry.
        const early = await retryFailedNotifications(getContainer())
        expect(early.waiting).toBeGreaterThanOrEqual(1)
        expect(toCustomer().whatsapp).toHaveLength(0)

        // After the back-off: sent once, recorded as the second try.
        await retryFailedNotifications(getContainer(), { now: Date.now() + backoffMs(1) })
        expect(toCustomer().whatsapp).toHaveLength(1)
        expect(toCustomer().whatsapp[0].text).toContain("₹880.00")
        const [after] = (await notificationsOf(order.id)).filter((n) => n.channel === "whatsapp")
        expect(after).toMatchObject({ id: record.id, status: "success" })
        expect((await attemptsOf(record.id)).map((a) => a.outcome)).toEqual(["failed", "sent"])

        await retryFailedNotifications(getContainer(), { now: Date.now() + backoffMs(4) })
        expect(toCustomer().whatsapp).toHaveLength(1)
      }
    )

    it("sends one message per channel when the same status event is handled twice at the same moment", async () => {
      const { order } = await placeCodOrder()
      await events.settled()
      twilio.messages.length = 0
      graph.messages.length = 0
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      const changed = { id: order.id, display_id: order.display_id, from: "placed", to: "preparing" }
      // Handed to the subscriber in the same turn: two handlings run side by side, then both have finished.
      await Promise.all([bus.emit({ name: "shop_order.status_changed", data: changed }), bus.emit({ name: "shop_order.status_changed", data: changed })])
      await events.settled()
      expect(toCustomer().sms).toHaveLength(1)
      expect(toCustomer().whatsapp).toHaveLength(1)
      expect(toCustomer().sms[0].body).toMatch(withTracking(`Sweet Shop: your order #${order.display_id} is being prepared.`))
    })

    it("sends a failed message once per channel when two retry jobs and a repeat of the event retry it at the same moment", async () => {
      twilio.failNext(1, "500")
      graph.failNext(1, "500")
      const { order } = await placeCodOrder()
      await events.settled()
      expect((await notificationsOf(order.id)).map((n) => n.status)).toEqual(["failure", "failure"])
      expect(toCustomer().sms).toHaveLength(0)
      expect(toCustomer().whatsapp).toHaveLength(0)

      const later = Date.now() + backoffMs(1)
      await Promise.all([
        retryFailedNotifications(getContainer(), { now: later }),
        retryFailedNotifications(getContainer(), { now: later }),
        sendOrderPlaced(getContainer(), order.id),
      ])
      await events.settled()
      expect(toCustomer().sms).toHaveLength(1)
      expect(toCustomer().whatsapp).toHaveLength(1)
      for (const record of await notificationsOf(order.id)) {
        expect(record.status).toBe("success")
        expect((await attemptsOf(record.id)).map((a) => a.outcome)).toEqual(["failed", "sent"])
      }
    })

    it("alerts staff of a low pool once a day: the same level again the same day sends nothing, the next day it alerts again", async () => {
      const lowStock = { product_id: "prod_y", product_title: "Peda", inventory_item_id: "iitem_two_days", unit: "pieces", available_units: 12, low_stock_threshold_units: 20 }
      const toStaff = () => ({ sms: twilio.messages.filter((m) => m.to === STAFF), whatsapp: graph.messages.filter((m) => m.to === digits(STAFF)) })
      // 23:00 in India on one day, then 09:00 the next morning (the shop's days, not UTC's).
      const evening = Date.parse("2026-12-01T23:00:00+05:30")
      const nextMorning = Date.parse("2026-12-02T09:00:00+05:30")
      expect([shopDate(evening), shopDate(nextMorning)]).toEqual(["2026-12-01", "2026-12-02"])

      await sendLowStock(getContainer(), lowStock, { now: evening })
      await sendLowStock(getContainer(), lowStock, { now: evening + 30 * 60_000 })
      expect(toStaff().sms).toHaveLength(1)
      expect(toStaff().whatsapp).toHaveLength(1)

      await sendLowStock(getContainer(), lowStock, { now: nextMorning })
      expect(toStaff().sms).toHaveLength(2)
      expect(toStaff().whatsapp).toHaveLength(2)
      expect(toStaff().sms.map((m) => m.body)).toEqual(["Sweet Shop stock: Peda is low, 12 pieces left (alert at 20 pieces).", "Sweet Shop stock: Peda is low, 12 pieces left (alert at 20 pieces)."])
    })

    it(`stops after ${MAX_ATTEMPTS} tries, each recorded, waiting longer between them`, async () => {
      graph.failNext(100, "500")
      const { order } = await placeCodOrder()
      const whatsappRecord = async () => (await notificationsOf(order.id)).find((n) => n.channel === "whatsapp")
      expect(await waitFor(async () => (await whatsappRecord())?.status === "failure")).toBe(true)
      const record = (await whatsappRecord())!
      let now = Date.now()
      for (let round = 0; round < MAX_ATTEMPTS + 2; round++) {
        now += backoffMs(MAX_ATTEMPTS)
        await retryFailedNotifications(getContainer(), { now })
      }
      const attempts = await attemptsOf(record.id)
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5].slice(0, MAX_ATTEMPTS))
      expect(attempts.every((a) => a.outcome === "failed")).toBe(true)
      expect(toCustomer().whatsapp).toHaveLength(0)
      expect((await retryFailedNotifications(getContainer(), { now: now + backoffMs(MAX_ATTEMPTS) })).gave_up).toBeGreaterThanOrEqual(1)
      expect(backoffMs(1) < backoffMs(2) && backoffMs(2) < backoffMs(3)).toBe(true)
      graph.failNext(0)
    })

    it("sends each status change, refund and low-stock alert once on both channels", async () => {
      const { order } = await placeCodOrder()
      await events.settled()
      twilio.messages.length = 0
      graph.messages.length = 0
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      const changed = { id: order.id, display_id: order.display_id, from: "placed", to: "out_for_delivery" }
      await bus.emit({ name: "shop_order.status_changed", data: changed })
      await bus.emit({ name: "shop_order.status_changed", data: changed })
      // Both handlings finished (every subscriber run returned): then count, so a late duplicate is counted too.
      await events.settled()
      expect(toCustomer().sms).toHaveLength(1)
      expect(toCustomer().whatsapp).toHaveLength(1)
      expect(toCustomer().sms[0].body).toMatch(withTracking(`Sweet Shop: your order #${order.display_id} is out for delivery.`))
      expect(toCustomer().whatsapp[0]).toMatchObject({ type: "template", template: { name: "order_status_update" } })
      expect(toCustomer().whatsapp[0].text).toMatch(new RegExp(`^${order.display_id}\nout for delivery\nTrack: https?://\\S+/track/\\S+$`))

      await bus.emit({ name: "shop_order.status_changed", data: { ...changed, from: "out_for_delivery", to: "delivered" } })
      await bus.emit({ name: "shop_order.payment_refunded", data: { id: order.id, display_id: order.display_id, amount_paise: 88000 } })
      await events.settled()
      expect(toCustomer().sms).toHaveLength(3)
      expect(toCustomer().whatsapp).toHaveLength(3)
      const bodies = toCustomer().sms.map((m) => m.body ?? "")
      expect(bodies.some((b) => withTracking(`Sweet Shop: your order #${order.display_id} is delivered.`).test(b))).toBe(true)
      expect(bodies).toContain(`Sweet Shop: ₹880.00 refunded for order #${order.display_id}. It reaches your account in 5-7 days.`)

      const lowStock = { product_id: "prod_x", product_title: "Kaju Katli", inventory_item_id: "iitem_test_pool", unit: "grams", available_units: 750, low_stock_threshold_units: 1000 }
      await bus.emit({ name: "gram_pool.low_stock", data: lowStock })
      await bus.emit({ name: "gram_pool.low_stock", data: lowStock })
      // Both emits handled: then count.
      await events.settled()
      expect(twilio.messages.filter((m) => m.to === STAFF).map((m) => m.body)).toEqual([
        "Sweet Shop stock: Kaju Katli is low, 750 g left (alert at 1000 g).",
      ])
      expect(graph.messages.filter((m) => m.to === digits(STAFF)).map((m) => m.template?.name)).toEqual(["low_stock_alert"])
    })

    it("answers Meta's verification handshake only with the right token", async () => {
      const ok = await graph.verify(webhookUrl)
      expect(ok.status).toBe(200)
      expect(ok.text).toBe(ok.challenge)
      const wrong = await graph.verify(webhookUrl, { token: "not-the-verify-token" })
      expect(wrong.status).toBe(403)
      expect(wrong.text).not.toContain(wrong.challenge)
    })

    it("refuses unsigned and mis-signed webhook deliveries, and acts on none of them", async () => {
      const { order } = await placeCodOrder()
      expect(await waitFor(() => toCustomer().whatsapp.length === 1)).toBe(true)
      const payload = graph.inbound({ from: CUSTOMER, text: "status" })

      const forged = await graph.deliver(webhookUrl, payload, { secret: "someone-elses-secret" })
      expect(forged.status).toBe(403)
      const unsigned = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) })
      expect(unsigned.status).toBe(401)
      // Signed, then one byte changed after signing: the raw body no longer matches.
      const { body, headers } = graph.signed(payload)
      const tampered = await fetch(webhookUrl, { method: "POST", headers, body: body.replace("status", "Status") })
      expect(tampered.status).toBe(403)

      // The properly signed delivery of the same message is answered; the refused ones never were.
      expect((await graph.deliver(webhookUrl, payload)).status).toBe(200)
      expect(await waitFor(() => graph.messages.some((m) => m.type === "text"))).toBe(true)
      expect(graph.messages.filter((m) => m.type === "text")).toHaveLength(1)
      expect(graph.messages.find((m) => m.type === "text")!.text).toContain(`#${order.display_id}`)
    })

    it("writes delivery statuses on the message record, never going back from read to delivered", async () => {
      const { order } = await placeCodOrder()
      expect(await waitFor(() => toCustomer().whatsapp.length === 1)).toBe(true)
      const wamid = toCustomer().whatsapp[0].id
      for (const status of ["sent", "delivered", "read", "delivered"] as const) {
        expect((await graph.deliver(webhookUrl, graph.status({ id: wamid, status, recipient: CUSTOMER }))).status).toBe(200)
      }
      const whatsappRecord = async () => (await notificationsOf(order.id)).find((n) => n.channel === "whatsapp")
      expect(await waitFor(async () => (await whatsappRecord())?.data?.delivery_status === "read")).toBe(true)
      const attempts = await attemptsOf((await whatsappRecord()).id)
      expect(attempts[0].delivery_status).toBe("read")
    })

    it('answers "status" from the phone the order was placed with, and reveals nothing to any other phone', async () => {
      const { order } = await placeCodOrder()
      expect(await waitFor(() => toCustomer().whatsapp.length === 1)).toBe(true)
      // The shop status lives in the order-lifecycle plugin's shop_order record (made when the order is placed).
      const lifecycle = getContainer().resolve("order_lifecycle") as any
      expect(await waitFor(async () => (await lifecycle.listShopOrders({ order_id: order.id })).length === 1)).toBe(true)
      const [shopOrder] = await lifecycle.listShopOrders({ order_id: order.id })
      await lifecycle.updateShopOrders({ id: shopOrder.id, status: "preparing" })

      const replyTo = (phone: string) => graph.messages.filter((m) => m.type === "text" && m.to === digits(phone))
      expect((await graph.deliver(webhookUrl, graph.inbound({ from: CUSTOMER, text: "Status" }))).status).toBe(200)
      expect(await waitFor(() => replyTo(CUSTOMER).length === 1)).toBe(true)
      expect(replyTo(CUSTOMER)[0].text).toMatch(withTracking(`Sweet Shop: order #${order.display_id} is being prepared.`))

      // By its number, from the right phone.
      expect((await graph.deliver(webhookUrl, graph.inbound({ from: CUSTOMER, text: `#${order.display_id}` }))).status).toBe(200)
      expect(await waitFor(() => replyTo(CUSTOMER).length === 2)).toBe(true)
      expect(replyTo(CUSTOMER)[1].text).toContain(`#${order.display_id} is being prepared`)

      // Another phone: "status", this order's number, and a number that does not exist get the same neutral words.
      for (const text of ["status", `#${order.display_id}`, "99999"]) {
        expect((await graph.deliver(webhookUrl, graph.inbound({ from: STRANGER, text }))).status).toBe(200)
      }
      expect(await waitFor(() => replyTo(STRANGER).length === 3)).toBe(true)
      for (const reply of replyTo(STRANGER)) {
        expect(reply.text).toBe(neutralReplyText())
        expect(reply.text).not.toContain(String(order.display_id))
      }
      // The same inbound message delivered twice by Meta is answered once.
      const again = graph.inbound({ from: CUSTOMER, text: "status", id: "wamid.repeated-delivery" })
      await graph.deliver(webhookUrl, again)
      await graph.deliver(webhookUrl, again)
      expect(await waitFor(() => replyTo(CUSTOMER).length === 3)).toBe(true)
      const replies = (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ idempotency_key: "whatsapp-reply:wamid.repeated-delivery:whatsapp" } as any)) as any[]
      expect(replies).toHaveLength(1)
    })

    it("shows staff the order's messages with their state, and resends one through an authenticated, validated route", async () => {
      const { order } = await placeCodOrder()
      expect(await waitFor(async () => (await notificationsOf(order.id)).filter((n) => n.status === "success").length === 2)).toBe(true)
      const wamid = toCustomer().whatsapp[0].id
      await graph.deliver(webhookUrl, graph.status({ id: wamid, status: "delivered", recipient: CUSTOMER }))
      expect(await waitFor(async () => (await notificationsOf(order.id)).some((n) => n.data?.delivery_status === "delivered"))).toBe(true)

      const anonymous = await api.get(`/admin/orders/${order.id}/messages`).catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)
      const admin = await adminHeaders(api)
      const { data } = await api.get(`/admin/orders/${order.id}/messages`, admin)
      const byChannel = Object.fromEntries(data.messages.map((m: any) => [m.channel, m]))
      expect(byChannel.sms).toMatchObject({ template: "order-placed", state: "sent", to: CUSTOMER, attempts: [{ attempt: 1, outcome: "sent" }] })
      expect(byChannel.whatsapp).toMatchObject({ template: "order-placed", state: "delivered" })
      expect(byChannel.sms.text).toContain("Total ₹880.00")
      expect(JSON.stringify(data)).not.toContain(graph.accessToken)
      expect(JSON.stringify(data)).not.toContain(twilio.authToken)

      const invalid = await api.post(`/admin/orders/${order.id}/messages/resend`, { notification_id: "drop table" }, admin).catch((e: any) => e.response)
      expect(invalid.status).toBe(400)
      const extra = await api.post(`/admin/orders/${order.id}/messages/resend`, { notification_id: byChannel.sms.id, to: STRANGER }, admin).catch((e: any) => e.response)
      expect(extra.status).toBe(400)
      const unknown = await api.post(`/admin/orders/${order.id}/messages/resend`, { notification_id: "noti_01NOTTHEREATALL" }, admin).catch((e: any) => e.response)
      expect(unknown.status).toBe(404)
      const anonymousResend = await api.post(`/admin/orders/${order.id}/messages/resend`, { notification_id: byChannel.sms.id }).catch((e: any) => e.response)
      expect(anonymousResend.status).toBe(401)
      expect(toCustomer().sms).toHaveLength(1)

      const resent = await api.post(`/admin/orders/${order.id}/messages/resend`, { notification_id: byChannel.sms.id }, admin)
      expect(resent.status).toBe(200)
      expect(resent.data.message).toMatchObject({ channel: "sms", state: "sent", original_notification_id: byChannel.sms.id })
      expect(toCustomer().sms).toHaveLength(2)
      expect(toCustomer().sms[1].body).toBe(toCustomer().sms[0].body)
      const after = await api.get(`/admin/orders/${order.id}/messages`, admin)
      expect(after.data.messages).toHaveLength(3)
    })

    it("takes in Twilio's signed status callbacks for an SMS and refuses forged ones", async () => {
      const { order } = await placeCodOrder()
      expect(await waitFor(() => toCustomer().sms.length === 1)).toBe(true)
      const sid = toCustomer().sms[0].sid
      const params = { MessageSid: sid, MessageStatus: "delivered", AccountSid: twilio.accountSid, To: CUSTOMER }
      const post = (signature: string) =>
        api
          .post("/hooks/twilio/status", new URLSearchParams(params).toString(), {
            headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
          })
          .catch((e: any) => e.response)

      const forged = await post(twilioSdk.getExpectedTwilioSignature("not-the-auth-token", STATUS_CALLBACK_URL, params))
      expect(forged.status).toBe(403)
      const smsRecord = async () => (await notificationsOf(order.id)).find((n) => n.channel === "sms")
      expect((await smsRecord()).data?.delivery_status).toBeUndefined()

      const signed = await post(twilioSdk.getExpectedTwilioSignature(twilio.authToken, STATUS_CALLBACK_URL, params))
      expect(signed.status).toBe(204)
      expect((await smsRecord()).data?.delivery_status).toBe("delivered")
    })

    it("records an SMS's delivery from the fake Twilio's own signed status callbacks, at the URL npm start sets", async () => {
      twilio.statusFlow(["sent", "delivered"])
      const { order } = await placeCodOrder()
      expect(await waitFor(() => toCustomer().sms.length === 1)).toBe(true)
      // The fake posts sent, then delivered, to the message's StatusCallback, signed with the auth token.
      await twilio.callbacksSettled()
      const callbacks = twilio.callbacks.filter((c) => c.params.MessageSid === toCustomer().sms[0].sid)
      expect(callbacks.map((c) => [c.url, c.params.MessageStatus, c.status])).toEqual([
        [STATUS_CALLBACK_URL, "sent", 204],
        [STATUS_CALLBACK_URL, "delivered", 204],
      ])
      const sms = (await notificationsOf(order.id)).find((n) => n.channel === "sms")
      expect(sms.data).toMatchObject({ delivery_status: "delivered" })
      expect((await attemptsOf(sms.id))[0].delivery_status).toBe("delivered")
    })

    it("takes in Twilio's documented status callbacks (sandbox/twilio/fixtures) for an SMS the shop sent", async () => {
      const { order } = await placeCodOrder()
      expect(await waitFor(() => toCustomer().sms.length === 1)).toBe(true)
      const sid = toCustomer().sms[0].sid
      const fixture = (status: string) =>
        JSON.parse(fs.readFileSync(path.join(__dirname, "../../../sandbox/twilio/fixtures", `status-callback.${status}.json`), "utf8")) as Record<string, string>
      const smsRecord = async () => (await notificationsOf(order.id)).find((n) => n.channel === "sms")
      for (const [status, recorded] of [
        ["sent", "sent"],
        ["undelivered", "failed"],
      ]) {
        // Twilio's parameters as documented, for this message of this account.
        const params = { ...fixture(status), MessageSid: sid, SmsSid: sid, AccountSid: twilio.accountSid, To: CUSTOMER }
        const answer = await api.post("/hooks/twilio/status", new URLSearchParams(params).toString(), {
          headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilio.sign(STATUS_CALLBACK_URL, params) },
        })
        expect(answer.status).toBe(204)
        expect((await smsRecord()).data.delivery_status).toBe(recorded)
      }
      // The carrier's error code is kept with the failure.
      expect((await smsRecord()).data.delivery_error).toBe("30003")
    })

    /** Meta's own sample bodies (sandbox/whatsapp/fixtures, pages named in its README). */
    const metaSample = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "../../../sandbox/whatsapp/fixtures", name), "utf8"))
    const repliesTo = (to: string) => graph.messages.filter((m) => m.type === "text" && (m.to === to || m.recipient === to))

    it("answers a user known only by a business-scoped user id at that id, never at a made-up number", async () => {
      const userId = "IN.1648738043044942"
      expect((await graph.deliver(webhookUrl, graph.inbound({ userId, username: "@priya", text: "status" }))).status).toBe(200)
      await events.settled()
      // One neutral reply, sent to the user id through the Messages API's `recipient` (orders are found by their phone only).
      expect(repliesTo(userId)).toHaveLength(1)
      expect(repliesTo(userId)[0]).toMatchObject({ recipient: userId, to: undefined, text: neutralReplyText() })
      expect(graph.messages.filter((m) => m.to === "" || m.to === "+" || m.request.to === "+")).toHaveLength(0)
      const [record] = (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: userId } as any)) as any[]
      expect(record).toMatchObject({ channel: "whatsapp", status: "success", template: "whatsapp-reply" })

      // Meta's own sample of such a message, as Meta signs it.
      const sample = metaSample("messages.text.user-id.json")
      expect((await graph.deliver(webhookUrl, sample)).status).toBe(200)
      await events.settled()
      expect(repliesTo("US.13491208655302741918")).toHaveLength(1)
    })

    it("leaves reactions unanswered (a thumbs-up gets no text back), and a message with no address at all", async () => {
      const { order } = await placeCodOrder()
      await events.settled()
      const sent = toCustomer().whatsapp[0]
      graph.messages.length = 0
      // The customer reacts 👍 to the order message; then Meta's own reaction sample arrives.
      expect((await graph.deliver(webhookUrl, graph.reaction({ from: CUSTOMER, messageId: sent.id, emoji: "👍" }))).status).toBe(200)
      expect((await graph.deliver(webhookUrl, metaSample("messages.reaction.json"))).status).toBe(200)
      // A removed reaction, and a text with neither a phone number nor a user id.
      expect((await graph.deliver(webhookUrl, graph.reaction({ from: CUSTOMER, messageId: sent.id }))).status).toBe(200)
      const nowhere = graph.inbound({ from: CUSTOMER, text: "status" })
      delete nowhere.entry[0].changes[0].value.messages[0].from
      delete nowhere.entry[0].changes[0].value.contacts[0].wa_id
      expect((await graph.deliver(webhookUrl, nowhere)).status).toBe(200)
      await events.settled()
      expect(graph.messages).toHaveLength(0)
      const replies = (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template: "whatsapp-reply" } as any)) as any[]
      expect(replies.filter((r) => r.to === CUSTOMER || r.to === "+" || r.to === "+16505551234")).toHaveLength(0)

      // A text from the same customer is still answered, with the order's status.
      expect((await graph.deliver(webhookUrl, graph.inbound({ from: CUSTOMER, text: "status" }))).status).toBe(200)
      await events.settled()
      expect(repliesTo(digits(CUSTOMER))).toHaveLength(1)
      expect(repliesTo(digits(CUSTOMER))[0].text).toContain(`#${order.display_id}`)
    })

    it("answers Meta's sample text from a number without orders with the neutral words", async () => {
      expect((await graph.deliver(webhookUrl, metaSample("messages.text.json"))).status).toBe(200)
      await events.settled()
      expect(repliesTo("16505551234").map((m) => m.text)).toEqual([neutralReplyText()])
    })

    it("tells an online payer the order is paid online, then sends 'payment received' once when staff capture it", async () => {
      const kaju = await shopper.variant("kaju-katli", "500 g")
      const cartId = await shopper.createCart([{ variant_id: kaju.id, quantity: 1 }])
      await api.post(`/store/carts/${cartId}`, { email: "anita@example.in", shipping_address: DELHI_ADDRESS }, storeHeaders)
      const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: delivery.id }, storeHeaders)
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      const started = await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_razorpay_razorpay" }, storeHeaders)
      const session = started.data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_razorpay_razorpay")
      const { checkout_response } = await razorpay.pay(session.data.razorpay_order_id, { status: "authorized" })
      await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response }, storeHeaders)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      const order = completed.data.order

      expect(await waitFor(() => toCustomer().sms.length === 1 && toCustomer().whatsapp.length === 1)).toBe(true)
      expect(toCustomer().sms[0].body).toContain(`Total ₹660.00 (paid online).`)
      expect(toCustomer().whatsapp[0].template!.components![0].parameters![3].text).toBe("paid online")

      const admin = await adminHeaders(api)
      const { data } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)
      await api.post(`/admin/payments/${data.order.payment_collections[0].payments[0].id}/capture`, {}, admin)
      expect(await waitFor(() => toCustomer().sms.length === 2 && toCustomer().whatsapp.length === 2)).toBe(true)
      expect(toCustomer().sms[1].body).toBe(`Sweet Shop: payment of ₹660.00 received for order #${order.display_id}. Thank you!`)
      expect(toCustomer().whatsapp[1]).toMatchObject({ template: { name: "payment_received" } })
      expect(toCustomer().whatsapp[1].text).toBe(`${order.display_id}\n₹660.00`)
      // order.placed handled again now that the payment is captured: the payment message is not sent twice.
      await sendOrderPlaced(getContainer(), order.id)
      await events.settled()
      expect(toCustomer().sms).toHaveLength(2)
      expect(toCustomer().whatsapp).toHaveLength(2)
    })
  },
})
