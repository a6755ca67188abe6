import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PICKUP_HOURS_KEY } from "@sweetshop/shop-contracts"
import { addDays, shopInstant, shopToday, weekdayOf } from "../../src/lib/rules/delivery-days"
import { adminHeaders, DELHI_ADDRESS, deliveryDay, seedShop, Shopper, shopperFor } from "../helpers/shopper"

jest.setTimeout(600_000)

const MUMBAI = { ...DELHI_ADDRESS, address_1: "12 Marine Drive", city: "Mumbai", province: "Maharashtra", postal_code: "400001" }

/**
 * Delivery the shop runs itself (issue 19): the delivery settings staff edit
 * (/admin/delivery-settings), the slots the storefront's picker lists
 * (GET /store/delivery/slots), and the backend's refusals at checkout, each
 * with its code and no order made; a slot's capacity counted atomically and
 * given back when an order is cancelled.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let shopper: Shopper

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      admin = await adminHeaders(api)
    })

    beforeEach(() => {
      shopper = shopperFor(api, storeHeaders)
    })

    const get = (path: string, headers = storeHeaders) => api.get(path, headers).catch((e: any) => e.response)
    const post = (path: string, body: Record<string, unknown>, headers = storeHeaders) => api.post(path, body, headers).catch((e: any) => e.response)
    const del = (path: string, headers = admin) => api.delete(path, headers).catch((e: any) => e.response)
    const orderCount = async () => (await dbConnection.raw(`select count(*)::int as n from "order"`)).rows[0].n as number
    const ordersOn = async (day: string) =>
      (await dbConnection.raw(`select count(*)::int as n from "order" where metadata->>'delivery_date' = ? and canceled_at is null`, [day])).rows[0].n as number
    const placesOn = async (day: string, slot: string) =>
      (await dbConnection.raw(`select count(*)::int as n from delivery_booking where day = ? and slot_code = ? and deleted_at is null`, [day, slot])).rows[0].n as number

    async function cart(handle = "kaju-katli", size = "250 g") {
      const variant = await shopper.variant(handle, size)
      return shopper.createCart([{ variant_id: variant.id, quantity: 1 }])
    }
    const optionId = async (cartId: string, name: "Home delivery" | "Store pickup") => (await shopper.shippingOptions(cartId)).find((o) => o.name === name)!.id
    const checkout = async (cartId: string, metadata: Record<string, unknown>, options: { name?: "Home delivery" | "Store pickup"; address?: Record<string, unknown>; email?: string } = {}) =>
      post(`/store/carts/${cartId}/checkout`, {
        email: options.email ?? "meera@example.in",
        shipping_address: options.address ?? DELHI_ADDRESS,
        shipping_option_id: await optionId(cartId, options.name ?? "Home delivery"),
        payment_provider_id: "pp_system_default",
        metadata,
      })

    const settings = async () => (await get("/admin/delivery-settings", admin)).data
    const slotRow = async (weekday: number, code: string) => (await settings()).slots.find((s: any) => s.weekday === weekday && s.code === code)

    describe("the seeded settings and the picker's list", () => {
      it("seeds the Delhi NCR area, two slots a day and lead times, for staff to edit", async () => {
        const res = await get("/admin/delivery-settings", admin)
        expect(res.status).toBe(200)
        expect(res.data.areas.map((a: any) => a.name)).toEqual(["New Delhi", "Gurugram", "Noida", "Ghaziabad", "Faridabad"])
        expect(res.data.slots).toHaveLength(14)
        expect(res.data.slots.filter((s: any) => s.weekday === 1).map((s: any) => [s.code, s.label, s.cutoff_minutes])).toEqual([
          ["morning", "10:00–13:00", 180],
          ["evening", "16:00–20:00", 180],
        ])
        expect(res.data.lead_times).toEqual([expect.objectContaining({ product_handle: "rasgulla", lead_hours: 24 })])
        // The counter's pickup hours: 10:00–21:00 every day (SHOP_PICKUP_HOURS' default, "10 am to 9 pm, every day").
        expect(res.data.pickup_hours.map((h: any) => [h.weekday, h.opens_at, h.closes_at, h.active])).toEqual([0, 1, 2, 3, 4, 5, 6].map((w) => [w, "10:00", "21:00", true]))
        expect((await get("/admin/delivery-settings", { headers: {} })).status).toBe(401)
      })

      it("lists the next 7 days with each slot's places left and whether it is open; needs the publishable key", async () => {
        const res = await get("/store/delivery/slots?pincode=110024")
        expect(res.status).toBe(200)
        expect(res.headers["cache-control"]).toBe("no-store")
        expect(res.data.pincode).toMatchObject({ serviceable: true, area: "New Delhi" })
        expect(res.data.days).toHaveLength(7)
        expect(res.data.days[0].date).toBe(shopToday(new Date()))
        const later = res.data.days[3]
        expect(later.slots).toEqual([
          expect.objectContaining({ code: "morning", label: "10:00–13:00", capacity: 40, places_left: 40, open: true, reason: null }),
          expect.objectContaining({ code: "evening", label: "16:00–20:00", capacity: 40, places_left: 40, open: true, reason: null }),
        ])
        // The same days for pickup: the counter's hours.
        expect(res.data.pickup.map((p: any) => p.date)).toEqual(res.data.days.map((d: any) => d.date))
        expect(res.data.pickup[3]).toEqual({ date: later.date, label: later.label, open: true, opens_at: "10:00", closes_at: "21:00", reason: null, message: null })
        expect((await get("/store/delivery/slots", { headers: {} })).status).toBe(400)
        expect((await get("/store/delivery/slots?pincode=12")).data).toMatchObject({ code: "invalid_pincode" })
        expect((await get("/store/delivery/slots?cart_id=cart_nothere")).status).toBe(404)
      })

      it("closes the days inside a cart's lead time: rasgulla needs 24 hours", async () => {
        const cartId = await cart("rasgulla", "6 pieces").catch(async () => {
          const { data } = await api.get(`/store/products?handle=rasgulla&fields=*variants`, storeHeaders)
          return shopper.createCart([{ variant_id: data.products[0].variants[0].id, quantity: 1 }])
        })
        const res = await get(`/store/delivery/slots?cart_id=${cartId}`)
        expect(res.data.lead_hours).toBe(24)
        // Today's slots all start within 24 hours, so none is open; three days on, all are.
        expect(res.data.days[0].slots.every((s: any) => !s.open)).toBe(true)
        expect(res.data.days[3].slots.every((s: any) => s.open)).toBe(true)
      })
    })

    const refusedWith = async (res: any, code: string, before: number) => {
      expect([res.status, res.data.code]).toEqual([400, code])
      expect(typeof res.data.message).toBe("string")
      expect(await orderCount()).toBe(before)
    }

    describe("the backend refuses a day or slot it cannot serve, with a code, and makes no order", () => {

      it("a day that is not a date, a day in the past, a day beyond the horizon", async () => {
        const cartId = await cart()
        const before = await orderCount()
        await refusedWith(await checkout(cartId, { delivery_date: "2026-02-30", delivery_slot: "morning" }), "invalid_delivery_day", before)
        await refusedWith(await checkout(cartId, { delivery_date: addDays(shopToday(new Date()), -1), delivery_slot: "morning" }), "day_in_past", before)
        await refusedWith(await checkout(cartId, { delivery_date: addDays(shopToday(new Date()), 400), delivery_slot: "morning" }), "invalid_delivery_day", before)
        await refusedWith(await checkout(cartId, { delivery_slot: "morning" }), "invalid_delivery_day", before)
        // Nothing held.
        expect((await dbConnection.raw(`select count(*)::int as n from delivery_booking where cart_id = ?`, [cartId])).rows[0].n).toBe(0)
      })

      it("a closed day (added by staff), for home delivery and pickup alike", async () => {
        const day = deliveryDay(5)
        const added = await post("/admin/delivery-settings/closed-days", { day, reason: "Guru Nanak Jayanti" }, admin)
        expect(added.status).toBe(200)
        const cartId = await cart()
        const before = await orderCount()
        await refusedWith(await checkout(cartId, { delivery_date: day, delivery_slot: "morning" }), "day_closed", before)
        await refusedWith(await checkout(cartId, { delivery_date: day, delivery_slot: "morning", fulfilment: "pickup" }, { name: "Store pickup" }), "day_closed", before)
        const listed = (await get("/store/delivery/slots")).data.days.find((d: any) => d.date === day)
        expect(listed).toMatchObject({ open: false, reason: "day_closed", slots: [] })
        expect((await del(`/admin/delivery-settings/closed-days/${added.data["closed-days"].id}`)).status).toBe(200)
      })

      it("a slot after its cut-off, and a slot the day does not have", async () => {
        const day = deliveryDay(3)
        // A slot whose cut-off is a week before it starts: closed already.
        const late = await post(
          "/admin/delivery-settings/slots",
          { weekday: weekdayOf(day), code: "late", label: "20:00–21:00", starts_at: "20:00", ends_at: "21:00", cutoff_minutes: 7 * 24 * 60, capacity: 10 },
          admin
        )
        expect(late.status).toBe(200)
        const cartId = await cart()
        const before = await orderCount()
        await refusedWith(await checkout(cartId, { delivery_date: day, delivery_slot: "late" }), "slot_closed", before)
        await refusedWith(await checkout(cartId, { delivery_date: day, delivery_slot: "midnight" }), "slot_closed", before)
        expect((await get("/store/delivery/slots")).data.days.find((d: any) => d.date === day).slots.find((s: any) => s.code === "late")).toMatchObject({
          open: false,
          reason: "slot_closed",
        })
        expect((await del(`/admin/delivery-settings/slots/${late.data.slots.id}`)).status).toBe(200)
      })

      it("a day inside a product's lead time (set by staff)", async () => {
        const { data } = await api.get(`/store/products?handle=kaju-katli`, storeHeaders)
        const lead = await post("/admin/delivery-settings/lead-times", { product_id: data.products[0].id, lead_hours: 720 }, admin)
        expect(lead.status).toBe(200)
        const cartId = await cart()
        const before = await orderCount()
        await refusedWith(await checkout(cartId, { delivery_date: deliveryDay(3), delivery_slot: "morning" }), "lead_time", before)
        await refusedWith(await checkout(cartId, { delivery_date: deliveryDay(3), delivery_slot: "morning", fulfilment: "pickup" }, { name: "Store pickup" }), "lead_time", before)
        expect((await del(`/admin/delivery-settings/lead-times/${lead.data["lead-times"].id}`)).status).toBe(200)
        expect((await checkout(cartId, { delivery_date: deliveryDay(3), delivery_slot: "morning" })).status).toBe(200)
      })

      it("a day beyond the kitchen's capacity for a product (set by staff), for delivery and pickup alike", async () => {
        const { data } = await api.get(`/store/products?handle=kaju-katli`, storeHeaders)
        // The kitchen makes 500 g of kaju katli a day (the lines are 250 g each).
        const limit = await post("/admin/delivery-settings/lead-times", { product_id: data.products[0].id, lead_hours: 0, kitchen_capacity_units: 500 }, admin)
        expect(limit.status).toBe(200)
        // Inside the picker's seven days.
        const day = deliveryDay(5)
        expect((await checkout(await cart(), { delivery_date: day, delivery_slot: "morning" })).status).toBe(200)
        expect((await checkout(await cart(), { delivery_date: day, delivery_slot: "evening", fulfilment: "pickup" }, { name: "Store pickup" })).status).toBe(200)
        const third = await cart()
        const before = await orderCount()
        // The picker's list for this cart shows the day closed to it.
        const listed = (await get(`/store/delivery/slots?cart_id=${third}`)).data.days.find((d: any) => d.date === day)
        expect(listed).toMatchObject({ open: false, reason: "kitchen_full", slots: [] })
        await refusedWith(await checkout(third, { delivery_date: day, delivery_slot: "evening" }), "kitchen_full", before)
        await refusedWith(await checkout(third, { delivery_date: day, delivery_slot: "morning", fulfilment: "pickup" }, { name: "Store pickup" }), "kitchen_full", before)
        expect(await placesOn(day, "evening")).toBe(0)
        // Another day has room.
        expect((await checkout(third, { delivery_date: deliveryDay(9), delivery_slot: "evening" })).status).toBe(200)
        expect((await del(`/admin/delivery-settings/lead-times/${limit.data["lead-times"].id}`)).status).toBe(200)
      })

      it("a day already on the cart (set by POST /store/carts/:id) is judged by a checkout that sends none", async () => {
        const cartId = await cart()
        await post(`/store/carts/${cartId}`, { metadata: { delivery_date: addDays(shopToday(new Date()), -1), delivery_slot: "morning" } })
        const before = await orderCount()
        const res = await post(`/store/carts/${cartId}/checkout`, {
          email: "meera@example.in",
          shipping_address: DELHI_ADDRESS,
          shipping_option_id: await optionId(cartId, "Home delivery"),
          payment_provider_id: "pp_system_default",
        })
        await refusedWith(res, "day_in_past", before)
      })

      it("Medusa's own POST /store/carts/:id/complete judges the cart's day too", async () => {
        const cartId = await cart()
        await shopper.prepareCheckout(cartId)
        await post(`/store/carts/${cartId}`, { metadata: { delivery_date: addDays(shopToday(new Date()), -2), delivery_slot: "morning" } })
        const before = await orderCount()
        const done = await shopper.complete(cartId)
        expect([done.status, done.data.code]).toEqual([400, "day_in_past"])
        expect(await orderCount()).toBe(before)
        const day = deliveryDay(4)
        await post(`/store/carts/${cartId}`, { metadata: { delivery_date: day, delivery_slot: "evening" } })
        const placed = await shopper.complete(cartId)
        expect(placed.status).toBe(200)
        expect(placed.data.type).toBe("order")
        expect((await dbConnection.raw(`select day, slot_code from delivery_booking where cart_id = ?`, [cartId])).rows).toEqual([{ day, slot_code: "evening" }])
      })
    })

    describe("a slot's capacity", () => {
      it("20 shoppers at once for a slot of 5: exactly 5 orders, the others refused slot_full; a cancelled order frees its place", async () => {
        const day = deliveryDay(6)
        const slot = await slotRow(weekdayOf(day), "evening")
        expect((await post(`/admin/delivery-settings/slots/${slot.id}`, { capacity: 5 }, admin)).status).toBe(200)

        const carts: string[] = []
        for (let i = 0; i < 20; i++) carts.push(await cart("kaju-katli", "250 g"))
        const options = await Promise.all(carts.map((c) => optionId(c, "Home delivery")))
        const results = await Promise.all(
          carts.map((c, i) =>
            post(`/store/carts/${c}/checkout`, {
              email: `rush${i}@example.in`,
              shipping_address: DELHI_ADDRESS,
              shipping_option_id: options[i],
              payment_provider_id: "pp_system_default",
              metadata: { delivery_date: day, delivery_slot: "evening" },
            })
          )
        )
        const statuses = results.map((r) => (r.status === 200 ? "order" : r.data.code))
        expect(statuses.filter((s) => s === "order")).toHaveLength(5)
        expect(statuses.filter((s) => s === "slot_full")).toHaveLength(15)
        expect(await ordersOn(day)).toBe(5)
        expect(await placesOn(day, "evening")).toBe(5)
        const listed = (await get("/store/delivery/slots")).data.days.find((d: any) => d.date === day).slots.find((s: any) => s.code === "evening")
        expect(listed).toMatchObject({ places_left: 0, open: false, reason: "slot_full" })

        // Cancelling one of the five gives its place back.
        const orderId = results.find((r) => r.status === 200)!.data.order.id
        expect((await post(`/admin/orders/${orderId}/cancel`, {}, admin)).status).toBe(200)
        for (let i = 0; i < 100 && (await placesOn(day, "evening")) !== 4; i++) await new Promise((r) => setTimeout(r, 200))
        expect(await placesOn(day, "evening")).toBe(4)
        const again = (await get("/store/delivery/slots")).data.days.find((d: any) => d.date === day).slots.find((s: any) => s.code === "evening")
        expect(again).toMatchObject({ places_left: 1, open: true })
        const refused = carts[results.findIndex((r) => r.status !== 200)]
        const taken = await checkout(refused, { delivery_date: day, delivery_slot: "evening" }, { email: "late@example.in" })
        expect(taken.status).toBe(200)
        expect(await ordersOn(day)).toBe(5)
      })

      it("pickup takes no place in a slot", async () => {
        const day = deliveryDay(4)
        const before = await placesOn(day, "morning")
        const cartId = await cart()
        const res = await checkout(cartId, { delivery_date: day, delivery_slot: "morning", fulfilment: "pickup" }, { name: "Store pickup" })
        expect(res.status).toBe(200)
        expect(await placesOn(day, "morning")).toBe(before)
      })
    })

    describe("pickup, judged by the counter's hours (set by staff), not the delivery slots", () => {
      const pickup = (cartId: string, day: string) => checkout(cartId, { delivery_date: day, delivery_slot: "morning", fulfilment: "pickup" }, { name: "Store pickup" })
      const hoursOf = async (weekday: number) => (await settings()).pickup_hours.find((h: any) => h.weekday === weekday)
      const setHours = async (id: string, body: Record<string, unknown>) => {
        const res = await post(`/admin/delivery-settings/pickup-hours/${id}`, body, admin)
        expect(res.status).toBe(200)
        return res.data["pickup-hours"]
      }
      const pickupListed = async (day: string, cartId?: string) => (await get(`/store/delivery/slots${cartId ? `?cart_id=${cartId}` : ""}`)).data.pickup.find((p: any) => p.date === day)

      it("a weekday without hours refuses pickup (day_closed, no order) while delivery goes on; hours staff set hold at the next checkout", async () => {
        const day = deliveryDay(5)
        const row = await hoursOf(weekdayOf(day))
        await setHours(row.id, { active: false })
        const cartId = await cart()
        const before = await orderCount()
        const refused = await pickup(cartId, day)
        await refusedWith(refused, "day_closed", before)
        expect(refused.data).toMatchObject({ field: "delivery_day", message: expect.stringMatching(/^The pickup counter is closed on \w+days\. /) })
        expect(await pickupListed(day)).toMatchObject({ open: false, opens_at: null, closes_at: null, reason: "day_closed" })
        expect((await get("/store/delivery/slots")).data.days.find((d: any) => d.date === day)).toMatchObject({ open: true, reason: null })

        // Staff open the counter that weekday, 11:00–18:00: the list and the very next checkout follow.
        expect(await setHours(row.id, { active: true, opens_at: "11:00", closes_at: "18:00" })).toMatchObject({ active: true, opens_at: "11:00", closes_at: "18:00" })
        expect(await pickupListed(day)).toMatchObject({ open: true, opens_at: "11:00", closes_at: "18:00", reason: null })
        const placed = await pickup(cartId, day)
        expect(placed.status).toBe(200)
        expect(await orderCount()).toBe(before + 1)
        await setHours(row.id, { opens_at: "10:00", closes_at: "21:00" })
      })

      it("the pickup day's hours are written on the order by Medusa's own complete route too; a home delivery carries none", async () => {
        const day = deliveryDay(6)
        const row = await hoursOf(weekdayOf(day))
        await setHours(row.id, { active: true, opens_at: "12:00", closes_at: "19:45" })
        try {
          const cartId = await cart()
          expect((await post(`/store/carts/${cartId}`, { email: "meera@example.in", shipping_address: DELHI_ADDRESS, metadata: { fulfilment: "pickup", delivery_date: day } })).status).toBe(200)
          expect((await post(`/store/carts/${cartId}/shipping-methods`, { option_id: await optionId(cartId, "Store pickup") })).status).toBe(200)
          const { data: pc } = await post("/store/payment-collections", { cart_id: cartId })
          await post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
          const completed = await shopper.complete(cartId)
          expect(completed.status).toBe(200)
          const metadataOf = async (orderId: string) => (await dbConnection.raw(`select metadata from "order" where id = ?`, [orderId])).rows[0].metadata
          expect(await metadataOf(completed.data.order.id)).toMatchObject({ delivery_date: day, [PICKUP_HOURS_KEY]: "12:00–19:45" })

          const delivered = await checkout(await cart(), { delivery_date: day, delivery_slot: "evening" })
          expect(delivered.status).toBe(200)
          expect(await metadataOf(delivered.data.order.id)).not.toHaveProperty(PICKUP_HOURS_KEY)
        } finally {
          await setHours(row.id, { opens_at: "10:00", closes_at: "21:00" })
        }
      })

      it("a pickup for today after the counter has closed is refused pickup_closed, with no order", async () => {
        const today = shopToday(new Date())
        const row = await hoursOf(weekdayOf(today))
        // Close the counter at the present minute of India time (at 00:00 itself, wait for 00:01: closing must follow opening).
        const clock = () => new Date(Date.now() + 330 * 60_000).toISOString().slice(11, 16)
        if (clock() === "00:00") await new Promise((r) => setTimeout(r, 61_000))
        const closes = clock()
        await setHours(row.id, { opens_at: "00:00", closes_at: closes })
        expect(shopInstant(shopToday(new Date()), closes).getTime()).toBeLessThanOrEqual(Date.now())
        const cartId = await cart()
        const before = await orderCount()
        const refused = await pickup(cartId, shopToday(new Date()))
        await refusedWith(refused, "pickup_closed", before)
        expect(refused.data).toMatchObject({ field: "delivery_day", message: expect.stringContaining("The pickup counter closed at") })
        expect(await pickupListed(shopToday(new Date()))).toMatchObject({ open: false, closes_at: closes, reason: "pickup_closed" })
        await setHours(row.id, { opens_at: "10:00", closes_at: "21:00" })
      })

      it("the sweets' lead time must be met by the day's closing time", async () => {
        const day = addDays(shopToday(new Date()), 3)
        const row = await hoursOf(weekdayOf(day))
        // A lead time an hour or two longer than from now to that day's closing (21:00).
        const hoursToClose = (shopInstant(day, "21:00").getTime() - Date.now()) / 3_600_000
        const { data } = await api.get(`/store/products?handle=kaju-katli`, storeHeaders)
        const lead = await post("/admin/delivery-settings/lead-times", { product_id: data.products[0].id, lead_hours: Math.ceil(hoursToClose) + 1 }, admin)
        expect(lead.status).toBe(200)
        const cartId = await cart()
        const before = await orderCount()
        const refused = await pickup(cartId, day)
        await refusedWith(refused, "lead_time", before)
        expect(refused.data.message).toContain("before the counter closes at 9 pm")
        expect(await pickupListed(day, cartId)).toMatchObject({ open: false, reason: "lead_time" })
        // Staff keep the counter open until 23:59 that weekday: the sweets are ready (at most two hours after 21:00) in time.
        await setHours(row.id, { closes_at: "23:59" })
        expect(await pickupListed(day, cartId)).toMatchObject({ open: true, closes_at: "23:59" })
        expect((await pickup(cartId, day)).status).toBe(200)
        expect((await del(`/admin/delivery-settings/lead-times/${lead.data["lead-times"].id}`)).status).toBe(200)
        await setHours(row.id, { closes_at: "21:00" })
      })
    })

    describe("delivery areas edited by staff", () => {
      it("a pincode added in the admin is served at once; removing it refuses home delivery there", async () => {
        expect((await get("/store/delivery/pincodes/400001")).data).toMatchObject({ serviceable: false })
        const added = await post("/admin/delivery-settings/areas", { name: "Mumbai", city: "Mumbai", state: "Maharashtra", pincodes: ["400001"] }, admin)
        expect(added.status).toBe(200)
        expect((await get("/store/delivery/pincodes/400001")).data).toEqual({ pincode: "400001", serviceable: true, area: "Mumbai", city: "Mumbai", state: "Maharashtra" })

        const cartId = await cart()
        await post(`/store/carts/${cartId}`, { shipping_address: MUMBAI })
        expect((await shopper.shippingOptions(cartId)).map((o) => o.name)).toContain("Home delivery")
        const placed = await checkout(cartId, { delivery_date: deliveryDay(2), delivery_slot: "morning" }, { address: MUMBAI })
        expect(placed.status).toBe(200)

        expect((await del(`/admin/delivery-settings/areas/${added.data.areas.id}`)).status).toBe(200)
        expect((await get("/store/delivery/pincodes/400001")).data).toMatchObject({ serviceable: false })
        const other = await cart()
        const homeDelivery = await optionId(other, "Home delivery")
        const before = await orderCount()
        const refused = await post(`/store/carts/${other}/checkout`, {
          email: "meera@example.in",
          shipping_address: MUMBAI,
          shipping_option_id: homeDelivery,
          payment_provider_id: "pp_system_default",
          metadata: { delivery_date: deliveryDay(2), delivery_slot: "morning" },
        })
        expect([refused.status, refused.data.code]).toEqual([400, "undeliverable_pincode"])
        expect(await orderCount()).toBe(before)
      })

      it("refuses bad settings with a sentence and changes nothing", async () => {
        const before = await settings()
        const bad = [
          ["/admin/delivery-settings/areas", { name: "X", city: "X", state: "X" }],
          ["/admin/delivery-settings/areas", { name: "X", city: "X", state: "X", pincode_from: 200000, pincode_to: 100000 }],
          ["/admin/delivery-settings/areas", { name: "X", city: "X", state: "X", pincodes: ["0123"] }],
          ["/admin/delivery-settings/slots", { weekday: 9, code: "x", label: "x", starts_at: "10:00", ends_at: "11:00", cutoff_minutes: 0, capacity: 1 }],
          ["/admin/delivery-settings/slots", { weekday: 1, code: "morning", label: "dup", starts_at: "10:00", ends_at: "11:00", cutoff_minutes: 0, capacity: 1 }],
          ["/admin/delivery-settings/slots", { weekday: 1, code: "x", label: "x", starts_at: "25:00", ends_at: "11:00", cutoff_minutes: 0, capacity: 1 }],
          ["/admin/delivery-settings/closed-days", { day: "2026-02-30" }],
          ["/admin/delivery-settings/lead-times", { product_id: "prod_nothere", lead_hours: 5 }],
          ["/admin/delivery-settings/lead-times", { product_id: "prod_x", lead_hours: -1 }],
          ["/admin/delivery-settings/pickup-hours", { weekday: 7, opens_at: "10:00", closes_at: "21:00" }],
          ["/admin/delivery-settings/pickup-hours", { weekday: 1, opens_at: "10:00", closes_at: "21:00" }],
          ["/admin/delivery-settings/pickup-hours", { weekday: 1, opens_at: "21:00", closes_at: "10:00" }],
          ["/admin/delivery-settings/pickup-hours", { weekday: 1, opens_at: "10 am", closes_at: "21:00" }],
          ["/admin/delivery-settings/pickup-hours", { weekday: 1, opens_at: "10:00", closes_at: "21:00", note: "x" }],
        ] as const
        for (const [path, body] of bad) {
          const res = await post(path, body as any, admin)
          expect([path, res.status, res.data.code]).toEqual([path, 400, "invalid_data"])
          expect(res.data.message).toMatch(/\.$/)
        }
        expect((await post("/admin/delivery-settings/nonsense", {}, admin)).status).toBe(404)
        expect((await post("/admin/delivery-settings/slots/dslot_nothere", { capacity: 3 }, admin)).status).toBe(404)
        expect((await post(`/admin/delivery-settings/slots/${before.slots[0].id}`, { capacity: -3 }, admin)).status).toBe(400)
        const monday = before.pickup_hours.find((h: any) => h.weekday === 1)
        const later = await post(`/admin/delivery-settings/pickup-hours/${monday.id}`, { closes_at: "09:00" }, admin)
        expect([later.status, later.data]).toEqual([400, expect.objectContaining({ code: "invalid_data", message: "closes_at must be after opens_at." })])
        const twice = await post("/admin/delivery-settings/pickup-hours", { weekday: 1, opens_at: "10:00", closes_at: "21:00" }, admin)
        expect(twice.data.message).toBe("Monday has its pickup hours already: change them instead.")
        expect(await settings()).toEqual(before)
      })
    })
  },
})
