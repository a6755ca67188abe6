import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import seedSweetShop from "../../src/scripts/seed"
import { SHOP } from "../../src/scripts/seed-data/shop"
import { SWEETS } from "../../src/scripts/seed-data/catalogue"
import { seedShop, Shopper, shopperFor } from "../helpers/shopper"
import { PNG_2X2 } from "../helpers/images"

jest.setTimeout(240_000)

/**
 * The first end-to-end proof: a shopper walks the store API the way the
 * storefront will, pays cash on delivery, and staff see the order.
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

    it("lists the seeded catalogue with INR, tax-inclusive prices", async () => {
      const { data } = await api.get(
        `/store/products?limit=100&region_id=${await shopper.region()}&fields=title,handle,thumbnail,metadata,*variants,*variants.calculated_price`,
        storeHeaders
      )
      expect(data.count).toBe(SWEETS.length)
      expect(data.count).toBeGreaterThanOrEqual(25)

      const kaju = data.products.find((p: { handle: string }) => p.handle === "kaju-katli")
      const prices = Object.fromEntries(
        kaju.variants.map((v: any) => [v.title, [v.calculated_price.currency_code, v.calculated_price.calculated_amount]])
      )
      expect(prices).toEqual({ "250 g": ["inr", 300], "500 g": ["inr", 600], "1 kg": ["inr", 1200] })
      expect(kaju.variants[0].calculated_price.is_calculated_price_tax_inclusive).toBe(true)
      expect(kaju.metadata).toMatchObject({ sold_by: "grams", shelf_life_days: 15 })
      expect(kaju.thumbnail).toMatch(/\/static\/.*kaju-katli\.svg$/)

      const { data: categories } = await api.get("/store/product-categories", storeHeaders)
      expect(categories.product_categories.map((c: { handle: string }) => c.handle).sort()).toEqual(
        ["bengali-sweets", "dry-fruit-sweets", "gift-boxes", "laddoos", "milk-sweets", "namkeen"]
      )
    })

    it("draws every variant of a product from one pool of grams or pieces", async () => {
      const box250 = await shopper.variant("kaju-katli", "250 g")
      const box1kg = await shopper.variant("kaju-katli", "1 kg")
      expect(box250.inventory_items).toHaveLength(1)
      expect(box250.pool_id).toBe(box1kg.pool_id)
      expect(box250.inventory_items[0].required_quantity).toBe(250)
      expect(box1kg.inventory_items[0].required_quantity).toBe(1000)

      const dozen = await shopper.variant("rasgulla", "12 pieces")
      expect(dozen.inventory_items[0].required_quantity).toBe(12)
    })

    it("takes a cash-on-delivery order from cart to admin", async () => {
      const kaju500 = await shopper.variant("kaju-katli", "500 g")
      const rasgulla6 = await shopper.variant("rasgulla", "6 pieces")
      const cartId = await shopper.createCart([
        { variant_id: kaju500.id, quantity: 1 },
        { variant_id: rasgulla6.id, quantity: 1 },
      ])

      const options = await shopper.shippingOptions(cartId)
      expect(options.map((o) => o.name).sort()).toEqual(["Home delivery", "Store pickup"])
      expect(options.find((o) => o.name === "Home delivery")!.amount).toBe(SHOP.delivery.chargeRupees)
      await shopper.prepareCheckout(cartId)

      const { status, data: completed } = await shopper.complete(cartId)
      expect(status).toBe(200)
      expect(completed.type).toBe("order")
      const order = completed.order
      // ₹600 + ₹110 of sweets, below the free-delivery threshold: ₹60 delivery.
      expect(order.item_total).toBe(710)
      expect(order.shipping_total).toBe(60)
      expect(order.total).toBe(770)
      expect(order.currency_code).toBe("inr")
      expect(order.shipping_address.phone).toBe("+919876543210")

      // What the database holds: the order, and 500 g reserved from the kaju katli pool.
      const orders = await dbConnection.raw(`select id, display_id from "order" where id = ?`, [order.id])
      expect(orders.rows).toHaveLength(1)
      const reserved = await dbConnection.raw(
        `select sum(quantity)::int as grams from reservation_item where inventory_item_id = ? and deleted_at is null`,
        [kaju500.pool_id]
      )
      expect(reserved.rows[0].grams).toBe(500)

      // Staff see it through the authenticated admin API.
      const { data: auth } = await api.post("/auth/user/emailpass", {
        email: SHOP.defaultAdmin.email,
        password: process.env.ADMIN_PASSWORD!,
      })
      const adminHeaders = { headers: { authorization: `Bearer ${auth.token}` } }
      const { data: adminOrder } = await api.get(`/admin/orders/${order.id}?fields=id,total,email,*items`, adminHeaders)
      expect(adminOrder.order.total).toBe(770)
      expect(adminOrder.order.email).toBe("priya@example.in")
      expect(adminOrder.order.items.map((i: { variant_id: string }) => i.variant_id).sort()).toEqual(
        [kaju500.id, rasgulla6.id].sort()
      )
    })

    it("refuses cash on delivery above the cap with a clear message, and keeps the cart", async () => {
      const hamper = await shopper.variant("diwali-hamper", "1 box")
      const cartId = await shopper.createCart([{ variant_id: hamper.id, quantity: 3 }])
      await api.post(`/store/carts/${cartId}`, { email: "big@example.in", shipping_address: { country_code: "in", postal_code: "110024" } }, storeHeaders)
      const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: delivery.id }, storeHeaders)
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      const refused = await api
        .post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: SHOP.cashOnDeliveryProviderId }, storeHeaders)
        .catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(
        "Cash on delivery is available for orders up to ₹5,000; this order is ₹6,600. Please pay online."
      )
      const { data } = await api.get(`/store/carts/${cartId}`, storeHeaders)
      expect(data.cart.items[0].quantity).toBe(3)
    })

    it("stores the phone as +91… however the shopper typed it, and refuses numbers that are not Indian mobiles", async () => {
      const box250 = await shopper.variant("kaju-katli", "250 g")
      const cartId = await shopper.createCart([{ variant_id: box250.id, quantity: 1 }])
      const address = { first_name: "Ravi", address_1: "1 MG Road", city: "Bengaluru", postal_code: "560001", country_code: "in" }
      for (const typed of ["098765 43210", "+91-98765-43210", "98765 43210"]) {
        const { data } = await api.post(`/store/carts/${cartId}`, { shipping_address: { ...address, phone: typed } }, storeHeaders)
        expect(data.cart.shipping_address.phone).toBe("+919876543210")
      }
      for (const typed of ["12345", "+1 415 555 0100", "011 2345 6789"]) {
        const refused = await api
          .post(`/store/carts/${cartId}`, { shipping_address: { ...address, phone: typed } }, storeHeaders)
          .catch((e: any) => e.response)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe(
          "Please give a 10-digit Indian mobile number, for example 98765 43210, so we can send you order updates."
        )
      }
      const { data } = await api.get(`/store/carts/${cartId}`, storeHeaders)
      expect(data.cart.shipping_address.phone).toBe("+919876543210")
    })

    it("delivers free from the threshold, and store pickup costs nothing", async () => {
      const kaju1kg = await shopper.variant("kaju-katli", "1 kg")
      const cartId = await shopper.createCart([{ variant_id: kaju1kg.id, quantity: 1 }])
      await api.post(`/store/carts/${cartId}`, { shipping_address: { country_code: "in", postal_code: "110024" } }, storeHeaders)
      const options = await shopper.shippingOptions(cartId)
      expect(options.find((o) => o.name === "Home delivery")!.amount).toBe(0)
      expect(options.find((o) => o.name === "Store pickup")!.amount).toBe(0)
    })

    it("refuses the admin API without a login, and a wrong password", async () => {
      const unauthenticated = await api.get("/admin/orders").catch((e: any) => e.response)
      expect(unauthenticated.status).toBe(401)

      const wrongPassword = await api
        .post("/auth/user/emailpass", { email: SHOP.defaultAdmin.email, password: "not-the-password" })
        .catch((e: any) => e.response)
      expect(wrongPassword.status).toBe(401)
    })

    it("refuses the store API without the publishable key", async () => {
      const response = await api.get("/store/products").catch((e: any) => e.response)
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(/publishable/i)
    })

    it("stores admin image uploads locally without Cloudinary, with the same checks", async () => {
      const { data: auth } = await api.post("/auth/user/emailpass", {
        email: SHOP.defaultAdmin.email,
        password: process.env.ADMIN_PASSWORD!,
      })
      const admin = { headers: { authorization: `Bearer ${auth.token}` } }
      const png = PNG_2X2
      const upload = (name: string, bytes: Buffer) => {
        const form = new FormData()
        form.append("files", new Blob([new Uint8Array(bytes)], { type: "image/png" }), name)
        return api.post("/admin/uploads", form, admin).catch((e: any) => e.response)
      }

      const good = await upload("barfi.png", png)
      expect(good.status).toBe(200)
      // Re-encoded under a name the shop made, served by the shop's image handler (product-images-local.spec.ts).
      expect(good.data.files[0].url).toMatch(/\/static\/images\/\d+-[0-9a-f]{16}\.png$/)

      const bad = await upload("barfi.png", Buffer.from("not an image"))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toBe("barfi.png is not an image the shop can use; upload a JPEG, PNG or WebP.")
    })

    it("seeds once: running the seed again changes nothing", async () => {
      const container = getContainer()
      await seedSweetShop({ container, args: [] })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({ entity: "product", fields: ["id"] })
      const { data: regions } = await query.graph({ entity: "region", fields: ["id"] })
      const users = await container.resolve(Modules.USER).listUsers()
      expect(products).toHaveLength(SWEETS.length)
      expect(regions).toHaveLength(1)
      expect(users).toHaveLength(1)
    })
  },
})
