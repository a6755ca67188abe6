import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, seedShop } from "../helpers/shopper"

jest.setTimeout(240_000)

/**
 * The pool follows the catalogue: staff create and edit products in the admin
 * as usual, and every variant ends up drawing its grams or pieces from the
 * product's one pool.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let shippingProfileId: string

    beforeAll(async () => {
      await seedShop(getContainer())
    })

    beforeEach(async () => {
      admin = await adminHeaders(api)
      const { data } = await api.get("/admin/shipping-profiles", admin)
      shippingProfileId = data.shipping_profiles[0].id
    })

    async function poolLinks(productId: string) {
      const { rows } = await dbConnection.raw(
        `select v.title, l.inventory_item_id, l.required_quantity::int as required, i.sku
           from product_variant v
           join product_variant_inventory_item l on l.variant_id = v.id and l.deleted_at is null
           join inventory_item i on i.id = l.inventory_item_id
          where v.product_id = ? and v.deleted_at is null
          order by v.title`,
        [productId]
      )
      return rows as { title: string; inventory_item_id: string; required: number; sku: string }[]
    }

    function productInput(
      title: string,
      handle: string,
      variants: { title: string; weight?: number }[],
      metadata?: object,
      moreSizes: string[] = []
    ) {
      return {
        title,
        handle,
        status: "published",
        shipping_profile_id: shippingProfileId,
        metadata,
        options: [{ title: "Size", values: [...variants.map((v) => v.title), ...moreSizes] }],
        variants: variants.map((v) => ({
          title: v.title,
          weight: v.weight,
          manage_inventory: true,
          options: { Size: v.title },
          prices: [{ currency_code: "inr", amount: 100 }],
        })),
      }
    }

    it("gives a new product one pool, linking each variant with its grams", async () => {
      const { data } = await api.post(
        "/admin/products",
        productInput("Soan Papdi", "soan-papdi", [{ title: "250 g" }, { title: "500 g" }]),
        admin
      )
      const links = await poolLinks(data.product.id)
      expect(links.map((l) => [l.title, l.required, l.sku])).toEqual([
        ["250 g", 250, "POOL-SOAN-PAPDI"],
        ["500 g", 500, "POOL-SOAN-PAPDI"],
      ])
      const product = await api.get(`/admin/products/${data.product.id}?fields=metadata`, admin)
      expect(product.data.product.metadata).toMatchObject({ sold_by: "grams" })

      // No per-variant inventory items are left behind.
      const { rows } = await dbConnection.raw(
        `select count(*)::int as n from inventory_item where title in ('250 g', '500 g') and deleted_at is null`
      )
      expect(rows[0].n).toBe(0)
    })

    it("keeps the required grams right when staff change a variant's weight, and links new variants", async () => {
      const { data } = await api.post(
        "/admin/products",
        productInput("Mysore Pak", "mysore-pak", [{ title: "250 g" }, { title: "500 g" }], undefined, ["1 kg"]),
        admin
      )
      const productId = data.product.id
      const half = data.product.variants.find((v: any) => v.title === "500 g")

      await api.post(`/admin/products/${productId}/variants/${half.id}`, { weight: 450 }, admin)
      await api.post(
        `/admin/products/${productId}/variants`,
        { title: "1 kg", manage_inventory: true, options: { Size: "1 kg" }, prices: [{ currency_code: "inr", amount: 400 }] },
        admin
      )

      const links = await poolLinks(productId)
      expect(links.map((l) => [l.title, l.required])).toEqual([
        ["1 kg", 1000],
        ["250 g", 250],
        ["500 g", 450],
      ])
      expect(new Set(links.map((l) => l.inventory_item_id)).size).toBe(1)
    })

    it("refuses a variant without a weight in a product sold by weight, and creates nothing", async () => {
      const refused = await api
        .post("/admin/products", productInput("Ghevar", "ghevar", [{ title: "Large box" }], { sold_by: "grams" }), admin)
        .catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(
        'Ghevar is sold by weight: give "Large box" its weight in grams (for example 250), or name it like "250 g".'
      )
      const { data } = await api.get("/admin/products?handle=ghevar", admin)
      expect(data.products).toHaveLength(0)

      const fractional = await api
        .post("/admin/products", productInput("Ghevar", "ghevar", [{ title: "Large box", weight: 12.5 }], { sold_by: "grams" }), admin)
        .catch((e: any) => e.response)
      expect(fractional.status).toBe(400)
      expect(fractional.data.message).toMatch(/whole number of grams above 0, not 12.5/)
    })

    it("leaves products that are not sold by grams or pieces to Medusa's own inventory", async () => {
      const { data } = await api.post(
        "/admin/products",
        productInput("Brass Diya", "brass-diya", [{ title: "Small" }, { title: "Large" }]),
        admin
      )
      const links = await poolLinks(data.product.id)
      expect(links).toHaveLength(2)
      expect(new Set(links.map((l) => l.inventory_item_id)).size).toBe(2)
      expect(links.every((l) => l.required === 1)).toBe(true)
    })
  },
})
