import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { adminHeaders, DELHI_ADDRESS, deliveryDay, seedShop, shopperFor, type Shopper } from "../helpers/shopper"

jest.setTimeout(240_000)

/**
 * What staff read at a glance (issue 17, items 10 and 12; plugins/order-lifecycle):
 * the Shop orders list carries the customer's name, the total in paise, the items, the
 * slot as chosen and the gift message; the kitchen sheet carries the gift message and
 * slot label; and the shop's default admin layouts put the Shop status widget first on
 * the order page and the Stock pool right after Variants on the product page.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: { headers: Record<string, string> }
    let shopper: Shopper
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      shopper = shopperFor(api, storeHeaders)
    })

    beforeEach(async () => {
      admin = await adminHeaders(api)
    })

    async function placeOrder(metadata: Record<string, string>) {
      const kaju = await shopper.variant("kaju-katli", "500 g")
      const rasgulla = await shopper.variant("rasgulla", "6 pieces")
      const cartId = await shopper.createCart([
        { variant_id: kaju.id, quantity: 1 },
        { variant_id: rasgulla.id, quantity: 2 },
      ])
      await api.post(`/store/carts/${cartId}`, { email: "priya@example.in", shipping_address: DELHI_ADDRESS, metadata }, storeHeaders)
      const option = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, storeHeaders)
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, storeHeaders)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      return completed.data.order as { id: string; display_id: number; total: number }
    }

    it("lists the name, total, items, slot and gift message on Shop orders, and the gift message on the kitchen sheet", async () => {
      const day = deliveryDay(9, "evening")
      const order = await placeOrder({ delivery_date: day, delivery_slot: "evening", delivery_slot_label: "Evening, 4–7 pm", gift_message: "शुभ दीपावली, नानी!" })
      // The order-placed subscriber files the order for the shop floor just after checkout.
      const list = async () => (await api.get(`/admin/shop-orders?q=%23${order.display_id}`, admin)).data
      const until = Date.now() + 30_000
      while ((await list()).count === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200))
      const [row] = (await list()).shop_orders
      expect(row).toMatchObject({
        order_id: order.id,
        customer_name: `${DELHI_ADDRESS.first_name} ${DELHI_ADDRESS.last_name}`,
        total_paise: Math.round(Number(order.total) * 100),
        items_summary: expect.stringMatching(/^(1 × Kaju Katli 500 g, 2 × Rasgulla 6 pieces|2 × Rasgulla 6 pieces, 1 × Kaju Katli 500 g)$/),
        item_count: 3,
        delivery_date: day,
        delivery_slot_label: "Evening, 4–7 pm",
        gift_message: "शुभ दीपावली, नानी!",
      })
      expect(Number.isInteger(row.total_paise)).toBe(true)

      expect((await api.post(`/admin/shop-orders/${order.id}/status`, { status: "confirmed" }, admin)).status).toBe(200)
      const sheet = (await api.get(`/admin/kitchen-sheet?date=${day}`, admin)).data.kitchen_sheet
      expect(sheet.orders).toEqual([
        expect.objectContaining({ order_number: order.display_id, delivery_slot_label: "Evening, 4–7 pm", gift_message: "शुभ दीपावली, नानी!" }),
      ])
    })

    it("sets the shop's default admin layouts once: Shop status first on orders, Stock pool after Variants on products", async () => {
      const container = getContainer()
      const settings = container.resolve(Modules.SETTINGS) as any
      const { default: shopStatusOnTop } = require("@sweetshop/order-lifecycle/migration-scripts/shop-status-on-top")
      const { default: poolAfterVariants } = require("@sweetshop/gram-inventory/migration-scripts/pool-after-variants")
      await shopStatusOnTop({ container, args: [] })
      await poolAfterVariants({ container, args: [] })
      const order = await settings.getSystemDefaultLayoutConfiguration("order.details")
      expect(order.configuration.widgets["widget:sweetshop-order-shop-status"]).toEqual({ order: -1 })
      const product = await settings.getSystemDefaultLayoutConfiguration("product.details")
      expect(product.configuration.widgets["widget:sweetshop-product-pool"].order).toBeGreaterThan(product.configuration.widgets["core:ProductVariantSection"].order)

      // A default staff saved since is kept.
      await settings.setSystemDefaultLayoutConfiguration("order.details", { widgets: { "widget:sweetshop-order-shop-status": { order: 7 } } })
      await shopStatusOnTop({ container, args: [] })
      expect((await settings.getSystemDefaultLayoutConfiguration("order.details")).configuration.widgets["widget:sweetshop-order-shop-status"]).toEqual({ order: 7 })
    })
  },
})
