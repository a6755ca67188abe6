import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, DELHI_ADDRESS, seedShop, Shopper, shopperFor } from "../helpers/shopper"

jest.setTimeout(240_000)

/**
 * POST /store/carts/:id/checkout with an Idempotency-Key (backend/src/lib/middlewares/idempotent-checkout.ts):
 * a repeated key gets the first attempt's answer, order or refusal, and never a second order.
 * Here on one process (answers kept in its memory); the cluster's chaos test
 * (integration-tests/multi-process/cluster-rush.spec.ts) runs it through Redis and nginx.
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

    const checkout = (cartId: string, body: Record<string, unknown>, key?: string) =>
      api
        .post(`/store/carts/${cartId}/checkout`, body, { headers: { ...storeHeaders.headers, ...(key === undefined ? {} : { "idempotency-key": key }) } })
        .catch((e: any) => e.response)

    async function readyCart(handle: string, size: string, quantity = 1) {
      const variant = await shopper.variant(handle, size)
      const cartId = await shopper.createCart([{ variant_id: variant.id, quantity }])
      const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!.id
      const body = { email: "anita@example.in", shipping_address: DELHI_ADDRESS, shipping_option_id: delivery, payment_provider_id: "pp_system_default" }
      return { cartId, body, variant }
    }

    const ordersOf = async (cartId: string) => {
      const { rows } = await dbConnection.raw(`select count(*)::int as n from order_cart where cart_id = ? and deleted_at is null`, [cartId])
      return rows[0].n as number
    }

    it("answers the same key twice with the same order, and makes one order", async () => {
      const { cartId, body } = await readyCart("kaju-katli", "250 g")
      const first = await checkout(cartId, body, "retry-7f3c2a")
      expect(first.status).toBe(200)
      expect(first.data.type).toBe("order")
      expect(first.headers["idempotent-replayed"]).toBeUndefined()

      const again = await checkout(cartId, body, "retry-7f3c2a")
      expect(again.status).toBe(200)
      expect(again.data).toEqual(first.data)
      expect(again.headers["idempotent-replayed"]).toBe("true")
      expect(await ordersOf(cartId)).toBe(1)

      // Without the key, the route is as before: the cart is already ordered.
      const plain = await checkout(cartId, body)
      expect(plain.status).toBe(400)
      expect(plain.data.message).toBe("This cart has already been ordered.")
      // A new key is a new attempt, with the same refusal.
      const fresh = await checkout(cartId, body, "retry-new")
      expect(fresh.status).toBe(400)
      expect(fresh.data.message).toBe("This cart has already been ordered.")
      expect(await ordersOf(cartId)).toBe(1)
    })

    it("answers a key reused after a refusal with that refusal, even once the refusal's cause is gone", async () => {
      const { cartId, body, variant } = await readyCart("motichoor-laddoo", "1 kg", 2)
      const admin = await adminHeaders(api)
      const setPool = (units: number) =>
        api.post(`/admin/product-pools/${variant.product_id}/adjustments`, { set_to_units: units, reason: "Test: idempotency" }, admin)
      await setPool(1_000)

      const refused = await checkout(cartId, body, "attempt-1")
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/^Only 1,000 g of Motichoor Laddoo left; your cart needs 2,000 g\.$/)

      await setPool(10_000)
      const replayed = await checkout(cartId, body, "attempt-1")
      expect(replayed.status).toBe(400)
      expect(replayed.data).toEqual(refused.data)
      expect(replayed.headers["idempotent-replayed"]).toBe("true")
      expect(await ordersOf(cartId)).toBe(0)

      // The same key with another request is refused: a key names one request.
      const other = await checkout(cartId, { ...body, email: "someone.else@example.in" }, "attempt-1")
      expect(other.status).toBe(422)
      expect(other.data.code).toBe("idempotency_key_reused")
      expect(other.data.message).toMatch(/different checkout/)

      const next = await checkout(cartId, body, "attempt-2")
      expect(next.status).toBe(200)
      expect(next.data.type).toBe("order")
      expect(await ordersOf(cartId)).toBe(1)
    })

    it("makes one order of two requests with one key at the same moment, and answers both with it", async () => {
      const { cartId, body } = await readyCart("rasgulla", "6 pieces")
      const [a, b] = await Promise.all([checkout(cartId, body, "double-tap"), checkout(cartId, body, "double-tap")])
      expect([a.status, b.status]).toEqual([200, 200])
      expect(a.data.type).toBe("order")
      expect(b.data).toEqual(a.data)
      expect([a.headers["idempotent-replayed"], b.headers["idempotent-replayed"]].filter(Boolean)).toEqual(["true"])
      expect(await ordersOf(cartId)).toBe(1)
    })

    it("refuses a malformed key with a sentence and a stable code, before touching the cart", async () => {
      const { cartId, body } = await readyCart("kaju-katli", "250 g")
      for (const key of ["k".repeat(256), "tab\there", ""]) {
        const refused = await checkout(cartId, body, key)
        expect(refused.status).toBe(400)
        expect(refused.data).toEqual({
          type: "invalid_data",
          code: "invalid_idempotency_key",
          message: "The Idempotency-Key header must be 1 to 255 printable ASCII characters, for example a UUID.",
        })
      }
      const { rows } = await dbConnection.raw(`select email from cart where id = ?`, [cartId])
      expect(rows[0].email).toBeNull()
      // 255 characters is a key.
      const done = await checkout(cartId, body, "k".repeat(255))
      expect(done.status).toBe(200)
    })
  },
})
