import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, seedShop, Shopper, shopperFor } from "../helpers/shopper"

jest.setTimeout(240_000)

/**
 * The storefront's catalogue reads (plugins/catalogue): lean products with
 * prices in paise and live pool stock, the same sweets and prices Medusa's own
 * store API gives, and changes of stock and price showing within about a second.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: { headers: Record<string, string> }
    let shopper: Shopper

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
    })

    beforeEach(() => {
      shopper = shopperFor(api, storeHeaders)
    })

    const get = (path: string, headers: Record<string, string> = {}) =>
      api.get(path, { headers: { ...storeHeaders.headers, ...headers } }).catch((e: any) => e.response)

    /** Polls until `check` holds for the answer, for at most 15 s; returns the last answer. */
    async function eventually(path: string, check: (data: any) => boolean) {
      const until = Date.now() + 15_000
      let last = await get(path)
      while (!check(last.data) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100))
        last = await get(path)
      }
      return last
    }

    it("lists the published sweets with the prices Medusa computes, in paise, and their pools' stock", async () => {
      const listed = await get("/store/catalogue/products?limit=100")
      expect(listed.status).toBe(200)
      const region = await shopper.region()
      const { data: medusa } = await api.get(`/store/products?limit=100&fields=id,handle,*variants.calculated_price&region_id=${region}`, storeHeaders)
      expect(listed.data.count).toBe(medusa.count)
      for (const product of medusa.products) {
        const ours = listed.data.products.find((p: any) => p.id === product.id)
        for (const variant of product.variants) {
          const mine = ours.variants.find((v: any) => v.id === variant.id)
          expect(mine.price_paise).toBe(Math.round(variant.calculated_price.calculated_amount * 100))
          expect(Number.isInteger(mine.price_paise)).toBe(true)
        }
      }
      const kaju = listed.data.products.find((p: any) => p.handle === "kaju-katli")
      expect(kaju).toMatchObject({ title: "Kaju Katli", sold_by: "grams", available_units: 4200, sold_out: false, price_per_kg_paise: 120000 })
      expect(kaju.variants.map((v: any) => [v.title, v.units, v.buyable_now])).toEqual([
        ["250 g", 250, 16],
        ["500 g", 500, 8],
        ["1 kg", 1000, 4],
      ])
      expect(JSON.stringify(listed.data)).not.toMatch(/inventory_item_id|pool_item_id/)
    })

    it("filters, sorts and pages like a listing page, and refuses what it cannot read", async () => {
      const bengali = await get("/store/catalogue/products?category=bengali-sweets&sort=price-asc")
      expect(bengali.status).toBe(200)
      expect(bengali.data.products.length).toBeGreaterThan(0)
      expect(bengali.data.products.every((p: any) => p.categories.some((c: any) => c.handle === "bengali-sweets"))).toBe(true)
      const prices = bengali.data.products.map((p: any) => p.price_from_paise)
      expect(prices).toEqual([...prices].sort((a: number, b: number) => a - b))

      const page = await get("/store/catalogue/products?limit=5&offset=5&sort=name")
      const all = await get("/store/catalogue/products?limit=100&sort=name")
      expect(page.data.products.map((p: any) => p.handle)).toEqual(all.data.products.slice(5, 10).map((p: any) => p.handle))

      const found = await get("/store/catalogue/products?q=kaju")
      expect(found.data.products.map((p: any) => p.handle).sort()).toEqual(["kaju-katli", "kaju-roll"])

      const bad = await get("/store/catalogue/products?sort=cheapest")
      expect(bad.status).toBe(400)
      expect(bad.data.message).toBe("Sort must be one of featured, price-asc, price-desc, name.")
      expect((await get("/store/catalogue/products?limit=500")).data.message).toBe("Limit must be between 1 and 100.")
      expect((await get("/store/catalogue/products?colour=red")).data.message).toBe("Unknown parameter colour.")

      const missing = await get("/store/catalogue/products/no-such-sweet")
      expect(missing.status).toBe(404)
      expect(missing.data.message).toBe("We could not find that sweet. It may have been renamed or taken off the menu.")
      const withoutKey = await api.get("/store/catalogue/products").catch((e: any) => e.response)
      expect(withoutKey.status).toBe(400)
    })

    it("answers a client that has the answer already with 304, and lets caches keep it one second", async () => {
      const first = await get("/store/catalogue/products/kaju-katli")
      expect(first.status).toBe(200)
      expect(first.headers["cache-control"]).toBe("public, max-age=1")
      expect(first.headers.etag).toMatch(/^W\/"/)
      const again = await get("/store/catalogue/products/kaju-katli", { "if-none-match": first.headers.etag })
      expect(again.status).toBe(304)
    })

    it("shows a change of stock or price to shoppers within about a second", async () => {
      const admin = await adminHeaders(api)
      const before = await get("/store/catalogue/products/rasgulla")
      expect(before.data.product.available_units).toBe(300)

      // Stock: staff set the pool.
      await api.post(`/admin/product-pools/${before.data.product.id}/adjustments`, { set_to_units: 12, reason: "Evening count" }, admin)
      const stocked = await eventually("/store/catalogue/products/rasgulla", (d) => d.product.available_units === 12)
      expect(stocked.data.product.variants.find((v: any) => v.title === "6 pieces").buyable_now).toBe(2)

      // An order takes stock too.
      const six = await shopper.variant("rasgulla", "6 pieces")
      const cartId = await shopper.createCart([{ variant_id: six.id, quantity: 1 }])
      await shopper.prepareCheckout(cartId)
      expect((await shopper.complete(cartId)).status).toBe(200)
      const ordered = await eventually("/store/catalogue/products/rasgulla", (d) => d.product.available_units === 6)
      expect(ordered.data.product.variants.find((v: any) => v.title === "12 pieces").buyable_now).toBe(0)

      // Price: staff change the 6-piece box.
      const { data } = await api.get(`/admin/products/${before.data.product.id}/variants/${six.id}?fields=*prices`, admin)
      const inr = data.variant.prices.find((p: any) => p.currency_code === "inr")
      await api.post(`/admin/products/${before.data.product.id}/variants/${six.id}`, { prices: [{ id: inr.id, currency_code: "inr", amount: 199 }] }, admin)
      const repriced = await eventually("/store/catalogue/products/rasgulla", (d) => d.product.variants.find((v: any) => v.id === six.id).price_paise === 19900)
      expect(repriced.data.product.variants.find((v: any) => v.id === six.id).price_paise).toBe(19900)
    })

    it("tells a product's pool as the database holds it at this moment, for a product page beside cached HTML", async () => {
      const admin = await adminHeaders(api)
      const first = await get("/store/catalogue/products/kaju-katli/stock")
      expect(first.status).toBe(200)
      expect(first.headers["cache-control"]).toBe("no-store")
      const units = first.data.available_units
      expect(first.data.variants).toHaveLength(3)
      await api.post(`/admin/product-pools/${first.data.product_id}/adjustments`, { set_to_units: 600, reason: "Counted again" }, admin)
      // At once, with no waiting for the catalogue's refresh.
      const after = await get("/store/catalogue/products/kaju-katli/stock")
      expect(after.data).toMatchObject({ product_id: first.data.product_id, sold_by: "grams", available_units: 600, sold_out: false })
      expect(after.data.variants.map((v: any) => v.buyable_now).sort((a: number, b: number) => a - b)).toEqual([0, 1, 2])
      await api.post(`/admin/product-pools/${first.data.product_id}/adjustments`, { set_to_units: units, reason: "Back" }, admin)
      expect((await get("/store/catalogue/products/no-such-sweet/stock")).status).toBe(404)
    })

    it("answers the first request after a quiet spell with what the database holds now, not what it held then", async () => {
      const admin = await adminHeaders(api)
      const before = await get("/store/catalogue/products/kaju-katli")
      const units = before.data.product.available_units
      // No catalogue request for longer than the catalogue may be served stale (2 s)…
      await new Promise((resolve) => setTimeout(resolve, 2_200))
      await api.post(`/admin/product-pools/${before.data.product.id}/adjustments`, { set_to_units: units - 250, reason: "Broken pieces" }, admin)
      // …so the very next answer is read afresh: no second try needed.
      const after = await get("/store/catalogue/products/kaju-katli")
      expect(after.data.product.available_units).toBe(units - 250)
    })
  },
})
