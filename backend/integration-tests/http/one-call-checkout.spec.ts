import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, DELHI_ADDRESS, deliveryDay, seedShop, Shopper, shopperFor } from "../helpers/shopper"
import { rewindToStoppedCompletion } from "../helpers/stopped-completion"

/** A delivery day the checkout accepts (the backend refuses a past day). */
const DAY = deliveryDay(3)

jest.setTimeout(240_000)

/**
 * Checkout in one request (POST /store/carts/:id/checkout): the same Medusa
 * workflows and the same shop rules as the eight-call flow, in one round trip.
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

    async function cartWith(handle: string, size: string, quantity: number) {
      const variant = await shopper.variant(handle, size)
      return { cartId: await shopper.createCart([{ variant_id: variant.id, quantity }]), variant }
    }

    const delivery = async (cartId: string) => (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!.id

    const checkout = (cartId: string, body: Record<string, unknown>) =>
      api.post(`/store/carts/${cartId}/checkout`, body, storeHeaders).catch((e: any) => e.response)

    const body = (optionId: string, extra: Record<string, unknown> = {}) => ({
      email: "meera@example.in",
      shipping_address: { ...DELHI_ADDRESS, phone: "98765 43210" },
      shipping_option_id: optionId,
      payment_provider_id: "pp_system_default",
      metadata: { delivery_date: DAY, delivery_slot: "10:00–13:00", gift_message: "Happy Diwali!" },
      ...extra,
    })

    it("turns a cart into a cash-on-delivery order in one request, as the eight calls would", async () => {
      const { cartId } = await cartWith("kaju-katli", "500 g", 2)
      const done = await checkout(cartId, body(await delivery(cartId)))
      expect(done.status).toBe(200)
      // ₹600 × 2 = ₹1,200: free delivery from ₹999.
      expect(done.data).toEqual({ type: "order", order: { id: expect.any(String), display_id: expect.any(Number), total: 1200, currency_code: "inr" } })

      const { rows } = await dbConnection.raw(
        `select o.email, o.metadata, a.phone, a.postal_code,
                (select count(*)::int from order_shipping os where os.order_id = o.id and os.deleted_at is null) as shipping_methods
           from "order" o join order_address a on a.id = o.shipping_address_id where o.id = ?`,
        [done.data.order.id]
      )
      expect(rows[0]).toMatchObject({ email: "meera@example.in", phone: "+919876543210", postal_code: "110024", shipping_methods: 1 })
      expect(rows[0].metadata).toMatchObject({ delivery_date: DAY, delivery_slot: "10:00–13:00", gift_message: "Happy Diwali!" })
      const again = await checkout(cartId, body(await delivery(cartId)))
      expect(again.status).toBe(400)
      expect(again.data.message).toBe("This cart has already been ordered.")
    })

    it("a completion killed after writing the order and before linking it: pressing again returns that order, linked, reserved and paid by cash on delivery; no second order", async () => {
      const { cartId } = await cartWith("kaju-katli", "250 g", 2)
      const first = await checkout(cartId, body(await delivery(cartId)))
      expect(first.status).toBe(200)
      const { order_id } = await rewindToStoppedCompletion(dbConnection, cartId)
      const orders = async () => (await dbConnection.raw(`select count(*)::int as n from "order" where deleted_at is null`)).rows[0].n as number
      const before = await orders()

      const again = await checkout(cartId, body(await delivery(cartId)))
      expect(again.status).toBe(200)
      expect(again.data).toMatchObject({ type: "order", order: { id: order_id } })
      expect(await orders()).toBe(before)
      const { rows } = await dbConnection.raw(
        `select (select count(*)::int from order_cart where cart_id = ? and order_id = ? and deleted_at is null) as cart_links,
                (select count(*)::int from order_payment_collection opc join cart_payment_collection cpc on cpc.payment_collection_id = opc.payment_collection_id
                  where cpc.cart_id = ? and opc.order_id = ? and opc.deleted_at is null) as collection_links,
                (select count(*)::int from payment p join cart_payment_collection cpc on cpc.payment_collection_id = p.payment_collection_id
                  where cpc.cart_id = ? and p.deleted_at is null and p.provider_id = 'pp_system_default') as payments,
                (select coalesce(sum(r.quantity), 0)::int from reservation_item r join order_item oi on oi.item_id = r.line_item_id
                  where oi.order_id = ? and r.deleted_at is null) as reserved_grams,
                (select completed_at is not null from cart where id = ?) as completed`,
        [cartId, order_id, cartId, order_id, cartId, order_id, cartId]
      )
      expect(rows[0]).toEqual({ cart_links: 1, collection_links: 1, payments: 1, reserved_grams: 500, completed: true })
      // And now it is an ordinary ordered cart.
      const third = await checkout(cartId, body(await delivery(cartId)))
      expect(third.status).toBe(400)
      expect(third.data.code).toBe("cart_completed")
    })

    it("takes a second try on the same cart: the new delivery choice replaces the old, and the total follows it", async () => {
      // ₹300 of sweets: store pickup is free, home delivery ₹60 below ₹999.
      const { cartId } = await cartWith("kaju-katli", "250 g", 1)
      const options = await shopper.shippingOptions(cartId)
      const pickup = options.find((o) => o.name === "Store pickup")!.id
      const failed = await checkout(cartId, body(pickup, { payment_provider_id: "pp_no_such_provider" }))
      expect(failed.status).toBeGreaterThanOrEqual(400)
      expect(failed.status).toBeLessThan(500)
      expect(failed.data.message).toMatch(/payment/i)

      const done = await checkout(cartId, body(await delivery(cartId)))
      expect(done.status).toBe(200)
      expect(done.data.order.total).toBe(360)
      const { rows } = await dbConnection.raw(
        `select (select count(*)::int from order_shipping os where os.order_id = o.id and os.deleted_at is null) as shipping_methods,
                (select sm.name from order_shipping os join order_shipping_method sm on sm.id = os.shipping_method_id
                  where os.order_id = o.id and os.deleted_at is null limit 1) as method,
                (select pc.amount::int from order_payment_collection opc join payment_collection pc on pc.id = opc.payment_collection_id
                  where opc.order_id = o.id and opc.deleted_at is null limit 1) as collected
           from "order" o where o.id = ?`,
        [done.data.order.id]
      )
      expect(rows[0]).toEqual({ shipping_methods: 1, method: "Home delivery", collected: 360 })
    })

    it("refuses what the shop refuses, with the same sentences, and places no order", async () => {
      const orders = async () => (await dbConnection.raw(`select count(*)::int as n from "order"`)).rows[0].n as number
      const before = await orders()
      const { cartId } = await cartWith("kaju-katli", "250 g", 1)
      const optionId = await delivery(cartId)

      const phone = await checkout(cartId, body(optionId, { shipping_address: { ...DELHI_ADDRESS, phone: "12345" } }))
      expect(phone.status).toBe(400)
      expect(phone.data.message).toBe("Please give a 10-digit Indian mobile number, for example 98765 43210, so we can send you order updates.")
      const { data: unchanged } = await api.get(`/store/carts/${cartId}?fields=email`, storeHeaders)
      expect(unchanged.cart.email).toBeNull()

      const pin = await checkout(cartId, body(optionId, { shipping_address: { ...DELHI_ADDRESS, postal_code: "1100" } }))
      expect(pin.data.message).toBe("postal_code must be a 6-digit PIN code.")
      expect((await checkout(cartId, { ...body(optionId), coupon: "FREE" })).data.message).toBe("unknown field coupon.")

      // Cash on delivery is capped (₹5,000 by default): 5 kg of kaju katli is ₹6,000.
      const kilo = await shopper.variant("kaju-katli", "1 kg")
      await api.post(`/admin/product-pools/${kilo.product_id}/adjustments`, { set_to_units: 20_000, reason: "Festival batch" }, await adminHeaders(api))
      const { cartId: big } = await cartWith("kaju-katli", "1 kg", 5)
      const capped = await checkout(big, body(await delivery(big)))
      expect(capped.status).toBe(400)
      expect(capped.data.message).toBe("Cash on delivery is available for orders up to ₹5,000; this order is ₹6,000. Please pay online.")

      // The pool guard still has the last word at completion.
      const { cartId: first } = await cartWith("rasgulla", "12 pieces", 20)
      const { cartId: second } = await cartWith("rasgulla", "12 pieces", 10)
      expect((await checkout(first, body(await delivery(first)))).status).toBe(200)
      const short = await checkout(second, body(await delivery(second)))
      expect(short.status).toBe(400)
      expect(short.data.message).toBe("Only 60 pieces of Rasgulla left; your cart needs 120 pieces.")
      expect(await orders()).toBe(before + 1)
    })

    it("refuses an empty cart before writing anything to it", async () => {
      const { data } = await api.post("/store/carts", { region_id: await shopper.region() }, storeHeaders)
      const cartId = data.cart.id as string
      const { cartId: other } = await cartWith("kaju-katli", "250 g", 1)
      const state = async () =>
        (
          await dbConnection.raw(
            `select c.email, c.updated_at, a.postal_code, a.updated_at as address_updated_at,
                    (select count(*)::int from cart_shipping_method m where m.cart_id = c.id) as methods,
                    (select count(*)::int from cart_payment_collection p where p.cart_id = c.id) as collections
               from cart c left join cart_address a on a.id = c.shipping_address_id where c.id = ?`,
            [cartId]
          )
        ).rows[0]
      const before = await state()
      const refused = await checkout(cartId, body(await delivery(other)))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("Your cart is empty. Please add sweets before checking out.")
      expect(await state()).toEqual(before)
      expect(before).toMatchObject({ email: null, methods: 0, collections: 0 })
    })

    it("lets exactly as many of 12 simultaneous one-call checkouts through as the pool allows, and never below zero", async () => {
      const kilo = await shopper.variant("badam-barfi", "1 kg")
      await api.post(`/admin/product-pools/${kilo.product_id}/adjustments`, { set_to_units: 5_000, reason: "Last trays" }, await adminHeaders(api))
      const orders = async () => (await dbConnection.raw(`select count(*)::int as n from "order"`)).rows[0].n as number
      const before = await orders()
      const carts = await Promise.all(Array.from({ length: 12 }, () => cartWith("badam-barfi", "1 kg", 1)))
      const optionId = await delivery(carts[0].cartId)
      const answers = await Promise.all(
        carts.map(({ cartId }, i) => checkout(cartId, body(optionId, { email: `race${i}@example.in`, metadata: undefined })))
      )
      const placed = answers.filter((a) => a.status === 200 && a.data.type === "order")
      expect(placed).toHaveLength(5)
      for (const refused of answers.filter((a) => a.status !== 200)) {
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/^Badam Barfi is sold out; please remove it from your cart\.$|^Only [\d,]+ g of Badam Barfi left; your cart needs 1,000 g\.$/)
      }
      expect(await orders()).toBe(before + 5)
      const { rows } = await dbConnection.raw(
        `select stocked_quantity::int as stocked, reserved_quantity::int as reserved from inventory_level where inventory_item_id = ? and deleted_at is null`,
        [kilo.pool_id]
      )
      expect(rows[0]).toEqual({ stocked: 5_000, reserved: 5_000 })
    })
  },
})
