import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { FakeTwilio, startFakeTwilio } from "@sweetshop/sandbox"
// The retry job's logic, from the plugin's source (its build ships no type declarations).
import { announceMissedOrders, backoffMs, retryFailedNotifications, sendOrderPlaced } from "../../../plugins/notifications/src/lib/order-messages"
import { settlePendingMessages } from "../../../plugins/notifications/src/lib/pending-messages"
// The order-lifecycle plugin's sweep for the same lost event (its shop record).
import { recordMissedOrders } from "../../../plugins/order-lifecycle/src/lib/shop-orders"
import { PICKUP_HOURS_KEY } from "@sweetshop/shop-contracts"
import { weekdayOf } from "../../src/lib/rules/delivery-days"
import { adminHeaders, DELHI_ADDRESS, deliveryDay, seedShop, Shopper, shopperFor, twilioEnv, useFakeBeforeBoot } from "../helpers/shopper"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"

jest.setTimeout(240_000)

/** Order messages by SMS: the official Twilio SDK inside the shop talks to the fake Twilio in sandbox/. */
let fake: FakeTwilio

useFakeBeforeBoot(async () => {
  fake = await startFakeTwilio()
  return {
    fake,
    env: {
      ...twilioEnv(fake),
      TWILIO_TIMEOUT_MS: "1500",
    },
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let shopper: Shopper
    let events: SubscriberTracker

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      events = trackSubscribers(getContainer())
    })
    afterAll(() => events?.restore())

    beforeEach(() => {
      shopper = shopperFor(api, storeHeaders)
      fake.messages.length = 0
      fake.failNext(0)
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

    async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000) {
      const until = Date.now() + ms
      while (Date.now() < until) {
        if (await check()) return true
        await new Promise((r) => setTimeout(r, 100))
      }
      return false
    }

    /** The order's tracking link in a message: it must be there, and it must open this order's tracking page. */
    async function expectTrackingLinkFor(body: string | null | undefined, displayId: number) {
      const link = / Track: (https?:\/\/\S+\/track\/(\S+))$/.exec(body ?? "")
      expect(link).not.toBeNull()
      const opened = await api.get(`/store/order-tracking/links/${link![2]}`, storeHeaders).catch((e: any) => e.response)
      expect(opened.status).toBe(200)
      expect(opened.data.order.order_number).toBe(displayId)
    }

    it("a pickup order's ready message names the counter's hours staff set for its weekday, which the checkout writes on the order (never a shopper)", async () => {
      const admin = await adminHeaders(api)
      const day = deliveryDay(4)
      const row = (await api.get("/admin/delivery-settings", admin)).data.pickup_hours.find((h: any) => h.weekday === weekdayOf(day))
      const setHours = async (body: Record<string, unknown>) => expect((await api.post(`/admin/delivery-settings/pickup-hours/${row.id}`, body, admin)).status).toBe(200)
      await setHours({ active: true, opens_at: "11:30", closes_at: "18:30" })
      try {
        const rasgulla = await shopper.variant("rasgulla", "6 pieces")
        const cartId = await shopper.createCart([{ variant_id: rasgulla.id, quantity: 1 }])
        const optionId = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Store pickup")!.id
        const checkout = (metadata: Record<string, unknown>) =>
          api
            .post(`/store/carts/${cartId}/checkout`, { email: "meera@example.in", shipping_address: DELHI_ADDRESS, shipping_option_id: optionId, payment_provider_id: "pp_system_default", metadata }, storeHeaders)
            .catch((e: any) => e.response)

        // A shopper cannot write the hours.
        const forged = await checkout({ fulfilment: "pickup", delivery_date: day, [PICKUP_HOURS_KEY]: "open all night" })
        expect(forged.status).toBe(400)
        expect(forged.data.message).toMatch(new RegExp(`^metadata\\.${PICKUP_HOURS_KEY} cannot be set at checkout`))

        const placed = await checkout({ fulfilment: "pickup", delivery_date: day })
        expect(placed.status).toBe(200)
        const orderId = placed.data.order.id as string
        const { order } = (await api.get(`/admin/orders/${orderId}?fields=id,display_id,metadata`, admin)).data
        expect(order.metadata).toMatchObject({ delivery_date: day, [PICKUP_HOURS_KEY]: "11:30–18:30" })
        expect(order.metadata).not.toHaveProperty("delivery_slot")

        for (const status of ["confirmed", "preparing", "ready_for_pickup"]) {
          expect((await api.post(`/admin/shop-orders/${orderId}/status`, { status }, admin)).status).toBe(200)
        }
        const ready = () => fake.messages.find((m) => (m.body ?? "").includes(`#${order.display_id} is ready for pickup`))
        expect(await waitFor(() => !!ready())).toBe(true)
        expect(ready()!.body).toMatch(/ is ready for pickup at .+ \(open 11:30–18:30\)\. Track: /)
      } finally {
        await setHours({ opens_at: "10:00", closes_at: "21:00" })
      }
    })

    it("sends exactly one SMS when a cash-on-delivery order is placed, with the number, items, total and tracking link", async () => {
      const { order, ms } = await placeCodOrder()
      process.stdout.write(`[figures] order completion with Twilio answering: ${ms} ms\n`)
      // Every subscriber of the order's events has finished: whatever was going to be sent has been.
      await events.settled()
      expect(fake.messages).toHaveLength(1)
      expect(fake.messages[0].to).toBe("+919876543210")
      expect(fake.messages[0].body).toMatch(
        new RegExp(
          `^Sweet Shop: order #${order.display_id} placed\\. 1 × Kaju Katli 500 g, 2 × Rasgulla 6 pieces\\. Total ₹880\\.00 \\(cash on delivery\\)\\. Track: https?://\\S+/track/\\S+$`
        )
      )
      await expectTrackingLinkFor(fake.messages[0].body, order.display_id)
      const [record] = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: order.id } as any)
      expect(record).toMatchObject({ status: "success", channel: "sms", external_id: fake.messages[0].sid })
    })

    it("announces an order whose order.placed was lost with its server: the every-minute sweeps send its SMS once and make its shop record", async () => {
      const { order } = await placeCodOrder()
      await events.settled()
      // As if the process holding order.placed had died before handling it: no message, no shop record.
      await dbConnection.raw(`delete from notification_attempt where notification_id in (select id from notification where resource_id = ?)`, [order.id])
      await dbConnection.raw(`delete from notification where resource_id = ?`, [order.id])
      await dbConnection.raw(`delete from shop_order_status_change where order_id = ?`, [order.id])
      await dbConnection.raw(`delete from shop_order where order_id = ?`, [order.id])
      fake.messages.length = 0

      // The jobs' next run, once the order is more than a minute old.
      const later = new Date(Date.now() + 61_000)
      expect(await recordMissedOrders(getContainer(), later)).toContain(order.id)
      expect(await announceMissedOrders(getContainer(), later)).toContain(order.id)
      const mine = () => fake.messages.filter((m) => (m.body ?? "").includes(`#${order.display_id} `))
      expect(mine()).toHaveLength(1)
      expect(mine()[0].body).toMatch(/^Sweet Shop: order #\d+ placed\./)
      const { rows } = await dbConnection.raw(`select status from shop_order where order_id = ?`, [order.id])
      expect(rows).toEqual([{ status: "placed" }])

      // The next minute finds nothing left to do for it.
      expect(await recordMissedOrders(getContainer(), later)).not.toContain(order.id)
      expect(await announceMissedOrders(getContainer(), later)).not.toContain(order.id)
      expect(mine()).toHaveLength(1)
    })

    it("a message left pending by a process killed while sending: recorded as sent when Twilio has it, sent again once when Twilio has not", async () => {
      const { order } = await placeCodOrder()
      await events.settled()
      expect(fake.messages).toHaveLength(1)
      const sid = fake.messages[0].sid
      // As the notification and its try stand when the process dies between Medusa marking them pending and the provider's answer.
      const leavePending = async () => {
        await dbConnection.raw(`update notification set status = 'pending', external_id = null, created_at = now() - interval '10 minutes' where resource_id = ?`, [order.id])
        await dbConnection.raw(
          `update notification_attempt set outcome = 'pending', external_id = null, created_at = now() - interval '10 minutes' where notification_id in (select id from notification where resource_id = ?)`,
          [order.id]
        )
      }
      const record = async () => (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: order.id } as any))[0] as any

      // Twilio took it before the process died: found in Twilio's message log, recorded as sent, not sent again.
      await leavePending()
      const first = await settlePendingMessages(getContainer())
      expect(first).toEqual([{ id: (await record()).id, channel: "sms", found_sent: true }])
      expect(await record()).toMatchObject({ status: "success", external_id: sid })
      await retryFailedNotifications(getContainer(), { now: Date.now() + backoffMs(4) })
      expect(fake.messages).toHaveLength(1)

      // The process died before Twilio had it: recorded as failed, and the retry job sends it, once.
      await leavePending()
      fake.messages.length = 0
      const second = await settlePendingMessages(getContainer())
      expect(second).toEqual([{ id: (await record()).id, channel: "sms", found_sent: false }])
      expect((await record()).status).toBe("failure")
      await retryFailedNotifications(getContainer(), { now: Date.now() + backoffMs(4) })
      await retryFailedNotifications(getContainer(), { now: Date.now() + backoffMs(4) })
      expect(fake.messages.filter((m) => (m.body ?? "").includes(`#${order.display_id} `))).toHaveLength(1)
      expect((await record()).status).toBe("success")
      // Nothing pending is left for the next minute.
      expect(await settlePendingMessages(getContainer())).toEqual([])
    })

    it("sends once when the same event is handled twice", async () => {
      const { order } = await placeCodOrder()
      await events.settled()
      expect(fake.messages).toHaveLength(1)
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      await events.settled()
      expect(fake.messages).toHaveLength(1)
    })

    it("sends a status change once, with the tracking link, when the same event comes twice at the same moment", async () => {
      const { order } = await placeCodOrder()
      await events.settled()
      fake.messages.length = 0
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      const changed = { id: order.id, display_id: order.display_id, from: "placed", to: "confirmed" }
      // Both handed to the subscriber in the same turn: two handlers run side by side.
      await Promise.all([bus.emit({ name: "shop_order.status_changed", data: changed }), bus.emit({ name: "shop_order.status_changed", data: changed })])
      await events.settled()
      expect(fake.messages).toHaveLength(1)
      expect(fake.messages[0].body).toMatch(new RegExp(`^Sweet Shop: your order #${order.display_id} is confirmed\\. Track: https?://\\S+/track/\\S+$`))
      await expectTrackingLinkFor(fake.messages[0].body, order.display_id)
    })

    it.each([["answers 500", "500"], ["hangs", "hang"]] as const)(
      "places the order as usual when Twilio %s, and delivers the SMS once Twilio recovers",
      async (_, mode) => {
        fake.failNext(1, mode)
        // The order is placed (200) although Twilio fails: the SMS is sent by a subscriber after it.
        const { order, ms } = await placeCodOrder()
        process.stdout.write(`[figures] order completion with Twilio that ${mode === "hang" ? "hangs" : "answers 500"}: ${ms} ms\n`)
        const notifications = getContainer().resolve(Modules.NOTIFICATION)
        expect(
          await waitFor(async () => (await notifications.listNotifications({ resource_id: order.id } as any))[0]?.status === "failure")
        ).toBe(true)
        expect(fake.messages).toHaveLength(0)

        // Too early: the retry job backs off after a failure.
        await retryFailedNotifications(getContainer())
        expect(fake.messages).toHaveLength(0)

        await retryFailedNotifications(getContainer(), { now: Date.now() + backoffMs(1) })
        expect(fake.messages).toHaveLength(1)
        expect(fake.messages[0].body).toContain(`order #${order.display_id} placed`)
        const [record] = await notifications.listNotifications({ resource_id: order.id } as any)
        expect(record.status).toBe("success")

        // Nothing left to retry: no second message.
        await retryFailedNotifications(getContainer(), { now: Date.now() + backoffMs(4) })
        expect(fake.messages).toHaveLength(1)
      }
    )

    it("sends a failed SMS once when the retry job and a repeat of the event retry it at the same moment", async () => {
      fake.failNext(1, "500")
      const { order } = await placeCodOrder()
      await events.settled()
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      expect((await notifications.listNotifications({ resource_id: order.id } as any))[0]?.status).toBe("failure")
      expect(fake.messages).toHaveLength(0)

      // Two runs of the retry job (two processes) and the event handled again, all after the back-off.
      const later = Date.now() + backoffMs(1)
      await Promise.all([
        retryFailedNotifications(getContainer(), { now: later }),
        retryFailedNotifications(getContainer(), { now: later }),
        sendOrderPlaced(getContainer(), order.id),
      ])
      await events.settled()
      expect(fake.messages).toHaveLength(1)
      expect(fake.messages[0].body).toContain(`order #${order.display_id} placed`)
      const [record] = await notifications.listNotifications({ resource_id: order.id } as any)
      expect(record.status).toBe("success")
    })
  },
})
