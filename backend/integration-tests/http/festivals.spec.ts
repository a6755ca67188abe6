import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { addDays, shopToday } from "../../src/lib/rules/delivery-days"
import { adminHeaders, DELHI_ADDRESS, deliveryDay, seedShop, Shopper, shopperFor } from "../helpers/shopper"

jest.setTimeout(600_000)

/**
 * Festival pre-orders (issue 19) over HTTP: staff create a festival (/admin/delivery-settings/festivals),
 * the store lists it (GET /store/festivals, nothing personal), a pre-order is an order like any other
 * whose metadata names its festival; the checkout refuses a pre-order it cannot take, with the code and
 * no order made; a festival day's places are counted atomically and given back when an order is
 * cancelled; the kitchen sheet and what to make ahead show a festival day's pre-orders.
 * Every day is computed from today in India: deliveryDay(n) is the first day n days on with an open slot.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let shopper: Shopper
    let kaju: { id: string; product_id: string }
    let kalakand: { id: string; product_id: string }

    const today = () => shopToday(new Date())
    const d2 = deliveryDay(2, "evening")
    const d3 = deliveryDay(3, "evening")

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      admin = await adminHeaders(api)
      shopper = shopperFor(api, storeHeaders)
      kaju = await shopper.variant("kaju-katli", "250 g")
      kalakand = await shopper.variant("kalakand", "250 g")
      for (const product of [kaju, kalakand]) {
        const restocked = await api.post(`/admin/product-pools/${product.product_id}/adjustments`, { set_to_units: 50_000, reason: "Diwali batch" }, admin)
        expect(restocked.status).toBe(201)
      }
    })

    const get = (path: string, headers = storeHeaders) => api.get(path, headers).catch((e: any) => e.response)
    const post = (path: string, body: Record<string, unknown>, headers = storeHeaders) => api.post(path, body, headers).catch((e: any) => e.response)
    const orderCount = async () => (await dbConnection.raw(`select count(*)::int as n from "order"`)).rows[0].n as number
    const festivalRows = async () => (await dbConnection.raw(`select count(*)::int as n from festival where deleted_at is null`)).rows[0].n as number
    const placesHeld = async (day: string) =>
      (await dbConnection.raw(`select count(*)::int as n from festival_booking where day = ? and deleted_at is null`, [day])).rows[0].n as number

    const cart = (variant: { id: string } = kaju, quantity = 1) => shopper.createCart([{ variant_id: variant.id, quantity }])
    const homeDelivery = async (cartId: string) => (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!.id
    const checkout = async (cartId: string, metadata: Record<string, unknown>, email = "meera@example.in", optionId?: string) =>
      post(`/store/carts/${cartId}/checkout`, {
        email,
        shipping_address: DELHI_ADDRESS,
        shipping_option_id: optionId ?? (await homeDelivery(cartId)),
        payment_provider_id: "pp_system_default",
        metadata,
      })
    const move = (orderId: string, status: string) => post(`/admin/shop-orders/${orderId}/status`, { status }, admin)

    const festival = (over: Record<string, unknown> = {}) => ({
      handle: "diwali-test",
      name: "Diwali Test",
      description: "Boxes for Diwali, made the day before.",
      delivery_days: [d3, d2],
      product_ids: [kaju.product_id, kalakand.product_id],
      opens_on: today(),
      closes_on: addDays(today(), 1),
      capacity_per_day: 3,
      ...over,
    })

    const refusedWith = async (res: any, code: string, before: number, status = 400) => {
      expect([res.status, res.data.code]).toEqual([status, code])
      expect(typeof res.data.message).toBe("string")
      expect(await orderCount()).toBe(before)
    }

    /** The festival of the suite (each test starts from the seeded database: the runner restores it before every test). */
    const createFestival = async (over: Record<string, unknown> = {}) => {
      const created = await post("/admin/delivery-settings/festivals", festival(over), admin)
      expect(created.status).toBe(200)
      return created.data.festivals
    }
    const preOrder = async (day: string, email = "meera@example.in", variant = kaju, quantity = 1) => {
      const res = await checkout(await cart(variant, quantity), { delivery_date: day, delivery_slot: "evening", festival: "diwali-test" }, email)
      expect(res.status).toBe(200)
      return res.data.order.id as string
    }

    it("staff create a festival; bad input is refused with a code and nothing is stored", async () => {
      const before = await festivalRows()
      const bad = [
        [festival({ closes_on: addDays(d3, 1) }), "Closes_on must not be after the last delivery day."],
        [festival({ product_ids: [] }), "Product_ids needs at least one product."],
        [festival({ product_ids: ["prod_01NOSUCHPRODUCT"] }), "There is no product prod_01NOSUCHPRODUCT."],
        [festival({ handle: "Diwali 2026" }), "Handle must be lowercase words joined by hyphens, like diwali-2026."],
        [festival({ capacity_per_day: 0 }), "Capacity_per_day must be at least 1."],
        [festival({ delivery_days: ["2026-02-30"] }), "Delivery_days must be a date like 2026-11-08."],
        [festival({ colour: "red" }), "colour is not a delivery setting."],
      ] as const
      for (const [body, message] of bad) {
        const res = await post("/admin/delivery-settings/festivals", body, admin)
        expect([res.status, res.data.code]).toEqual([400, "invalid_data"])
        expect(res.data.message.toLowerCase()).toBe(message.toLowerCase())
      }
      expect(await festivalRows()).toBe(before)
      expect((await post("/admin/delivery-settings/festivals", festival(), { headers: {} })).status).toBe(401)

      const created = await post("/admin/delivery-settings/festivals", festival(), admin)
      expect(created.status).toBe(200)
      // The days are kept sorted.
      expect(created.data.festivals).toMatchObject({ handle: "diwali-test", delivery_days: [d2, d3], capacity_per_day: 3, active: true })
      const again = await post("/admin/delivery-settings/festivals", festival(), admin)
      expect([again.status, again.data.code]).toEqual([400, "invalid_data"])
      expect((await get("/admin/delivery-settings/festivals", admin)).data.festivals.map((f: any) => f.handle)).toEqual(["diwali-test"])
      expect((await get("/admin/delivery-settings", admin)).data.festivals).toHaveLength(1)
    })

    it("the store lists the festival with its days and places left, and nothing personal", async () => {
      await createFestival()
      const res = await get("/store/festivals")
      expect(res.status).toBe(200)
      const [listed] = res.data.festivals
      expect(Object.keys(listed).sort()).toEqual(["closes_on", "days", "description", "handle", "message", "name", "open", "opens_on", "product_ids"])
      expect(listed).toMatchObject({ handle: "diwali-test", name: "Diwali Test", open: true, message: null })
      expect(listed.days).toEqual([
        { date: d2, label: expect.any(String), capacity: 3, places_left: 3 },
        { date: d3, label: expect.any(String), capacity: 3, places_left: 3 },
      ])
      expect((await get("/store/festivals/diwali-test")).data.festival).toEqual(listed)
      await refusedWith(await get("/store/festivals/no-such-festival"), "festival_not_found", await orderCount(), 404)
      expect((await get("/store/festivals", { headers: {} })).status).toBe(400)

      const slots = await get("/store/delivery/slots?festival=diwali-test&pincode=110024")
      expect(slots.data.days.map((d: any) => [d.date, d.open])).toEqual([
        [d2, true],
        [d3, true],
      ])
      expect(slots.data.festival.handle).toBe("diwali-test")
      await refusedWith(await get("/store/delivery/slots?festival=no-such-festival"), "festival_not_found", await orderCount(), 404)

      // A festival day beyond the 60-day booking horizon is open to its pre-orders.
      const far = addDays(today(), 70) // the seed has slots every weekday
      await createFestival({ handle: "far-test", delivery_days: [far], closes_on: addDays(today(), 60) })
      expect((await get("/store/delivery/slots?festival=far-test")).data.days).toEqual([expect.objectContaining({ date: far, open: true, reason: null })])
      expect((await get("/store/festivals")).data.festivals.map((f: any) => f.handle)).toEqual(["diwali-test", "far-test"])
    })

    it("a cash-on-delivery pre-order on a festival day is an order carrying metadata.festival", async () => {
      await createFestival()
      const before = await orderCount()
      const preOrderId = await preOrder(d2)
      expect(await orderCount()).toBe(before + 1)
      const { rows } = await dbConnection.raw(`select metadata from "order" where id = ?`, [preOrderId])
      expect(rows[0].metadata).toMatchObject({ festival: "diwali-test", delivery_date: d2 })
      expect(await placesHeld(d2)).toBe(1)
      const day = (await get("/store/festivals/diwali-test")).data.festival.days.find((d: any) => d.date === d2)
      expect(day.places_left).toBe(2)
    })

    describe("refusals, each with its code and no order made", () => {
      it("festival_not_found, not_festival_day, not_in_festival on the one-call checkout", async () => {
        await createFestival()
        const before = await orderCount()
        const held = await placesHeld(d2)
        const cartId = await cart()
        await refusedWith(await checkout(cartId, { delivery_date: d2, delivery_slot: "evening", festival: "no-such-festival" }), "festival_not_found", before, 404)
        const other = deliveryDay(5, "evening")
        const notDay = await checkout(cartId, { delivery_date: other, delivery_slot: "evening", festival: "diwali-test" })
        await refusedWith(notDay, "not_festival_day", before)
        expect(notDay.data.field).toBe("delivery_day")
        const mixed = await shopper.createCart([
          { variant_id: kaju.id, quantity: 1 },
          { variant_id: (await shopper.variant("milk-cake", "250 g")).id, quantity: 1 },
        ])
        const notIn = await checkout(mixed, { delivery_date: d2, delivery_slot: "evening", festival: "diwali-test" })
        await refusedWith(notIn, "not_in_festival", before)
        expect(notIn.data.message).toContain("Milk Cake")
        expect(await placesHeld(d2)).toBe(held)
      })

      it("festival_closed before pre-orders open, on Medusa's own cart completion too", async () => {
        const later = deliveryDay(8, "evening")
        await createFestival({ handle: "holi-test", name: "Holi Test", delivery_days: [later], opens_on: addDays(today(), 5), closes_on: addDays(today(), 6) })
        const listed = (await get("/store/festivals/holi-test")).data.festival
        expect(listed.open).toBe(false)
        expect(listed.message).toMatch(/^Pre-orders for Holi Test open on /)
        const slots = (await get("/store/delivery/slots?festival=holi-test")).data.days
        expect(slots).toEqual([expect.objectContaining({ date: later, open: false, reason: "festival_closed" })])

        const before = await orderCount()
        const cartId = await cart()
        await refusedWith(await checkout(cartId, { delivery_date: later, delivery_slot: "evening", festival: "holi-test" }), "festival_closed", before)
        // Medusa's own route: metadata on the cart, then POST /store/carts/:id/complete.
        const other = await cart()
        await api.post(`/store/carts/${other}`, { metadata: { delivery_date: later, delivery_slot: "evening", festival: "holi-test" } }, storeHeaders)
        await shopper.prepareCheckout(other)
        const completed = await shopper.complete(other)
        await refusedWith({ status: completed.status, data: completed.data }, "festival_closed", before)
        expect(await placesHeld(later)).toBe(0)
      })
    })

    it("a festival day of 3 places and 8 shoppers at once: exactly 3 orders, the rest festival_full; a cancelled order frees a place", async () => {
      await createFestival()
      const carts: string[] = []
      for (let i = 0; i < 8; i++) carts.push(await cart())
      const options = await Promise.all(carts.map((c) => homeDelivery(c)))
      const before = await orderCount()
      // The shipping options are read first, so the 8 checkouts start together.
      const results = await Promise.all(
        carts.map((c, i) => checkout(c, { delivery_date: d3, delivery_slot: "evening", festival: "diwali-test" }, `rush${i}@example.in`, options[i]))
      )
      const outcomes = results.map((r) => (r.status === 200 ? "order" : r.data.code))
      expect(outcomes.filter((o) => o === "order")).toHaveLength(3)
      expect(outcomes.filter((o) => o === "festival_full")).toHaveLength(5)
      expect(await orderCount()).toBe(before + 3)
      expect(await placesHeld(d3)).toBe(3)
      const full = (await get("/store/delivery/slots?festival=diwali-test")).data.days.find((d: any) => d.date === d3)
      expect(full).toMatchObject({ open: false, reason: "festival_full", slots: [] })

      const orderId = results.find((r) => r.status === 200)!.data.order.id
      expect((await post(`/admin/orders/${orderId}/cancel`, {}, admin)).status).toBe(200)
      for (let i = 0; i < 100 && (await placesHeld(d3)) !== 2; i++) await new Promise((r) => setTimeout(r, 200))
      expect(await placesHeld(d3)).toBe(2)
      expect((await get("/store/festivals/diwali-test")).data.festival.days.find((d: any) => d.date === d3).places_left).toBe(1)
      const late = carts[results.findIndex((r) => r.status !== 200)]
      const taken = await checkout(late, { delivery_date: d3, delivery_slot: "evening", festival: "diwali-test" }, "late@example.in")
      expect(taken.status).toBe(200)
      expect(await placesHeld(d3)).toBe(3)
    })

    it("a festival day's pre-orders appear on that day's kitchen sheet and in what to make ahead; festival= leaves regular orders out", async () => {
      await createFestival()
      // Two pre-orders (one box, two boxes) and a regular order, all on d2.
      const preOrderId = await preOrder(d2)
      const secondId = await preOrder(d2, "ravi@example.in", kaju, 2)
      const regular = await checkout(await cart(kalakand), { delivery_date: d2, delivery_slot: "evening" }, "asha@example.in")
      expect(regular.status).toBe(200)
      for (const id of [preOrderId, secondId, regular.data.order.id]) expect((await move(id, "confirmed")).status).toBe(200)

      const all = (await get(`/admin/kitchen-sheet?date=${d2}`, admin)).data.kitchen_sheet
      expect(all.orders.map((o: any) => o.order_id).sort()).toEqual([preOrderId, secondId, regular.data.order.id].sort())
      const sheet = (await get(`/admin/kitchen-sheet?date=${d2}&festival=diwali-test`, admin)).data.kitchen_sheet
      expect(sheet.festival).toBe("diwali-test")
      expect(sheet.orders.map((o: any) => o.order_id).sort()).toEqual([preOrderId, secondId].sort())
      expect(sheet.orders.every((o: any) => o.festival === "diwali-test")).toBe(true)
      expect(sheet.products).toEqual([expect.objectContaining({ product_id: kaju.product_id, title: "Kaju Katli", unit: "grams", total_units: 750, order_count: 2 })])

      const ahead = (await get(`/admin/kitchen-sheet/ahead?festival=diwali-test`, admin)).data.kitchen_ahead
      expect(ahead.from).toBe(today())
      expect(ahead.days).toHaveLength(7)
      const day = ahead.days.find((d: any) => d.date === d2)
      expect(day).toMatchObject({ order_count: 2, products: [expect.objectContaining({ product_id: kaju.product_id, unit: "grams", total_units: 750 })] })
      const everything = (await get(`/admin/kitchen-sheet/ahead?from=${d2}&days=1`, admin)).data.kitchen_ahead
      expect(everything.days).toEqual([
        expect.objectContaining({
          date: d2,
          order_count: 3,
          products: [expect.objectContaining({ title: "Kaju Katli", total_units: 750 }), expect.objectContaining({ title: "Kalakand", total_units: 250 })],
        }),
      ])

      const listed = (await get(`/admin/shop-orders?festival=diwali-test&delivery_date=${d2}`, admin)).data
      expect(listed.shop_orders.map((o: any) => o.order_id).sort()).toEqual([preOrderId, secondId].sort())

      for (const query of ["festival=Diwali%20Test", "days=30", "from=2026-02-30", "colour=red"]) {
        const bad = await get(`/admin/kitchen-sheet/ahead?${query}`, admin)
        expect([bad.status, bad.data.code]).toEqual([400, "invalid_data"])
      }
      const badSheet = await get(`/admin/kitchen-sheet?date=${d2}&festival=%20`, admin)
      expect([badSheet.status, badSheet.data.code]).toEqual([400, "invalid_data"])
      const badList = await get(`/admin/shop-orders?festival=DIWALI`, admin)
      expect([badList.status, badList.data.code]).toEqual([400, "invalid_data"])
    })
  },
})
