import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import seedSweetShop from "../../src/scripts/seed"
import { SHOP } from "../../src/scripts/seed-data/shop"
import { SWEETS } from "../../src/scripts/seed-data/catalogue"

jest.setTimeout(240_000)

/**
 * The first end-to-end proof: a shopper walks the store API the way the
 * storefront will, pays cash on delivery, and staff see the order.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let regionId: string

    beforeAll(async () => {
      const container = getContainer()
      await seedSweetShop({ container, args: [] })
      const apiKeys = await container.resolve(Modules.API_KEY).listApiKeys({ title: SHOP.publishableKeyTitle })
      storeHeaders = { headers: { "x-publishable-api-key": apiKeys[0].token } }
    })

    beforeEach(async () => {
      const { data } = await api.get("/store/regions", storeHeaders)
      regionId = data.regions[0].id
    })

    async function variantOf(handle: string, title: string) {
      const { data } = await api.get(
        `/store/products?handle=${handle}&region_id=${regionId}&fields=title,*variants,*variants.calculated_price,*variants.inventory_items`,
        storeHeaders
      )
      const variant = data.products[0].variants.find((v: { title: string }) => v.title === title)
      expect(variant).toBeDefined()
      return variant
    }

    async function cartWith(lines: { variant_id: string; quantity: number }[]) {
      const { data } = await api.post("/store/carts", { region_id: regionId }, storeHeaders)
      for (const line of lines) {
        await api.post(`/store/carts/${data.cart.id}/line-items`, line, storeHeaders)
      }
      await api.post(
        `/store/carts/${data.cart.id}`,
        {
          email: "priya@example.in",
          shipping_address: {
            first_name: "Priya",
            last_name: "Sharma",
            address_1: "221 Lajpat Nagar",
            city: "New Delhi",
            province: "Delhi",
            postal_code: "110024",
            country_code: "in",
            phone: "+919876543210",
          },
        },
        storeHeaders
      )
      return data.cart.id as string
    }

    async function shippingOptions(cartId: string) {
      const { data } = await api.get(`/store/shipping-options?cart_id=${cartId}`, storeHeaders)
      return data.shipping_options as { id: string; name: string; amount: number }[]
    }

    it("lists the seeded catalogue with INR, tax-inclusive prices", async () => {
      const { data } = await api.get(
        `/store/products?limit=100&region_id=${regionId}&fields=title,handle,thumbnail,metadata,*variants,*variants.calculated_price`,
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
      const box250 = await variantOf("kaju-katli", "250 g")
      const box1kg = await variantOf("kaju-katli", "1 kg")
      expect(box250.inventory_items).toHaveLength(1)
      expect(box250.inventory_items[0].inventory_item_id).toBe(box1kg.inventory_items[0].inventory_item_id)
      expect(box250.inventory_items[0].required_quantity).toBe(250)
      expect(box1kg.inventory_items[0].required_quantity).toBe(1000)

      const dozen = await variantOf("rasgulla", "12 pieces")
      expect(dozen.inventory_items[0].required_quantity).toBe(12)
    })

    it("takes a cash-on-delivery order from cart to admin", async () => {
      const kaju500 = await variantOf("kaju-katli", "500 g")
      const rasgulla6 = await variantOf("rasgulla", "6 pieces")
      const cartId = await cartWith([
        { variant_id: kaju500.id, quantity: 1 },
        { variant_id: rasgulla6.id, quantity: 1 },
      ])

      const options = await shippingOptions(cartId)
      expect(options.map((o) => o.name).sort()).toEqual(["Home delivery", "Store pickup"])
      const delivery = options.find((o) => o.name === "Home delivery")!
      expect(delivery.amount).toBe(SHOP.delivery.chargeRupees)
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: delivery.id }, storeHeaders)

      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      await api.post(
        `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
        { provider_id: SHOP.cashOnDeliveryProviderId },
        storeHeaders
      )

      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, storeHeaders)
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
        [kaju500.inventory_items[0].inventory_item_id]
      )
      expect(reserved.rows[0].grams).toBe(500)

      // Staff see it through the authenticated admin API.
      const { data: auth } = await api.post("/auth/user/emailpass", {
        email: SHOP.defaultAdmin.email,
        password: SHOP.defaultAdmin.password,
      })
      const adminHeaders = { headers: { authorization: `Bearer ${auth.token}` } }
      const { data: adminOrder } = await api.get(`/admin/orders/${order.id}?fields=id,total,email,*items`, adminHeaders)
      expect(adminOrder.order.total).toBe(770)
      expect(adminOrder.order.email).toBe("priya@example.in")
      expect(adminOrder.order.items.map((i: { variant_id: string }) => i.variant_id).sort()).toEqual(
        [kaju500.id, rasgulla6.id].sort()
      )
    })

    it("delivers free from the threshold, and store pickup costs nothing", async () => {
      const kaju1kg = await variantOf("kaju-katli", "1 kg")
      const cartId = await cartWith([{ variant_id: kaju1kg.id, quantity: 1 }])
      const options = await shippingOptions(cartId)
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
