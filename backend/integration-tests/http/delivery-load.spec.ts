import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { addDays, shopToday } from "../../src/lib/rules/delivery-days"
import { adminHeaders, DELHI_ADDRESS, deliveryChoice, deliveryDay, seedShop, Shopper, shopperFor } from "../helpers/shopper"

jest.setTimeout(600_000)

/**
 * Staff see the load (issue 19): GET /admin/delivery-settings/load lists the next days
 * with each slot's places taken against its capacity and each product's grams (or pieces)
 * ordered against the kitchen's capacity, counted as the checkout counts them, so a
 * cancelled order drops out. Orders are placed over HTTP with the one-call checkout.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let shopper: Shopper

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      admin = await adminHeaders(api)
      shopper = shopperFor(api, storeHeaders)
    })

    const get = (path: string, headers = admin) => api.get(path, headers).catch((e: any) => e.response)
    const post = (path: string, body: Record<string, unknown>, headers = storeHeaders) => api.post(path, body, headers).catch((e: any) => e.response)
    const placesOn = async (day: string, slot: string) =>
      (await dbConnection.raw(`select count(*)::int as n from delivery_booking where day = ? and slot_code = ? and deleted_at is null`, [day, slot])).rows[0].n as number

    /** Orders these lines for a day and slot, home delivery or pickup; the order's id. */
    async function order(lines: [handle: string, size: string, quantity: number][], metadata: Record<string, unknown>, pickup = false) {
      const variants = await Promise.all(lines.map(([handle, size]) => shopper.variant(handle, size)))
      const cartId = await shopper.createCart(variants.map((v, i) => ({ variant_id: v.id, quantity: lines[i][2] })))
      const option = (await shopper.shippingOptions(cartId)).find((o) => o.name === (pickup ? "Store pickup" : "Home delivery"))!
      const res = await post(`/store/carts/${cartId}/checkout`, {
        email: "anita@example.in",
        shipping_address: DELHI_ADDRESS,
        shipping_option_id: option.id,
        payment_provider_id: "pp_system_default",
        metadata: pickup ? { ...metadata, fulfilment: "pickup" } : metadata,
      })
      expect([res.status, res.data.code]).toEqual([200, undefined])
      return res.data.order.id as string
    }

    const load = async (days = 14) => {
      const res = await get(`/admin/delivery-settings/load?days=${days}`)
      expect(res.status).toBe(200)
      return res.data as { from: string; to: string; days: any[] }
    }
    const dayOf = async (date: string) => (await load()).days.find((d) => d.date === date)
    const slotOf = (day: any, code: string) => day.slots.find((s: any) => s.code === code)
    const productOf = (day: any, title: string) => day.products.find((p: any) => p.title === title)

    it("shows each slot's places taken and each product's grams or pieces against the kitchen's capacity; a cancelled order drops out", async () => {
      const { data: kaju } = await api.get(`/store/products?handle=kaju-katli`, storeHeaders)
      // The kitchen makes 1.5 kg of kaju katli a day.
      const limit = await post("/admin/delivery-settings/lead-times", { product_id: kaju.products[0].id, lead_hours: 0, kitchen_capacity_units: 1500 }, admin)
      expect(limit.status).toBe(200)

      const first = deliveryChoice(3, "morning")
      const dayA = first.delivery_date
      const dayB = deliveryDay(4, "evening")
      expect(dayB).not.toBe(dayA)

      // Before any order: every slot empty at its seeded capacity; kaju katli listed at 0 of 1500 g.
      const empty = await dayOf(dayA)
      expect(empty).toMatchObject({ closed: false, closed_reason: null })
      expect(empty.slots).toEqual([
        { code: "morning", label: "10:00–13:00", capacity: 40, taken: 0, places_left: 40, full: false },
        { code: "evening", label: "16:00–20:00", capacity: 40, taken: 0, places_left: 40, full: false },
      ])
      expect(empty.products).toEqual([{ product_id: kaju.products[0].id, title: "Kaju Katli", unit: "grams", ordered: 0, capacity: 1500, full: false }])

      // Day A: two home deliveries in the morning, one in the evening, one pickup in the evening (no place).
      const cancelled = await order([["kaju-katli", "250 g", 2]], first)
      await order([["kaju-katli", "250 g", 1]], first)
      await order([["kaju-katli", "250 g", 1], ["gulab-jamun", "6 pieces", 1]], { delivery_date: dayA, delivery_slot: "evening" })
      await order([["kaju-katli", "250 g", 2]], { delivery_date: dayA, delivery_slot: "evening" }, true)
      // Day B: one home delivery in the evening.
      await order([["gulab-jamun", "6 pieces", 2]], { delivery_date: dayB, delivery_slot: "evening" })

      const a = await dayOf(dayA)
      expect(slotOf(a, "morning")).toEqual({ code: "morning", label: "10:00–13:00", capacity: 40, taken: 2, places_left: 38, full: false })
      expect(slotOf(a, "evening")).toEqual({ code: "evening", label: "16:00–20:00", capacity: 40, taken: 1, places_left: 39, full: false })
      // 250 g × (2 + 1 + 1 + 2) = 1500 g of 1500: full. Gulab jamun has no capacity but was ordered: 6 pieces.
      expect(productOf(a, "Kaju Katli")).toEqual({ product_id: kaju.products[0].id, title: "Kaju Katli", unit: "grams", ordered: 1500, capacity: 1500, full: true })
      expect(productOf(a, "Gulab Jamun")).toMatchObject({ unit: "pieces", ordered: 6, capacity: null, full: false })
      expect(a.products).toHaveLength(2)

      const b = await dayOf(dayB)
      expect(slotOf(b, "morning")).toMatchObject({ taken: 0, capacity: 40 })
      expect(slotOf(b, "evening")).toMatchObject({ taken: 1, capacity: 40, places_left: 39 })
      expect(productOf(b, "Gulab Jamun")).toMatchObject({ ordered: 12, capacity: null })
      expect(productOf(b, "Kaju Katli")).toMatchObject({ ordered: 0, capacity: 1500, full: false })

      // A slot at its capacity is full.
      const slots = (await get("/admin/delivery-settings")).data.slots
      const eveningB = slots.find((s: any) => s.weekday === new Date(`${dayB}T00:00:00Z`).getUTCDay() && s.code === "evening")
      expect((await post(`/admin/delivery-settings/slots/${eveningB.id}`, { capacity: 1 }, admin)).status).toBe(200)
      expect(slotOf(await dayOf(dayB), "evening")).toEqual({ code: "evening", label: "16:00–20:00", capacity: 1, taken: 1, places_left: 0, full: true })
      expect((await post(`/admin/delivery-settings/slots/${eveningB.id}`, { capacity: 40 }, admin)).status).toBe(200)

      // Cancelling the morning order of 500 g: the kitchen's count drops at once, its place once order.canceled is handled.
      expect((await post(`/admin/orders/${cancelled}/cancel`, {}, admin)).status).toBe(200)
      for (let i = 0; i < 100 && (await placesOn(dayA, "morning")) !== 1; i++) await new Promise((r) => setTimeout(r, 200))
      const after = await dayOf(dayA)
      expect(slotOf(after, "morning")).toMatchObject({ taken: 1, places_left: 39 })
      expect(slotOf(after, "evening")).toMatchObject({ taken: 1 })
      expect(productOf(after, "Kaju Katli")).toMatchObject({ ordered: 1000, capacity: 1500, full: false })
      expect(productOf(after, "Gulab Jamun")).toMatchObject({ ordered: 6 })

      expect((await api.delete(`/admin/delivery-settings/lead-times/${limit.data["lead-times"].id}`, admin)).status).toBe(200)
    })

    it("lists the days asked for, today first, with closed days marked", async () => {
      const today = shopToday(new Date())
      const two = await load(2)
      expect(two.days.map((d) => d.date)).toEqual([today, addDays(today, 1)])
      expect([two.from, two.to]).toEqual([today, addDays(today, 1)])
      const fourteen = (await get("/admin/delivery-settings/load")).data
      expect(fourteen.days).toHaveLength(14)
      expect(fourteen.to).toBe(addDays(today, 13))
      expect((await load(31)).days).toHaveLength(31)

      const holiday = deliveryDay(6)
      const closed = await post("/admin/delivery-settings/closed-days", { day: holiday, reason: "Guru Nanak Jayanti" }, admin)
      expect(closed.status).toBe(200)
      expect(await dayOf(holiday)).toMatchObject({ closed: true, closed_reason: "Guru Nanak Jayanti" })
      expect((await dayOf(addDays(holiday, 1))).closed).toBe(false)
      expect((await api.delete(`/admin/delivery-settings/closed-days/${closed.data["closed-days"].id}`, admin)).status).toBe(200)
      expect(await dayOf(holiday)).toMatchObject({ closed: false, closed_reason: null })
    })

    it("refuses a bad number of days with a sentence, and anyone but staff", async () => {
      for (const days of ["0", "32", "-1", "abc", "1.5", "14&days=2"]) {
        const res = await get(`/admin/delivery-settings/load?days=${days}`)
        expect([days, res.status, res.data.code]).toEqual([days, 400, "invalid_data"])
        expect(res.data.message).toBe("days must be a whole number from 1 to 31.")
      }
      expect((await get("/admin/delivery-settings/load", { headers: {} })).status).toBe(401)
      expect((await get("/admin/delivery-settings/load", storeHeaders)).status).toBe(401)
    })
  },
})
