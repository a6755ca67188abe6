import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeRazorpay, startFakeRazorpay } from "@sweetshop/sandbox"
import { adminHeaders, DELHI_ADDRESS, deliveryDay, razorpayEnv, seedShop, Shopper, shopperFor, useFakeBeforeBoot } from "../helpers/shopper"

jest.setTimeout(300_000)

/**
 * The shop's order lifecycle over the admin API (plugins/order-lifecycle):
 * each move lands on Medusa's own fulfillment, payment and order records, is
 * kept in the history with who made it, and only sensible moves are allowed.
 */
let fake: FakeRazorpay

useFakeBeforeBoot(async () => {
  fake = await startFakeRazorpay()
  return {
    fake,
    env: {
      ...razorpayEnv(fake),
    },
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let shopper: Shopper

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
    })

    beforeEach(async () => {
      shopper = shopperFor(api, storeHeaders)
      admin = await adminHeaders(api)
    })

    type Line = [handle: string, variant: string, quantity: number]

    /** A cash-on-delivery order placed over the store API, by delivery or pickup, optionally for a chosen day. */
    async function placeOrder(lines: Line[], options: { way?: "Home delivery" | "Store pickup"; deliveryDate?: string; phone?: string } = {}) {
      const variants = await Promise.all(lines.map(([handle, title]) => shopper.variant(handle, title)))
      const cartId = await shopper.createCart(variants.map((v, i) => ({ variant_id: v.id, quantity: lines[i][2] })))
      await api.post(
        `/store/carts/${cartId}`,
        {
          email: "priya@example.in",
          shipping_address: { ...DELHI_ADDRESS, phone: options.phone ?? DELHI_ADDRESS.phone },
          ...(options.deliveryDate ? { metadata: { delivery_date: options.deliveryDate, delivery_slot: "evening" } } : {}),
        },
        storeHeaders
      )
      const option = (await shopper.shippingOptions(cartId)).find((o) => o.name === (options.way ?? "Home delivery"))!
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, storeHeaders)
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, storeHeaders)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      return completed.data.order as { id: string; display_id: number; total: number }
    }

    /** An order of one 500 g box of kaju katli paid online: authorized at the fake Razorpay, not yet captured. */
    async function placeOnlineOrder() {
      const box = await shopper.variant("kaju-katli", "500 g")
      const cartId = await shopper.createCart([{ variant_id: box.id, quantity: 1 }])
      await api.post(`/store/carts/${cartId}`, { email: "anita@example.in", shipping_address: DELHI_ADDRESS }, storeHeaders)
      const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: delivery.id }, storeHeaders)
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      const started = await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_razorpay_razorpay" }, storeHeaders)
      const session = started.data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_razorpay_razorpay")
      const { checkout_response, payment } = await fake.pay(session.data.razorpay_order_id, { status: "authorized" })
      await api.post("/store/razorpay/checkout-response", { cart_id: cartId, ...checkout_response }, storeHeaders)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      return { box, order: completed.data.order, payment }
    }

    const move = (orderId: string, status: string, body: Record<string, unknown> = {}) =>
      api.post(`/admin/shop-orders/${orderId}/status`, { status, ...body }, admin).catch((e: any) => e.response)

    const shopOrder = async (orderId: string) => (await api.get(`/admin/shop-orders/${orderId}`, admin)).data.shop_order

    async function medusaRecords(orderId: string) {
      const order = (await dbConnection.raw(`select status, metadata from "order" where id = ?`, [orderId])).rows[0]
      const fulfillments = (
        await dbConnection.raw(
          `select f.shipped_at, f.delivered_at, f.canceled_at from fulfillment f
             join order_fulfillment link on link.fulfillment_id = f.id where link.order_id = ? and link.deleted_at is null`,
          [orderId]
        )
      ).rows
      const payments = (
        await dbConnection.raw(
          `select p.captured_at, p.provider_id, coalesce((select sum(r.amount) from refund r where r.payment_id = p.id and r.deleted_at is null), 0)::numeric as refunded
             from payment p join order_payment_collection link on link.payment_collection_id = p.payment_collection_id
            where link.order_id = ? and p.deleted_at is null`,
          [orderId]
        )
      ).rows
      return { order, fulfillments, payments }
    }

    async function pool(poolId: string) {
      const { rows } = await dbConnection.raw(
        `select stocked_quantity::int as stocked, reserved_quantity::int as reserved from inventory_level where inventory_item_id = ? and deleted_at is null`,
        [poolId]
      )
      return rows[0] as { stocked: number; reserved: number }
    }

    it("walks a home-delivery order from placed to delivered on Medusa's own records, with its history", async () => {
      const kaju = await shopper.variant("kaju-katli", "500 g")
      const before = await pool(kaju.pool_id)
      const order = await placeOrder([["kaju-katli", "500 g", 2]])

      let view = await shopOrder(order.id)
      expect(view).toMatchObject({ status: "placed", fulfillment_kind: "delivery", payment_mode: "cod", phone: "+919876543210" })
      expect(view.next_statuses.map((s: any) => s.status)).toEqual(["confirmed", "cancelled"])
      expect(await pool(kaju.pool_id)).toEqual({ stocked: before.stocked, reserved: before.reserved + 1000 })

      expect((await move(order.id, "confirmed")).status).toBe(200)
      expect((await medusaRecords(order.id)).fulfillments).toHaveLength(0)

      const preparing = await move(order.id, "preparing", { note: "Batch 3" })
      expect(preparing.status).toBe(200)
      expect(preparing.data.shop_order.next_statuses.map((s: any) => s.status)).toEqual(["out_for_delivery", "cancelled"])
      let records = await medusaRecords(order.id)
      expect(records.fulfillments).toEqual([expect.objectContaining({ shipped_at: null, delivered_at: null, canceled_at: null })])
      // The fulfillment takes the grams out of the pool for good: stocked down, reservation gone.
      expect(await pool(kaju.pool_id)).toEqual({ stocked: before.stocked - 1000, reserved: before.reserved })

      expect((await move(order.id, "out_for_delivery")).status).toBe(200)
      records = await medusaRecords(order.id)
      expect(records.fulfillments[0].shipped_at).not.toBeNull()
      expect(records.payments[0].captured_at).toBeNull()

      const delivered = await move(order.id, "delivered")
      expect(delivered.status).toBe(200)
      expect(delivered.data.shop_order.next_statuses).toEqual([])
      records = await medusaRecords(order.id)
      expect(records.fulfillments[0].delivered_at).not.toBeNull()
      // Cash on delivery is marked paid on delivery, and the order is complete.
      expect(records.payments[0]).toMatchObject({ provider_id: "pp_system_default" })
      expect(records.payments[0].captured_at).not.toBeNull()
      expect(records.order.status).toBe("completed")
      // The shop status has one home, the shop_order record (no copy on the order's metadata).
      expect(records.order.metadata?.shop_status).toBeUndefined()

      view = await shopOrder(order.id)
      expect(view.history.map((h: any) => [h.from_status, h.to_status, h.actor_type])).toEqual([
        [null, "placed", "system"],
        ["placed", "confirmed", "user"],
        ["confirmed", "preparing", "user"],
        ["preparing", "out_for_delivery", "user"],
        ["out_for_delivery", "delivered", "user"],
      ])
      // The seeded admin user's name.
      expect(view.history[1].actor_name).toBe("Shop Admin")
      expect(view.history[2].note).toBe("Batch 3")
      expect(view.history.every((h: any) => !Number.isNaN(Date.parse(h.at)))).toBe(true)
    })

    it("walks a store-pickup order: ready for pickup, then picked up", async () => {
      const order = await placeOrder([["rasgulla", "6 pieces", 1]], { way: "Store pickup" })
      expect((await shopOrder(order.id)).fulfillment_kind).toBe("pickup")
      for (const status of ["confirmed", "preparing"]) expect((await move(order.id, status)).status).toBe(200)

      const wrongStep = await move(order.id, "out_for_delivery")
      expect(wrongStep.status).toBe(400)
      expect(wrongStep.data.message).toBe(`Order #${order.display_id} is a store-pickup order; "Out for delivery" is a step of a home-delivery order.`)

      expect((await move(order.id, "ready_for_pickup")).status).toBe(200)
      expect((await medusaRecords(order.id)).fulfillments[0].shipped_at).not.toBeNull()
      expect((await move(order.id, "picked_up")).status).toBe(200)
      const records = await medusaRecords(order.id)
      expect(records.fulfillments[0].delivered_at).not.toBeNull()
      expect(records.payments[0].captured_at).not.toBeNull()
      expect(records.order.status).toBe("completed")
      expect((await shopOrder(order.id)).history.map((h: any) => h.to_status)).toEqual([
        "placed",
        "confirmed",
        "preparing",
        "ready_for_pickup",
        "picked_up",
      ])
    })

    it("refuses moves that make no sense with a sentence, and changes nothing", async () => {
      const order = await placeOrder([["kaju-katli", "250 g", 1]])
      const n = order.display_id

      const skip = await move(order.id, "delivered")
      expect(skip.status).toBe(400)
      expect(skip.data.message).toBe(`Order #${n} is placed; it can move to "Confirmed" or "Cancelled" next, not to "Delivered".`)

      const unknown = await move(order.id, "shipped")
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/^Status must be one of placed, confirmed/)
      expect((await move(order.id, "confirmed", { colour: "red" })).data.message).toBe("Unknown field colour.")

      for (const status of ["confirmed", "preparing", "out_for_delivery"]) expect((await move(order.id, status)).status).toBe(200)
      const late = await move(order.id, "cancelled")
      expect(late.status).toBe(400)
      expect(late.data.message).toBe(`Order #${n} is out for delivery: it can no longer be cancelled once the sweets have left the kitchen.`)

      const history = (await shopOrder(order.id)).history
      expect(history.map((h: any) => h.to_status)).toEqual(["placed", "confirmed", "preparing", "out_for_delivery"])
      expect((await medusaRecords(order.id)).fulfillments[0].canceled_at).toBeNull()

      const other = await placeOrder([["kaju-katli", "250 g", 1]])
      expect((await move(other.id, "cancelled")).status).toBe(200)
      const after = await move(other.id, "confirmed")
      expect(after.status).toBe(400)
      expect(after.data.message).toBe(`Order #${other.display_id} is cancelled; nothing can follow a cancellation.`)

      expect((await api.post(`/admin/shop-orders/order_nope/status`, { status: "confirmed" }, admin).catch((e: any) => e.response)).status).toBe(404)
      const anonymous = await api.post(`/admin/shop-orders/${order.id}/status`, { status: "delivered" }).catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)
      expect((await shopOrder(order.id)).status).toBe("out_for_delivery")
    })

    it("changes an order once when two staff press the same button at the same moment", async () => {
      const order = await placeOrder([["kaju-katli", "250 g", 1]])
      const presses = await Promise.all([move(order.id, "confirmed"), move(order.id, "confirmed"), move(order.id, "confirmed")])
      expect(presses.map((r) => r.status).sort()).toEqual([200, 400, 400])
      expect(presses.filter((r) => r.status === 400).map((r) => r.data.message)).toEqual([
        `Order #${order.display_id} is already confirmed.`,
        `Order #${order.display_id} is already confirmed.`,
      ])

      const both = await Promise.all([move(order.id, "preparing"), move(order.id, "preparing")])
      expect(both.map((r) => r.status).sort()).toEqual([200, 400])
      expect((await medusaRecords(order.id)).fulfillments).toHaveLength(1)
      expect((await shopOrder(order.id)).history.map((h: any) => h.to_status)).toEqual(["placed", "confirmed", "preparing"])
    })

    it("gives the grams back when an order is cancelled, before or after the kitchen started on it", async () => {
      const kaju = await shopper.variant("kaju-katli", "1 kg")
      const before = await pool(kaju.pool_id)

      const early = await placeOrder([["kaju-katli", "1 kg", 1]])
      expect((await move(early.id, "cancelled", { note: "Shopper phoned to cancel" })).status).toBe(200)
      expect(await pool(kaju.pool_id)).toEqual(before)

      const late = await placeOrder([["kaju-katli", "1 kg", 1], ["kaju-katli", "250 g", 2]])
      for (const status of ["confirmed", "preparing"]) expect((await move(late.id, status)).status).toBe(200)
      expect(await pool(kaju.pool_id)).toEqual({ stocked: before.stocked - 1500, reserved: before.reserved })
      expect((await move(late.id, "cancelled")).status).toBe(200)
      expect(await pool(kaju.pool_id)).toEqual(before)

      const records = await medusaRecords(late.id)
      expect(records.order.status).toBe("canceled")
      expect(records.fulfillments[0].canceled_at).not.toBeNull()
      expect(records.payments.every((p: any) => p.captured_at === null && Number(p.refunded) === 0)).toBe(true)
    })

    it("refunds an online payment at Razorpay when the order is cancelled", async () => {
      const { box, order, payment } = await placeOnlineOrder()

      expect((await shopOrder(order.id)).payment_mode).toBe("online")
      // Confirming captures the authorized payment at Razorpay.
      expect((await move(order.id, "confirmed")).status).toBe(200)
      expect(fake.payments.get(payment.id)).toMatchObject({ status: "captured", amount: 66000 })

      expect((await move(order.id, "cancelled")).status).toBe(200)
      expect(fake.payments.get(payment.id)).toMatchObject({ status: "refunded", amount_refunded: 66000 })
      const records = await medusaRecords(order.id)
      expect(records.order.status).toBe("canceled")
      expect(Number(records.payments[0].refunded)).toBe(660)
    })

    it("undoes a move that fails half-way: the order, its fulfilment, payment, pool and history stay as they were", async () => {
      const kaju = await shopper.variant("kaju-katli", "500 g")
      const order = await placeOrder([["kaju-katli", "500 g", 1]])
      expect((await move(order.id, "confirmed")).status).toBe(200)
      const before = { records: await medusaRecords(order.id), pool: await pool(kaju.pool_id), view: await shopOrder(order.id) }
      expect(before.records.fulfillments).toHaveLength(0)

      // "Being prepared" creates Medusa's fulfilment, then writes the shop's history row. The database
      // refuses that row (a real failure of the last write, not a stand-in): the fulfilment made a step
      // earlier must be undone with it.
      await dbConnection.raw(`alter table shop_order_status_change add constraint refuse_preparing check (to_status <> 'preparing') not valid`)
      try {
        const failed = await move(order.id, "preparing")
        expect(failed.status).toBeGreaterThanOrEqual(400)
      } finally {
        await dbConnection.raw(`alter table shop_order_status_change drop constraint refuse_preparing`)
      }
      const after = { records: await medusaRecords(order.id), pool: await pool(kaju.pool_id), view: await shopOrder(order.id) }
      expect(after.records.fulfillments.filter((f: any) => !f.canceled_at)).toHaveLength(0)
      expect(after.records.order).toEqual(before.records.order)
      expect(after.records.payments).toEqual(before.records.payments)
      expect(after.pool).toEqual(before.pool)
      expect(after.view.status).toBe("confirmed")
      expect(after.view.history).toEqual(before.view.history)

      // The same move, pressed again once the database takes it, goes through once.
      expect((await move(order.id, "preparing")).status).toBe(200)
      const done = await medusaRecords(order.id)
      expect(done.fulfillments.filter((f: any) => !f.canceled_at)).toHaveLength(1)
      expect((await shopOrder(order.id)).history.map((h: any) => h.to_status)).toEqual(["placed", "confirmed", "preparing"])
    })

    it("undoes a cancellation whose refund Razorpay refuses: the order stays confirmed and paid, with its history", async () => {
      const { box, order, payment } = await placeOnlineOrder()
      expect((await move(order.id, "confirmed")).status).toBe(200)
      const before = { records: await medusaRecords(order.id), pool: await pool(box.pool_id), view: await shopOrder(order.id) }

      // Razorpay answers the refund with a server error: the shop's record of the cancellation, written a
      // step earlier, is undone, and the order is not cancelled with the shopper's money still taken
      // (Medusa's own cancel would log the refused refund and cancel anyway).
      fake.failNext(5, "500", { only: `POST /v1/payments/${payment.id}/refund` })
      const failed = await move(order.id, "cancelled")
      fake.failNext(0)
      expect(failed.status).toBeGreaterThanOrEqual(400)
      expect(fake.payments.get(payment.id)).toMatchObject({ status: "captured", amount_refunded: 0 })
      const after = { records: await medusaRecords(order.id), pool: await pool(box.pool_id), view: await shopOrder(order.id) }
      expect(after.records.order.status).toBe(before.records.order.status)
      expect(after.records.payments).toEqual(before.records.payments)
      expect(after.pool).toEqual(before.pool)
      expect(after.view.status).toBe("confirmed")
      expect(after.view.history).toEqual(before.view.history)

      // Once Razorpay answers again, the cancellation goes through and refunds once.
      expect((await move(order.id, "cancelled")).status).toBe(200)
      expect(fake.payments.get(payment.id)).toMatchObject({ status: "refunded", amount_refunded: 66000 })
    })

    it("sums the kitchen sheet of a day in grams and pieces across orders and variants", async () => {
      // Days the checkout accepts (the backend refuses a past day): two and three days ahead.
      const day = deliveryDay(2, "evening")
      const kaju = await shopper.variant("kaju-katli", "1 kg")
      const restock = await api.post(`/admin/product-pools/${kaju.product_id}/adjustments`, { set_to_units: 20_000, reason: "Diwali batch" }, admin)
      expect(restock.status).toBe(201)
      const first = await placeOrder([["kaju-katli", "500 g", 1], ["kaju-katli", "1 kg", 1]], { deliveryDate: day })
      const second = await placeOrder([["kaju-katli", "250 g", 2], ["rasgulla", "6 pieces", 3]], { deliveryDate: day, way: "Store pickup" })
      const notConfirmed = await placeOrder([["kaju-katli", "1 kg", 2]], { deliveryDate: day })
      const otherDay = await placeOrder([["kaju-katli", "1 kg", 1]], { deliveryDate: deliveryDay(3, "evening") })
      for (const id of [first.id, second.id, otherDay.id]) expect((await move(id, "confirmed")).status).toBe(200)
      expect((await move(second.id, "preparing")).status).toBe(200)

      const { data } = await api.get(`/admin/kitchen-sheet?date=${day}`, admin)
      const sheet = data.kitchen_sheet
      expect(sheet.products).toEqual([
        expect.objectContaining({ title: "Kaju Katli", unit: "grams", total_units: 2000, order_count: 2 }),
        expect.objectContaining({ title: "Rasgulla", unit: "pieces", total_units: 18, order_count: 1 }),
      ])
      expect(sheet.orders.map((o: any) => o.order_number)).toEqual([first.display_id, second.display_id])
      expect(sheet.orders[1]).toMatchObject({ status: "preparing", fulfillment_kind: "pickup", delivery_slot: "evening" })
      expect(sheet.orders[0].items).toEqual(
        expect.arrayContaining([
          { title: "Kaju Katli", variant_title: "500 g", quantity: 1, units: 500, unit: "grams" },
          { title: "Kaju Katli", variant_title: "1 kg", quantity: 1, units: 1000, unit: "grams" },
        ])
      )
      expect(JSON.stringify(sheet)).not.toContain(notConfirmed.id)

      const bad = await api.get(`/admin/kitchen-sheet?date=2026-02-30`, admin).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toBe("Date is not a real calendar day.")
      expect((await api.get(`/admin/kitchen-sheet?date=${day}`).catch((e: any) => e.response)).status).toBe(401)
    })

    it("lists orders for staff by shop status, payment mode and delivery day, and finds them by phone or number", async () => {
      const day = deliveryDay(4, "evening")
      const mine = await placeOrder([["kaju-katli", "250 g", 1]], { phone: "+917000000001", deliveryDate: day })
      const list = async (query: string) => (await api.get(`/admin/shop-orders?${query}`, admin)).data
      // The order-placed subscriber files the order for the shop floor just after checkout.
      const until = Date.now() + 30_000
      while ((await list(`q=%23${mine.display_id}`)).count === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200))

      const byPhone = await list(`q=${encodeURIComponent("070000 00001")}`)
      expect(byPhone.shop_orders.map((o: any) => o.order_id)).toEqual([mine.id])
      expect((await list(`q=%23${mine.display_id}`)).shop_orders.map((o: any) => o.order_id)).toEqual([mine.id])
      expect((await list(`delivery_date=${day}&status=placed&payment_mode=cod`)).shop_orders.map((o: any) => o.order_id)).toEqual([mine.id])
      expect((await list(`delivery_date=${day}&status=confirmed`)).count).toBe(0)
      expect((await list(`q=nobody`)).count).toBe(0)

      const bad = await api.get(`/admin/shop-orders?payment_mode=card`, admin).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toBe("payment_mode must be cod or online.")
    })
  },
})
