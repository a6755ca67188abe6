import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, DELHI_ADDRESS, deliveryDay, seedShop, Shopper, shopperFor } from "../helpers/shopper"

/** A delivery day the checkout accepts (the backend refuses a past day). */
const DAY = deliveryDay(3)

jest.setTimeout(240_000)

/**
 * Issue 15, findings 4 and 6, over HTTP: malformed input that answered 500
 * (a NUL byte in ids, queries and bodies, a fractional quantity on Medusa's own
 * cart routes) is refused with a 400, a sentence and a stable code by one rule
 * in front of every route (src/lib/rules/input-hygiene.ts), and a checkout's metadata
 * is an allowlist (src/lib/rules/checkout-metadata.ts): the shop's own keys, such as
 * the order's `shop_status`, cannot come from a shopper. A refused request
 * changes nothing in the database.
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

    type Answer = { status: number; data: any }
    const call = (method: "get" | "post" | "delete", url: string, body?: unknown, headers = storeHeaders): Promise<Answer> =>
      (method === "get" ? api.get(url, headers) : method === "delete" ? api.delete(url, headers) : api.post(url, body, headers)).catch((e: any) => e.response)

    /** The tables a refused request must leave as they were. */
    async function counts() {
      const tables = ["cart", "cart_line_item", "cart_address", "customer", "order", "payment_collection", "payment_session", "notification", "pool_adjustment"]
      const { rows } = await dbConnection.raw(
        `select ${tables.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(", ")},
                (select coalesce(sum(stocked_quantity::numeric), 0)::text from inventory_level) as stocked`
      )
      const { rows: lines } = await dbConnection.raw(`select coalesce(sum(quantity::numeric), 0)::text as quantity, coalesce(max(updated_at), 'epoch')::text as changed from cart_line_item`)
      const { rows: carts } = await dbConnection.raw(`select coalesce(max(updated_at), 'epoch')::text as changed from cart`)
      return { ...rows[0], line_quantity: lines[0].quantity, lines_changed: lines[0].changed, carts_changed: carts[0].changed }
    }

    /** A 400 with the stable code and a sentence, and the database unchanged. */
    async function expectRefused(request: () => Promise<Answer>, code: string, mentions?: RegExp) {
      const before = await counts()
      const answer = await request()
      expect({ status: answer.status, code: answer.data?.code }).toEqual({ status: 400, code })
      expect(answer.data.type).toBe("invalid_data")
      expect(answer.data.message).toMatch(/^[A-Z"a-z].{10,}\.$/)
      if (mentions) expect(answer.data.message).toMatch(mentions)
      expect(await counts()).toEqual(before)
      return answer
    }

    async function cartWithKaju(quantity = 1) {
      const kaju = await shopper.variant("kaju-katli", "250 g")
      return { cartId: await shopper.createCart([{ variant_id: kaju.id, quantity }]), kaju }
    }

    const checkoutBody = (optionId: string, extra: Record<string, unknown> = {}) => ({
      email: "meera@example.in",
      shipping_address: { ...DELHI_ADDRESS },
      shipping_option_id: optionId,
      payment_provider_id: "pp_system_default",
      metadata: { delivery_date: DAY, delivery_slot: "morning", delivery_slot_label: "Morning, 9 am – 1 pm", fulfilment: "delivery", gift_message: "Happy Diwali!" },
      ...extra,
    })
    const homeDelivery = async (cartId: string) => (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!.id

    it("refuses a NUL byte in every place that answered 500: ids, queries, checkout fields, metadata, store and admin routes", async () => {
      const { cartId, kaju } = await cartWithKaju()
      const optionId = await homeDelivery(cartId)
      const nul = "\u0000"
      const cases: [string, () => Promise<Answer>][] = [
        ["checkout field", () => call("post", `/store/carts/${cartId}/checkout`, checkoutBody(optionId, { shipping_address: { ...DELHI_ADDRESS, first_name: `Pri${nul}ya` } }))],
        ["checkout email", () => call("post", `/store/carts/${cartId}/checkout`, checkoutBody(optionId, { email: `meera${nul}@example.in` }))],
        ["checkout metadata", () => call("post", `/store/carts/${cartId}/checkout`, checkoutBody(optionId, { metadata: { gift_message: `Happy${nul}` } }))],
        ["cart id", () => call("get", `/store/carts/cart_${encodeURIComponent(nul)}`)],
        ["cart id on checkout", () => call("post", `/store/carts/${encodeURIComponent(nul)}/checkout`, checkoutBody(optionId))],
        ["order id", () => call("get", `/store/orders/order_${encodeURIComponent(nul)}`)],
        ["stock check", () => call("get", `/store/carts/${encodeURIComponent(nul)}/stock-check`)],
        ["product pools", () => call("get", `/store/product-pools?product_id=${encodeURIComponent(nul)}`)],
        ["catalogue region_id", () => call("get", `/store/catalogue/products?region_id=${encodeURIComponent(nul)}`)],
        ["Medusa's product search", () => call("get", `/store/products?q=${encodeURIComponent(nul)}`)],
        ["Razorpay checkout response", () => call("post", "/store/razorpay/checkout-response", { cart_id: `cart_${nul}`, razorpay_order_id: "order_x", razorpay_payment_id: "pay_x", razorpay_signature: "0".repeat(64) })],
        ["cart metadata on Medusa's route", () => call("post", `/store/carts/${cartId}`, { metadata: { gift_message: nul } })],
        ["line item on Medusa's route", () => call("post", `/store/carts/${cartId}/line-items`, { variant_id: `${kaju.id}${nul}`, quantity: 1 })],
        ["admin product pool", () => call("get", `/admin/product-pools/prod_${encodeURIComponent(nul)}`, undefined, admin)],
        ["admin shop order", () => call("get", `/admin/shop-orders/order_${encodeURIComponent(nul)}`, undefined, admin)],
        ["admin order messages", () => call("get", `/admin/orders/order_${encodeURIComponent(nul)}/messages`, undefined, admin)],
        ["admin stock adjustment reason", () => call("post", `/admin/product-pools/${kaju.product_id}/adjustments`, { delta_units: 250, reason: `fresh${nul}batch` }, admin)],
        ["a field name", () => call("post", `/store/carts/${cartId}`, { [`email${nul}`]: "a@b.in" })],
        ["another control character", () => call("get", `/store/catalogue/products?q=${encodeURIComponent("laddoo\u0007")}`)],
      ]
      for (const [what, request] of cases) {
        try {
          await expectRefused(request, "control_characters", /control character \(U\+00(00|07)\)/)
        } catch (error: any) {
          throw new Error(`${what}: ${error.message}`)
        }
      }
      // Ordinary text with tabs and line breaks, and other scripts, still passes.
      const fine = await call("post", `/store/carts/${cartId}/checkout`, checkoutBody(optionId, { metadata: { gift_message: "दीवाली मुबारक!\n\tप्यार से 🎉" } }))
      expect(fine.status).toBe(200)
    })

    it("refuses a malformed percent-encoding in the path with a 400, where Express itself would answer 500", async () => {
      const { cartId } = await cartWithKaju()
      const cases: ["get" | "post", string, unknown, typeof admin][] = [
        ["post", `/store/carts/${cartId}/line-items/%E0%A4`, { quantity: 1 }, storeHeaders],
        ["get", "/store/carts/%zz", undefined, storeHeaders],
        ["get", "/admin/shop-orders/%E0%A4", undefined, admin],
      ]
      for (const [method, url, body, headers] of cases) {
        await expectRefused(() => call(method, url, body, headers), "malformed_url", /malformed percent-encoding/)
      }
    })

    it("refuses quantities that are not whole numbers from 1 to 1000 on Medusa's own cart routes, and takes 0 to remove a line", async () => {
      const { cartId, kaju } = await cartWithKaju()
      for (const quantity of [1.5, 0, -1, 1001, 1e308, "2", null, [1], { n: 1 }]) {
        await expectRefused(() => call("post", `/store/carts/${cartId}/line-items`, { variant_id: kaju.id, quantity }), "invalid_quantity", /quantity must be a whole number from 1 to 1,000/)
      }
      const regionId = await shopper.region()
      await expectRefused(() => call("post", "/store/carts", { region_id: regionId, items: [{ variant_id: kaju.id, quantity: 2.5 }] }), "invalid_quantity", /items\[0\]\.quantity/)
      const { data } = await call("get", `/store/carts/${cartId}`)
      const lineId = data.cart.items[0].id
      await expectRefused(() => call("post", `/store/carts/${cartId}/line-items/${lineId}`, { quantity: 0.5 }), "invalid_quantity", /from 0 to 1,000 \(0 removes the line\)/)
      // Whole quantities work as before; 0 on a line's update removes it.
      expect((await call("post", `/store/carts/${cartId}/line-items/${lineId}`, { quantity: 2 })).status).toBe(200)
      const removed = await call("post", `/store/carts/${cartId}/line-items/${lineId}`, { quantity: 0 })
      expect(removed.status).toBe(200)
      expect(removed.data.cart.items).toHaveLength(0)
    })

    it("refuses paging Medusa would hand to PostgreSQL as it is (a negative or huge limit or offset)", async () => {
      for (const paging of ["limit=-1", "offset=-5", "limit=1.5", "offset=99999999999999999999", "limit=abc"]) {
        await expectRefused(() => call("get", `/store/regions?${paging}`), "invalid_paging", /^query\.(limit|offset) must be a whole number from 0 to 2,14,74,83,647\.$/)
      }
      await expectRefused(() => call("get", "/admin/products?limit=-1", undefined, admin), "invalid_paging")
      expect((await call("get", "/store/regions?limit=5&offset=0")).status).toBe(200)
    })

    it("answers 404 for a cart, line or payment collection that does not exist, and never deletes a line named under another cart", async () => {
      const { cartId } = await cartWithKaju()
      const other = await cartWithKaju()
      const { data } = await call("get", `/store/carts/${cartId}`)
      const lineId = data.cart.items[0].id
      const before = await counts()
      // The line of the first cart, named under the second cart's id and under ids that are no cart at all.
      for (const wrongCart of [other.cartId, await shopper.region(), "cart_01NOTACARTATALL"]) {
        const deleted = await call("delete", `/store/carts/${wrongCart}/line-items/${lineId}`)
        expect(deleted.status).toBe(404)
        expect(deleted.data.message).toMatch(/^(Cart .* was not found\. Please add the sweets to a new cart\.|This cart has no line .*\.)$/)
      }
      expect((await call("post", "/store/carts/cart_01NOTACARTATALL/line-items", { variant_id: other.kaju.id, quantity: 1 })).status).toBe(404)
      expect((await call("post", "/store/carts/cart_01NOTACARTATALL/shipping-methods", { option_id: "so_01NOTANOPTION" })).status).toBe(404)
      const session = await call("post", "/store/payment-collections/pay_col_01NOTACOLLECTION/payment-sessions", { provider_id: "pp_system_default" })
      expect(session.status).toBe(404)
      expect(session.data.message).toBe("Payment collection pay_col_01NOTACOLLECTION was not found.")
      expect(await counts()).toEqual(before)
      const still = await call("get", `/store/carts/${cartId}`)
      expect(still.data.cart.items.map((i: any) => i.id)).toEqual([lineId])
      // Under its own cart, the line is removed as before.
      const removed = await call("delete", `/store/carts/${cartId}/line-items/${lineId}`)
      expect(removed.status).toBe(200)
    })

    it("refuses bidirectional overrides and invisible-only text in names and addresses, and keeps them elsewhere", async () => {
      const { cartId } = await cartWithKaju()
      const optionId = await homeDelivery(cartId)
      await expectRefused(
        () => call("post", `/store/carts/${cartId}`, { shipping_address: { ...DELHI_ADDRESS, first_name: "\u202Eayirp" } }),
        "bidi_override",
        /shipping_address\.first_name contains a bidirectional override character \(U\+202E\)/
      )
      await expectRefused(
        () => call("post", `/store/carts/${cartId}/checkout`, checkoutBody(optionId, { shipping_address: { ...DELHI_ADDRESS, address_1: "221 \u2066Lajpat\u2069 Nagar" } })),
        "bidi_override"
      )
      await expectRefused(
        () => call("post", `/store/carts/${cartId}/checkout`, checkoutBody(optionId, { shipping_address: { ...DELHI_ADDRESS, city: "\u200B\u200D\uFEFF" } })),
        "invisible_text",
        /shipping_address\.city is made only of invisible characters/
      )
      // A name in another script, with an ordinary joiner inside, is a name.
      const named = await call("post", `/store/carts/${cartId}`, { shipping_address: { ...DELHI_ADDRESS, first_name: "प्रिया", last_name: "शर्मा\u200D" } })
      expect(named.status).toBe(200)
    })

    it("refuses __proto__ and constructor keys and bodies nested beyond reason, quickly and without changing anything", async () => {
      const { cartId } = await cartWithKaju()
      const raw = (url: string, body: string) =>
        api.post(url, body, { headers: { ...storeHeaders.headers, "content-type": "application/json" }, transformRequest: [(d: unknown) => d] }).catch((e: any) => e.response)
      await expectRefused(() => raw(`/store/carts/${cartId}`, `{"metadata":{"__proto__":{"shop_status":"delivered"}}}`), "forbidden_key", /"__proto__" is not accepted/)
      await expectRefused(() => raw(`/store/carts/${cartId}`, `{"shipping_address":{"constructor":{"prototype":{}}}}`), "forbidden_key")
      // 20,000 levels of arrays (40 KB): refused at level 16 by a loop, not a recursion.
      const deep = "[".repeat(20_000) + "]".repeat(20_000)
      const started = Date.now()
      await expectRefused(() => raw(`/store/carts/${cartId}`, `{"metadata":${deep}}`), "too_deep", /nested more than 16 levels/)
      expect(Date.now() - started).toBeLessThan(2_000)
      // A 17-level object in metadata too.
      let nested: any = "x"
      for (let i = 0; i < 17; i++) nested = { a: nested }
      await expectRefused(() => call("post", `/store/carts/${cartId}`, { metadata: nested }), "too_deep")
    })

    it("inspects webhooks without rewriting them: a NUL byte is refused, a clean delivery passes on to its own checks", async () => {
      const nul = await call("post", "/hooks/payment/razorpay_razorpay", { event: "payment.captured\u0000" }, { headers: {} })
      expect({ status: nul.status, code: nul.data?.code }).toEqual({ status: 400, code: "control_characters" })
      const twilio = await api
        .post("/hooks/twilio/status", "MessageSid=SM1&MessageStatus=deliv%00ered", { headers: { "content-type": "application/x-www-form-urlencoded" } })
        .catch((e: any) => e.response)
      expect({ status: twilio.status, code: twilio.data?.code }).toEqual({ status: 400, code: "control_characters" })
      // A clean delivery passes on to the payment webhook's own handling (its signature is checked there, on the raw body).
      const clean = await call("post", "/hooks/payment/razorpay_razorpay", { event: "payment.captured", payload: {} }, { headers: {} })
      expect(clean.status).toBeLessThan(500)
      expect(clean.data?.code).not.toBe("control_characters")
    })

    it("refuses checkout metadata the shop keeps for itself (shop_status) on the one-call checkout and on Medusa's cart routes", async () => {
      const { cartId } = await cartWithKaju()
      const optionId = await homeDelivery(cartId)
      const checkout = await call("post", `/store/carts/${cartId}/checkout`, checkoutBody(optionId, { metadata: { gift_message: "Enjoy", shop_status: "delivered" } }))
      expect(checkout.status).toBe(400)
      expect(checkout.data.message).toBe(
        "metadata.shop_status cannot be set at checkout: a checkout carries only fulfilment, delivery_date, delivery_slot, delivery_slot_label, gift_message, message_language, festival."
      )
      const before = await counts()
      for (const request of [
        () => call("post", `/store/carts/${cartId}`, { metadata: { shop_status: "delivered" } }),
        async () => call("post", "/store/carts", { region_id: await shopper.region(), metadata: { shop_status: "delivered" } }),
        () => call("post", `/store/carts/${cartId}`, { metadata: { message_language: "fr" } }),
        () => call("post", `/store/carts/${cartId}`, { metadata: { gift_message: "x".repeat(501) } }),
        () => call("post", `/store/carts/${cartId}`, { metadata: { delivery_date: "tomorrow" } }),
      ]) {
        const answer = await request()
        expect({ status: answer.status, code: answer.data.code }).toEqual({ status: 400, code: "metadata_not_allowed" })
        expect(answer.data.message).toMatch(/^metadata\.\w+ .+\.$/)
      }
      expect(await counts()).toEqual(before)
      const { rows } = await dbConnection.raw(`select metadata from cart where id = ?`, [cartId])
      expect(rows[0].metadata?.shop_status).toBeUndefined()

      // What the storefront sends is taken, and the order carries it, without any status of the shop's.
      expect((await call("post", `/store/carts/${cartId}`, { metadata: { message_language: "hi" } })).status).toBe(200)
      const done = await call("post", `/store/carts/${cartId}/checkout`, checkoutBody(optionId))
      expect(done.status).toBe(200)
      const order = (await dbConnection.raw(`select metadata from "order" where id = ?`, [done.data.order.id])).rows[0]
      expect(order.metadata).toEqual({
        delivery_date: DAY,
        delivery_slot: "morning",
        delivery_slot_label: "Morning, 9 am – 1 pm",
        fulfilment: "delivery",
        gift_message: "Happy Diwali!",
        message_language: "hi",
        // Written by the checkout itself (a client may not send it): the order names its cart even if Medusa's link is lost.
        checkout_cart_id: cartId,
      })
    })

    it("a request on a cart another request holds locked past Medusa's wait is a 409 busy with a sentence, not a 500, and changes nothing", async () => {
      const { cartId } = await cartWithKaju()
      const locking = getContainer().resolve(Modules.LOCKING)
      // Another request (another owner) holds the cart's lock, as Medusa's cart workflows take it.
      await locking.acquire(cartId, { ownerId: "another-request", expire: 30 })
      try {
        const before = await counts()
        const answer = await call("post", `/store/carts/${cartId}`, { email: "meera@example.in" })
        expect({ status: answer.status, code: answer.data?.code, type: answer.data?.type }).toEqual({ status: 409, code: "busy", type: "conflict" })
        expect(answer.data.message).toMatch(/try again/)
        expect(await counts()).toEqual(before)
      } finally {
        await locking.release(cartId, { ownerId: "another-request" })
      }
      // Released, the same request goes through.
      expect((await call("post", `/store/carts/${cartId}`, { email: "meera@example.in" })).status).toBe(200)
    })
  },
})
