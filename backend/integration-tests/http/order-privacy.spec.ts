import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeTwilio, startFakeTwilio } from "@sweetshop/sandbox"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { DELHI_ADDRESS, seedShop, Shopper, shopperFor, twilioEnv, useFakeBeforeBoot } from "../helpers/shopper"

jest.setTimeout(300_000)

/**
 * Orders are private by default (plugins/order-lifecycle, src/api/middlewares.ts): with
 * only the public publishable key and an id (an order's, a completed cart's, or what a
 * tracking link's token decodes to), the store API answers no name, address, phone,
 * email or items. The browser that placed the order (its order token) and the logged-in
 * customer who owns it still see it in full.
 */
let twilio: FakeTwilio

useFakeBeforeBoot(async () => {
  twilio = await startFakeTwilio()
  return { fake: twilio, env: { ...twilioEnv(twilio) } }
})

/** What must never reach a stranger: the shopper's street, pincode, phone, email, name. */
const PERSONAL = ["Lajpat", "110024", "9876543210", "priya@example.in", "Priya", "Sharma"]

/** Every readable part of a token: each dot-separated segment, base64url-decoded. */
const decoded = (token: string) => [token, ...token.split(".").map((part) => Buffer.from(part, "base64url").toString("latin1"))].join("\n")

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

    beforeEach(async () => {
      shopper = shopperFor(api, storeHeaders)
      twilio.messages.length = 0
      await getContainer().resolve<any>("order_lifecycle").resetRateLimits()
    })

    const call = (method: "get" | "post" | "delete", path: string, body?: unknown, extra: Record<string, string> = {}) => {
      const config = { headers: { ...storeHeaders.headers, ...extra }, validateStatus: () => true }
      return method === "post" ? api.post(path, body ?? {}, config) : api[method](path, config)
    }

    /** A cash-on-delivery order through Medusa's own store routes, optionally as a logged-in customer. */
    async function placeOrder(auth: Record<string, string> = {}) {
      const headers = { headers: { ...storeHeaders.headers, ...auth } }
      const kaju = await shopper.variant("kaju-katli", "500 g")
      const { data: created } = await api.post("/store/carts", { region_id: await shopper.region() }, headers)
      const cartId = created.cart.id as string
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: kaju.id, quantity: 1 }, headers)
      await api.post(`/store/carts/${cartId}`, { email: "priya@example.in", shipping_address: DELHI_ADDRESS }, headers)
      const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: delivery.id }, headers)
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
      expect(completed.data.type).toBe("order")
      // The one who completes the cart gets the order as Medusa answers it (they just typed it all in).
      expect(completed.data.order.shipping_address.address_1).toBe("221 Lajpat Nagar")
      return { cartId, order: completed.data.order as { id: string; display_id: number; total: number } }
    }

    /** A registered, logged-in customer: Medusa's own auth routes. */
    async function customer(email: string) {
      const password = "a-long-password-1"
      const { data: registered } = await api.post("/auth/customer/emailpass/register", { email, password })
      await api.post("/store/customers", { email, first_name: "Asha" }, { headers: { ...storeHeaders.headers, authorization: `Bearer ${registered.token}` } })
      const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
      return { authorization: `Bearer ${login.token}` }
    }

    const expectNothingPersonal = (body: unknown) => {
      const shown = JSON.stringify(body)
      for (const secret of PERSONAL) expect(shown).not.toContain(secret)
    }

    it("answers an order id alone like an unknown id: GET /store/orders/:id shows nothing", async () => {
      const { order } = await placeOrder()
      const unknown = await call("get", "/store/orders/order_01JZZZZZZZZZZZZZZZZZZZZZZZ")
      expect(unknown.status).toBe(404)
      for (const path of [
        `/store/orders/${order.id}`,
        `/store/orders/${order.id}?fields=*shipping_address,email,*items,*customer,*billing_address`,
      ]) {
        const refused = await call("get", path)
        expect(refused.status).toBe(404)
        expect(refused.data).toEqual({ type: "not_found", message: `Order id not found: ${order.id}` })
        expect(Object.keys(refused.data)).toEqual(Object.keys(unknown.data))
        expectNothingPersonal(refused.data)
      }
      // A tracking link's token is no proof (it opens the masked view only), nor is another order's token.
      const lifecycle = getContainer().resolve<any>("order_lifecycle")
      const tracking = await lifecycle.trackingTokenFor(order.id)
      const { order: other } = await placeOrder()
      const othersToken = (await lifecycle.orderTokenFor(other.id)).token
      for (const token of [tracking, othersToken, "nonsense", `${othersToken}x`]) {
        const refused = await call("get", `/store/orders/${order.id}`, undefined, { "x-order-token": token })
        expect(refused.status).toBe(404)
        expectNothingPersonal(refused.data)
      }
      // Medusa's list of orders needs a logged-in customer.
      expect((await call("get", "/store/orders")).status).toBe(401)
    })

    it("shows nothing of a completed cart to whoever holds its id", async () => {
      const { cartId, order } = await placeOrder()
      const kaju = await shopper.variant("kaju-katli", "500 g")
      const stranger = await customer("stranger@example.in")
      const probes: [string, "get" | "post" | "delete", string, unknown?, Record<string, string>?][] = [
        ["read", "get", `/store/carts/${cartId}`],
        ["read with every field", "get", `/store/carts/${cartId}?fields=*shipping_address,email,*items,*customer`],
        ["update", "post", `/store/carts/${cartId}`, { email: "attacker@example.in" }],
        ["add a line", "post", `/store/carts/${cartId}/line-items`, { variant_id: kaju.id, quantity: 1 }],
        ["add a shipping method", "post", `/store/carts/${cartId}/shipping-methods`, { option_id: "so_123" }],
        ["promotions", "post", `/store/carts/${cartId}/promotions`, { promo_codes: ["X"] }],
        ["taxes", "post", `/store/carts/${cartId}/taxes`, {}],
        ["take it over as a customer", "post", `/store/carts/${cartId}/customer`, {}, stranger],
      ]
      for (const [what, method, path, body, auth] of probes) {
        const answer = await call(method, path, body, auth)
        expectNothingPersonal(answer.data)
        if (what.startsWith("read") || what === "taxes") {
          // What would answer the cart in full answers as for an unknown cart.
          expect([what, answer.status]).toEqual([what, 404])
          expect(answer.data).toEqual({ type: "not_found", message: `Cart with id '${cartId}' not found` })
        } else if (["update", "add a line", "add a shipping method"].includes(what)) {
          // Refused before Medusa's handler (which writes an update's address before refusing): nothing of the cart, nothing changed.
          expect([what, answer.status, answer.data]).toEqual([
            what,
            400,
            { type: "not_allowed", code: "cart_completed", message: "This cart has already been ordered. Please add the sweets to a new cart." },
          ])
        } else {
          // Medusa's own changes refuse a completed cart, with a sentence and nothing of the cart.
          expect([what, answer.status, answer.data]).toEqual([what, 400, { type: "invalid_data", message: `Cart ${cartId} is already completed.` }])
        }
      }
      // Completing it again answers the order's number and total only.
      const again = await call("post", `/store/carts/${cartId}/complete`)
      expect(again.status).toBe(200)
      expect(again.data).toEqual({
        type: "order",
        order: { id: order.id, display_id: order.display_id, status: "pending", currency_code: "inr", total: order.total, created_at: expect.any(String) },
      })
      expectNothingPersonal(again.data)
      // Nothing changed: the order still has its own email.
      const { rows } = await dbConnection.raw(`select email from "order" where id = ?`, [order.id])
      expect(rows).toEqual([{ email: "priya@example.in" }])
    })

    it("shows a stranger's transfer request and return nothing of someone else's order", async () => {
      const { order } = await placeOrder()
      const stranger = await customer("taker@example.in")
      const transfer = await call("post", `/store/orders/${order.id}/transfer/request`, {}, stranger)
      expect(transfer.status).toBe(404)
      expectNothingPersonal(transfer.data)
      const cancel = await call("post", `/store/orders/${order.id}/transfer/cancel`, {}, stranger)
      expect(cancel.status).toBe(404)
      expectNothingPersonal(cancel.data)
      const ret = await call("post", "/store/returns", { order_id: order.id, items: [], return_shipping: { option_id: "so_1" } })
      expect(ret.status).toBe(404)
      expectNothingPersonal(ret.data)
      const { rows } = await dbConnection.raw(`select count(*)::int as n from "return" where order_id = ?`, [order.id])
      expect(rows[0].n).toBe(0)
    })

    it("hides the order in every tracking link: its token, decoded, holds no order id and no personal data", async () => {
      const { order } = await placeOrder()
      const lifecycle = getContainer().resolve<any>("order_lifecycle")
      const url: string = await lifecycle.trackingUrlFor(order.id)
      const token = url.split("/track/")[1]
      const shown = decoded(token)
      expect(shown).not.toContain(order.id)
      expect(shown).not.toContain(order.id.replace(/^order_/, ""))
      for (const secret of PERSONAL) expect(shown).not.toContain(secret)
      // The link opens the masked view, and that view names no one.
      const opened = await call("get", `/store/order-tracking/links/${token}`)
      expect(opened.status).toBe(200)
      expect(opened.data.order.order_number).toBe(order.display_id)
      expectNothingPersonal(opened.data)
      expect(JSON.stringify(opened.data)).not.toContain(order.id)

      // The link in the order-placed SMS is such a token too.
      await events.settled()
      const sms = twilio.messages.filter((m) => m.to === "+919876543210" && (m.body ?? "").includes(`#${order.display_id} placed`)).pop()
      expect(sms).toBeDefined()
      const sent = /\/track\/(\S+)$/.exec(sms!.body!)![1]
      expect(decoded(sent)).not.toContain(order.id)
      expect((await call("get", `/store/order-tracking/links/${sent}`)).data.order.order_number).toBe(order.display_id)
    })

    it("gives the storefront that placed the order its tokens, and the order token opens the order in full", async () => {
      const { cartId, order } = await placeOrder()
      const confirmation = await call("post", "/store/order-tracking/confirmations", { cart_id: cartId })
      expect(confirmation.status).toBe(200)
      expect(confirmation.data).toEqual({
        order_id: order.id,
        order_number: order.display_id,
        order_token: expect.any(String),
        order_token_expires_at: expect.any(String),
        tracking_token: expect.any(String),
      })
      const { order_token, tracking_token } = confirmation.data
      for (const token of [order_token, tracking_token]) expect(decoded(token)).not.toContain(order.id)
      const hours = (Date.parse(confirmation.data.order_token_expires_at) - Date.now()) / 3_600_000
      expect(hours).toBeGreaterThan(23.9)
      expect(hours).toBeLessThanOrEqual(24)

      const full = await call("get", `/store/orders/${order.id}?fields=id,email,*shipping_address,*items`, undefined, { "x-order-token": order_token })
      expect(full.status).toBe(200)
      expect(full.data.order).toMatchObject({ id: order.id, email: "priya@example.in", shipping_address: { address_1: "221 Lajpat Nagar", phone: "+919876543210" } })
      expect(full.data.order.items).toHaveLength(1)
      // The tracking token in the confirmation page's URL opens the masked view only.
      expect((await call("get", `/store/orders/${order.id}`, undefined, { "x-order-token": tracking_token })).status).toBe(404)
      expect((await call("get", `/store/order-tracking/links/${tracking_token}`)).data.order.order_number).toBe(order.display_id)

      // Only a recently completed cart gets them; anything else is a 404 or a 400 with a sentence.
      const open = await shopper.createCart([])
      const answers = await Promise.all([
        call("post", "/store/order-tracking/confirmations", { cart_id: open }),
        call("post", "/store/order-tracking/confirmations", { cart_id: "cart_01JZZZZZZZZZZZZZZZZZZZZZZZ" }),
      ])
      expect(answers.map((a) => a.status)).toEqual([404, 404])
      expect(answers[0].data.message).toBe("We could not find a recent order from that cart. Track your order with its number and your phone number instead.")
      await dbConnection.raw(`update cart set completed_at = now() - interval '31 minutes' where id = ?`, [cartId])
      expect((await call("post", "/store/order-tracking/confirmations", { cart_id: cartId })).status).toBe(404)
      for (const bad of [{}, { cart_id: 42 }, { cart_id: "order_123" }, { cart_id: cartId, extra: 1 }, { cart_id: "cart_\u0000abcdefghij" }]) {
        const refused = await call("post", "/store/order-tracking/confirmations", bad)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/^[A-Za-z_].*\.$/)
      }
    })

    it("shows the logged-in customer their own order, and no one else's", async () => {
      const owner = await customer("owner@example.in")
      const { cartId, order } = await placeOrder(owner)
      const mine = await call("get", `/store/orders/${order.id}?fields=id,email,*shipping_address`, undefined, owner)
      expect(mine.status).toBe(200)
      expect(mine.data.order.shipping_address.address_1).toBe("221 Lajpat Nagar")
      expect((await call("get", `/store/carts/${cartId}`, undefined, owner)).status).toBe(200)
      const listed = await call("get", "/store/orders", undefined, owner)
      expect(listed.data.orders.map((o: { id: string }) => o.id)).toEqual([order.id])

      const someoneElse = await customer("someone@example.in")
      const refused = await call("get", `/store/orders/${order.id}`, undefined, someoneElse)
      expect(refused.status).toBe(404)
      expectNothingPersonal(refused.data)
      expect((await call("get", `/store/carts/${cartId}`, undefined, someoneElse)).status).toBe(404)
      expect((await call("get", "/store/orders", undefined, someoneElse)).data.orders).toEqual([])
    })
  },
})
