import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import seedSweetShop from "../../src/scripts/seed"
import { SHOP } from "../../src/scripts/seed-data/shop"
import { adminHeaders, DELHI_ADDRESS, deliveryChoice, seedShop, Shopper, shopperFor } from "../helpers/shopper"

jest.setTimeout(240_000)

const MUMBAI = { ...DELHI_ADDRESS, address_1: "12 Marine Drive", city: "Mumbai", province: "Maharashtra", postal_code: "400001" }
const REFUSAL = "We do not deliver to 400001 yet: our riders cover New Delhi, Gurugram, Noida, Ghaziabad and Faridabad. Store pickup is open to everyone."

/**
 * The delivery area: the pincode route the storefront asks, and home delivery
 * refused outside the area (store pickup for everyone), through the one-call
 * checkout and through Medusa's own cart routes.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let shopper: Shopper

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
    })

    beforeEach(() => {
      shopper = shopperFor(api, storeHeaders)
    })

    const get = (path: string, headers = storeHeaders) => api.get(path, headers).catch((e: any) => e.response)
    const post = (path: string, body: Record<string, unknown>) => api.post(path, body, storeHeaders).catch((e: any) => e.response)
    const orderCount = async () => (await dbConnection.raw(`select count(*)::int as n from "order"`)).rows[0].n as number

    async function cart() {
      const variant = await shopper.variant("kaju-katli", "250 g")
      return shopper.createCart([{ variant_id: variant.id, quantity: 2 }])
    }
    const optionId = async (cartId: string, name: "Home delivery" | "Store pickup") =>
      (await shopper.shippingOptions(cartId)).find((o) => o.name === name)!.id

    const checkoutBody = (optionId: string, address: Record<string, unknown>) => ({
      email: "meera@example.in",
      shipping_address: address,
      shipping_option_id: optionId,
      payment_provider_id: "pp_system_default",
    })

    describe("GET /store/delivery/pincodes/:pincode", () => {
      it("names the area of a pincode the riders cover, not cached (staff may change the area at any time)", async () => {
        const res = await get("/store/delivery/pincodes/110001")
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ pincode: "110001", serviceable: true, area: "New Delhi", city: "New Delhi", state: "Delhi" })
        expect(res.headers["cache-control"]).toBe("no-store")
        expect((await get("/store/delivery/pincodes/122002")).data).toEqual({ pincode: "122002", serviceable: true, area: "Gurugram", city: "Gurugram", state: "Haryana" })
        // Typed with a space, as people write it: read as its six digits.
        expect((await get("/store/delivery/pincodes/110%20024")).data).toMatchObject({ pincode: "110024", serviceable: true })
      })

      it("says in a sentence that a pincode outside is not delivered to, and that pickup is open", async () => {
        const res = await get("/store/delivery/pincodes/400001")
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ pincode: "400001", serviceable: false, message: REFUSAL })
      })

      it("refuses anything but a 6-digit Indian PIN code", async () => {
        for (const bad of ["011001", "11001", "1100011", "11OO01", "delhi"]) {
          const res = await get(`/store/delivery/pincodes/${bad}`)
          expect(res.status).toBe(400)
          expect(res.data).toMatchObject({ code: "invalid_pincode", field: "pincode", message: "Please enter a 6-digit Indian pincode, for example 110024." })
        }
      })

      it("wants the publishable key like every store route", async () => {
        const res = await get("/store/delivery/pincodes/110001", { headers: {} })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/publishable/i)
      })
    })

    describe("POST /store/carts/:id/checkout", () => {
      it("refuses home delivery outside the area, leaves the cart as it was and places no order", async () => {
        const before = await orderCount()
        const cartId = await cart()
        const res = await post(`/store/carts/${cartId}/checkout`, checkoutBody(await optionId(cartId, "Home delivery"), MUMBAI))
        expect(res.status).toBe(400)
        expect(res.data.message).toBe(REFUSAL)

        const { data } = await api.get(`/store/carts/${cartId}?fields=email,completed_at,*shipping_address,*shipping_methods,*items`, storeHeaders)
        // Medusa gives a new cart of a one-country region an empty address in that country.
        expect(data.cart).toMatchObject({ email: null, completed_at: null, shipping_methods: [] })
        expect(data.cart.shipping_address?.postal_code ?? null).toBeNull()
        expect(data.cart.items).toHaveLength(1)
        expect(await orderCount()).toBe(before)
      })

      it("delivers inside the area", async () => {
        const cartId = await cart()
        const gurugram = { ...DELHI_ADDRESS, city: "Gurugram", province: "Haryana", postal_code: "122002" }
        const res = await post(`/store/carts/${cartId}/checkout`, checkoutBody(await optionId(cartId, "Home delivery"), gurugram))
        expect(res.status).toBe(200)
        expect(res.data.type).toBe("order")
      })

      it("lets anyone pick up, whatever their pincode", async () => {
        const before = await orderCount()
        const cartId = await cart()
        const res = await post(`/store/carts/${cartId}/checkout`, checkoutBody(await optionId(cartId, "Store pickup"), MUMBAI))
        expect(res.status).toBe(200)
        expect(res.data.type).toBe("order")
        expect(await orderCount()).toBe(before + 1)
        const { rows } = await dbConnection.raw(
          `select a.postal_code, os.name from "order" o join order_address a on a.id = o.shipping_address_id
             join order_shipping s on s.order_id = o.id join order_shipping_method os on os.id = s.shipping_method_id where o.id = ?`,
          [res.data.order.id]
        )
        expect(rows).toEqual([{ postal_code: "400001", name: "Store pickup" }])
      })
    })

    describe("the seed", () => {
      const areaRules = async () =>
        (
          await dbConnection.raw(
            `select o.name, r.operator, r.value from shipping_option_rule r join shipping_option o on o.id = r.shipping_option_id
              where r.attribute = 'delivery_pincode' and r.deleted_at is null`
          )
        ).rows as { name: string; operator: string; value: unknown }[]

      it("puts the rule on home delivery only, and gives it once to a shop seeded before it existed", async () => {
        expect(await areaRules()).toEqual([{ name: "Home delivery", operator: "ne", value: "outside" }])
        await dbConnection.raw(`update shipping_option_rule set deleted_at = now() where attribute = 'delivery_pincode'`)
        const options = async () => (await dbConnection.raw(`select count(*)::int as n from shipping_option where deleted_at is null`)).rows[0].n
        const before = await options()

        await seedSweetShop({ container: getContainer(), args: [] })
        expect(await areaRules()).toEqual([{ name: "Home delivery", operator: "ne", value: "outside" }])
        await seedSweetShop({ container: getContainer(), args: [] })
        expect(await areaRules()).toHaveLength(1)
        expect(await options()).toBe(before)
      })
    })

    describe("Medusa's own cart routes", () => {
      it("offers only pickup outside the area and refuses home delivery there in a sentence", async () => {
        const cartId = await cart()
        const deliveryId = await optionId(cartId, "Home delivery") // no address yet: both are offered
        await api.post(`/store/carts/${cartId}`, { email: "meera@example.in", shipping_address: MUMBAI }, storeHeaders)
        expect((await shopper.shippingOptions(cartId)).map((o) => o.name)).toEqual(["Store pickup"])

        const res = await post(`/store/carts/${cartId}/shipping-methods`, { option_id: deliveryId })
        expect(res.status).toBe(400)
        expect(res.data.message).toBe(REFUSAL)
        const { data } = await api.get(`/store/carts/${cartId}?fields=*shipping_methods`, storeHeaders)
        expect(data.cart.shipping_methods).toEqual([])

        const pickupId = await optionId(cartId, "Store pickup")
        expect((await post(`/store/carts/${cartId}/shipping-methods`, { option_id: pickupId })).status).toBe(200)
        const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
        await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, storeHeaders)
        const done = await shopper.complete(cartId)
        expect(done.status).toBe(200)
        expect(done.data.type).toBe("order")
      })

      it("drops home delivery when the address moves outside the area, and will not complete the cart", async () => {
        const before = await orderCount()
        const cartId = await cart()
        await shopper.prepareCheckout(cartId) // Lajpat Nagar 110024, home delivery, cash on delivery
        await api.post(`/store/carts/${cartId}`, { shipping_address: MUMBAI }, storeHeaders)
        const { data } = await api.get(`/store/carts/${cartId}?fields=*shipping_methods`, storeHeaders)
        expect(data.cart.shipping_methods).toEqual([])

        const done = await shopper.complete(cartId)
        expect(done.status).toBe(400)
        expect(done.data.message).toBe(REFUSAL)
        expect(await orderCount()).toBe(before)

        // Back inside the area, home delivery goes through.
        await shopper.prepareCheckout(cartId)
        const again = await shopper.complete(cartId)
        expect(again.status).toBe(200)
        expect(again.data.type).toBe("order")
      })

      it("opens no payment session for a cart that cannot reach its address", async () => {
        const cartId = await cart()
        await api.post(`/store/carts/${cartId}`, { email: "meera@example.in", shipping_address: MUMBAI }, storeHeaders)
        const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
        const res = await post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
        expect(res.status).toBe(400)
        expect(res.data.message).toBe(REFUSAL)
      })
    })

    describe("home delivery's price is the area's charge, on Medusa's shipping option (issue 19)", () => {
      const PUNE = { ...DELHI_ADDRESS, address_1: "4 FC Road", city: "Pune", province: "Maharashtra", postal_code: "411004" }
      const JAIPUR = { ...DELHI_ADDRESS, address_1: "9 MI Road", city: "Jaipur", province: "Rajasthan", postal_code: "302001" }
      let admin: { headers: Record<string, string> }
      let boxRupees: number
      let puneId: string

      // Each test starts from the suite's snapshot (the test runner restores it), so the areas are added for each.
      beforeEach(async () => {
        admin = await adminHeaders(api)
        boxRupees = (await shopper.variant("kaju-katli", "250 g")).calculated_price.calculated_amount
        // Pune: ₹40, free from two boxes; Jaipur: ₹90 whatever the order.
        const pune = await api.post("/admin/delivery-settings/areas", { name: "Pune", city: "Pune", state: "Maharashtra", pincode_from: 411001, pincode_to: 411010, delivery_charge_rupees: 40, free_above_rupees: boxRupees * 2 }, admin)
        puneId = pune.data.areas.id
        const jaipur = await api.post("/admin/delivery-settings/areas", { name: "Jaipur", city: "Jaipur", state: "Rajasthan", pincodes: ["302001"], delivery_charge_rupees: 90, free_above_rupees: null }, admin)
        expect([pune.status, jaipur.status]).toEqual([200, 200])
      })

      /** A cart of `boxes` boxes of kaju katli at `address`: what GET /store/shipping-options shows for home delivery, and the cart's shipping total once chosen. */
      async function priced(address: Record<string, unknown>, boxes = 1) {
        const variant = await shopper.variant("kaju-katli", "250 g")
        const cartId = await shopper.createCart([{ variant_id: variant.id, quantity: boxes }])
        await api.post(`/store/carts/${cartId}`, { email: "meera@example.in", shipping_address: address }, storeHeaders)
        const listed = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
        const chosen = await post(`/store/carts/${cartId}/shipping-methods?fields=shipping_total`, { option_id: listed.id })
        expect(chosen.status).toBe(200)
        return { cartId, listed: listed.amount, shipping: chosen.data.cart.shipping_total as number }
      }

      it("a cart in one area pays its charge, in another area that one's, and nothing from the free-above threshold", async () => {
        expect(await priced(PUNE)).toMatchObject({ listed: 40, shipping: 40 })
        expect(await priced(JAIPUR)).toMatchObject({ listed: 90, shipping: 90 })
        expect(await priced(JAIPUR, 3)).toMatchObject({ listed: 90, shipping: 90 }) // no threshold there
        expect(await priced(PUNE, 2)).toMatchObject({ listed: 0, shipping: 0 }) // exactly the threshold: free
        expect(await priced(DELHI_ADDRESS)).toMatchObject({ listed: 60, shipping: 60 }) // the seeded areas
        // Before the cart has a pincode (the checkout's first preview): the first area's, New Delhi's.
        const noAddress = await cart()
        expect((await shopper.shippingOptions(noAddress)).find((o) => o.name === "Home delivery")!.amount).toBe(60)
      })

      it("staff changing an area's charge change the next cart's price at once, and the cart already open", async () => {
        const open = await priced(PUNE)
        expect(open.shipping).toBe(40)
        expect((await api.post(`/admin/delivery-settings/areas/${puneId}`, { delivery_charge_rupees: 55 }, admin)).status).toBe(200)
        expect(await priced(PUNE)).toMatchObject({ listed: 55, shipping: 55 })
        // Medusa re-prices a cart's method when the cart changes (refreshCartShippingMethodsWorkflow).
        await api.post(`/store/carts/${open.cartId}`, { email: "meera@example.in" }, storeHeaders)
        const { data } = await api.get(`/store/carts/${open.cartId}?fields=shipping_total`, storeHeaders)
        expect(data.cart.shipping_total).toBe(55)
      })

      it("the order's shipping total is what the shipping options listed, by Medusa's cart routes and by the one-call checkout", async () => {
        const viaCart = await priced(JAIPUR)
        const { data: pc } = await api.post("/store/payment-collections", { cart_id: viaCart.cartId }, storeHeaders)
        await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, storeHeaders)
        const done = await shopper.complete(viaCart.cartId)
        expect([done.status, done.data.type]).toEqual([200, "order"])
        const shippingOf = async (orderId: string) => (await api.get(`/admin/orders/${orderId}?fields=shipping_total,total,item_total`, admin)).data.order
        expect((await shippingOf(done.data.order.id)).shipping_total).toBe(viaCart.listed)

        const variant = await shopper.variant("kaju-katli", "250 g")
        const cartId = await shopper.createCart([{ variant_id: variant.id, quantity: 1 }])
        await api.post(`/store/carts/${cartId}`, { shipping_address: PUNE }, storeHeaders)
        const listed = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
        expect(listed.amount).toBeGreaterThan(0)
        const placed = await post(`/store/carts/${cartId}/checkout`, { ...checkoutBody(listed.id, PUNE), metadata: deliveryChoice(3) })
        expect(placed.status).toBe(200)
        const order = await shippingOf(placed.data.order.id)
        expect(order.shipping_total).toBe(listed.amount)
        expect(order.total).toBe(order.item_total + listed.amount)
      })

      it("a pincode written with a space gets the pincode sentence when home delivery is chosen", async () => {
        const cartId = await cart()
        await api.post(`/store/carts/${cartId}`, { shipping_address: { ...PUNE, postal_code: "411 004" } }, storeHeaders)
        const res = await post(`/store/carts/${cartId}/shipping-methods`, { option_id: await optionId(cartId, "Home delivery") })
        expect([res.status, res.data.code]).toEqual([400, "invalid_pincode"])
      })

      it("a shopper cannot choose their area's price: what they send in the address's metadata is replaced by their pincode's area", async () => {
        // Jaipur's ₹90 cart claiming Pune's ₹40 (the key it would carry), on create and on update.
        const { data: puneCart } = await api.post("/store/carts?fields=id,*shipping_address", { region_id: (await api.get("/store/regions", storeHeaders)).data.regions[0].id, shipping_address: PUNE }, storeHeaders)
        expect(puneCart.cart.shipping_address.postal_code).toBe("411004")
        const puneKey = puneCart.cart.shipping_address.metadata.delivery_price_area
        expect(puneKey).toMatch(/^\d+$/)
        const forged = { ...JAIPUR, metadata: { delivery_price_area: puneKey, note: "gate 2" } }
        const variant = await shopper.variant("kaju-katli", "250 g")
        const created = await api.post("/store/carts?fields=id", { region_id: puneCart.cart.region_id, items: [{ variant_id: variant.id, quantity: 1 }], shipping_address: forged }, storeHeaders)
        const updated = await priced(forged)
        expect(updated).toMatchObject({ listed: 90, shipping: 90 })
        const listed = (await shopper.shippingOptions(created.data.cart.id)).find((o) => o.name === "Home delivery")!
        expect(listed.amount).toBe(90)
        // An update naming only the address's metadata keeps the key of the pincode it holds.
        const { data } = await api.get(`/store/carts/${updated.cartId}?fields=shipping_address.id`, storeHeaders)
        const partial = await post(`/store/carts/${updated.cartId}?fields=shipping_total,*shipping_address`, { shipping_address: { id: data.cart.shipping_address.id, metadata: { delivery_price_area: puneKey } } })
        expect(partial.status).toBe(200)
        expect(partial.data.cart.shipping_total).toBe(90)
        expect(partial.data.cart.shipping_address.metadata.delivery_price_area).not.toBe(puneKey)
        // Malformed addresses are Medusa's validator's to refuse, unchanged: a 400 with a sentence, never a 500.
        for (const address of [{ ...PUNE, metadata: "gate 2" }, { ...PUNE, postal_code: 411004 }, { ...PUNE, metadata: ["x"] }]) {
          const bad = await post(`/store/carts/${updated.cartId}`, { shipping_address: address })
          expect([bad.status, typeof bad.data.message]).toEqual([400, "string"])
        }
      })

      it("a cart whose pincode staff moved to another area since pays the new area's charge when it is ordered", async () => {
        const open = await priced(PUNE)
        expect(open.shipping).toBe(40)
        // Staff take 411004 out of Pune and into a new area, Pune Camp, at ₹70.
        expect((await api.post(`/admin/delivery-settings/areas/${puneId}`, { pincode_from: 411005, pincode_to: 411010, pincodes: ["411001", "411002", "411003"] }, admin)).status).toBe(200)
        const camp = await api.post("/admin/delivery-settings/areas", { name: "Pune Camp", city: "Pune", state: "Maharashtra", pincodes: ["411004"], delivery_charge_rupees: 70, free_above_rupees: null }, admin)
        expect(camp.status).toBe(200)
        const { data: pc } = await api.post("/store/payment-collections", { cart_id: open.cartId }, storeHeaders)
        const session = await post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
        expect(session.status).toBe(200)
        const done = await shopper.complete(open.cartId)
        expect([done.status, done.data.type]).toEqual([200, "order"])
        const { data } = await api.get(`/admin/orders/${done.data.order.id}?fields=shipping_total,total,item_total`, admin)
        expect(data.order.shipping_total).toBe(70)
        expect(data.order.total).toBe(data.order.item_total + 70)
      })

      it("staff adding home delivery to a phone order (a draft, Medusa's admin) get the address's area's charge, free from its threshold", async () => {
        const salesChannelId = (await api.get(`/admin/sales-channels?name=${encodeURIComponent(SHOP.salesChannelName)}`, admin)).data.sales_channels[0].id
        const homeDelivery = (await dbConnection.raw(`select id from shipping_option where name = 'Home delivery' and deleted_at is null`)).rows[0].id as string
        const variant = await shopper.variant("kaju-katli", "250 g")
        async function draftShipping(address: Record<string, unknown>, boxes: number) {
          const { data } = await api.post(
            "/admin/draft-orders",
            { email: "meera@example.in", region_id: await shopper.region(), sales_channel_id: salesChannelId, shipping_address: address, billing_address: address, items: [{ variant_id: variant.id, quantity: boxes }] },
            admin
          ).catch((e: any) => {
            throw new Error(`draft order refused: ${e.response?.status} ${JSON.stringify(e.response?.data)}`)
          })
          const id = data.draft_order.id as string
          expect((await api.post(`/admin/draft-orders/${id}/edit`, {}, admin)).status).toBe(200)
          expect((await api.post(`/admin/draft-orders/${id}/edit/shipping-methods`, { shipping_option_id: homeDelivery }, admin)).status).toBe(200)
          expect((await api.post(`/admin/draft-orders/${id}/edit/confirm`, {}, admin)).status).toBe(200)
          return (await api.get(`/admin/draft-orders/${id}?fields=shipping_total`, admin)).data.draft_order.shipping_total as number
        }
        expect(await draftShipping(JAIPUR, 1)).toBe(90)
        expect(await draftShipping(PUNE, 1)).toBe(40)
        expect(await draftShipping(PUNE, 2)).toBe(0) // exactly Pune's threshold
        expect(await draftShipping(DELHI_ADDRESS, 1)).toBe(60)
      })

      it("an area as large as a whole postal region is two prices, not one per pincode", async () => {
        const res = await api.post("/admin/delivery-settings/areas", { name: "All of Gujarat", city: "Ahmedabad", state: "Gujarat", pincode_from: 360000, pincode_to: 399999, delivery_charge_rupees: 120, free_above_rupees: 5000 }, admin)
        expect(res.status).toBe(200)
        const homes = (await dbConnection.raw(
          `select count(*)::int as n from price p join shipping_option_price_set sops on sops.price_set_id = p.price_set_id
             join shipping_option so on so.id = sops.shipping_option_id join shipping_option_type t on t.id = so.shipping_option_type_id
            where t.code = 'home-delivery' and p.deleted_at is null`
        )).rows[0].n as number
        // Per active area its charge, and 0 from its threshold where it has one; then the two prices without an area (New Delhi's).
        const areas = (await api.get("/admin/delivery-settings/areas", admin)).data.areas.filter((a: any) => a.active)
        const perArea = areas.reduce((n: number, a: any) => n + 1 + (a.free_above_rupees > 0 && a.delivery_charge_rupees > 0 ? 1 : 0), 0)
        expect(areas.length).toBe(8) // the seed's five, Pune, Jaipur, Gujarat
        expect(homes).toBe(perArea + 2)
        expect(homes).toBeLessThan(20)
        const gujarat = { ...DELHI_ADDRESS, address_1: "1 CG Road", city: "Ahmedabad", province: "Gujarat", postal_code: "380009" }
        expect(await priced(gujarat)).toMatchObject({ listed: 120, shipping: 120 })
      })
    })
  },
})
