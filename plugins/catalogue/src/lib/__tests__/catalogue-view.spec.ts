import { select, storeProduct, withStock } from "../catalogue-view"

const kaju = {
  id: "prod_kaju",
  handle: "kaju-katli",
  title: "Kaju Katli",
  metadata: { sold_by: "grams", shelf_life_days: 15, ingredients: "cashew, sugar, silver leaf", bestseller: true },
  categories: [{ handle: "dry-fruit-sweets", name: "Dry fruit sweets" }],
  images: [{ url: "b.svg", rank: 1 }, { url: "a.svg", rank: 0 }],
  variants: [
    { id: "v1kg", title: "1 kg", variant_rank: 2, calculated_price: { calculated_amount: 1200 }, inventory_items: [{ inventory_item_id: "pool_kaju", required_quantity: 1000 }] },
    { id: "v250", title: "250 g", variant_rank: 0, calculated_price: { calculated_amount: 310.5 }, inventory_items: [{ inventory_item_id: "pool_kaju", required_quantity: 250 }] },
  ],
}
const rasgulla = {
  id: "prod_ras",
  handle: "rasgulla",
  title: "Rasgulla",
  metadata: { sold_by: "pieces" },
  categories: [{ handle: "bengali-sweets", name: "Bengali sweets" }],
  variants: [{ id: "v6", title: "6 pieces", calculated_price: { calculated_amount: 180 }, inventory_items: [{ inventory_item_id: "pool_ras", required_quantity: 6 }] }],
}

describe("the storefront's catalogue view", () => {
  it("keeps prices in paise, sizes in order, and the cheapest price per kilogram", () => {
    const stored = storeProduct(kaju)
    expect(stored.variants.map((v) => [v.title, v.units, v.price_paise])).toEqual([
      ["250 g", 250, 31050],
      ["1 kg", 1000, 120000],
    ])
    expect(stored).toMatchObject({ price_from_paise: 31050, price_per_kg_paise: 120000, sold_by: "grams", shelf_life_days: 15, bestseller: true, pool_item_id: "pool_kaju" })
    expect(stored.images).toEqual(["a.svg", "b.svg"])
    expect(storeProduct(rasgulla).price_per_kg_paise).toBeNull()
  })

  it("passes the veg mark, the storage advice and what a piece is called (gift boxes are boxes)", () => {
    const stored = storeProduct({ ...kaju, metadata: { ...kaju.metadata, veg: true, storage: " Store in a cool, dry place. " } })
    expect(stored).toMatchObject({ veg: true, storage: "Store in a cool, dry place.", piece_name: null })
    expect(storeProduct(rasgulla)).toMatchObject({ veg: null, storage: null, piece_name: null })
    expect(storeProduct({ ...rasgulla, metadata: { sold_by: "pieces", veg: "false", piece_name: "box" } })).toMatchObject({ veg: false, piece_name: "box" })
    // A product that does not say how it is sold is sold by the piece (the contracts' rule).
    expect(storeProduct({ ...rasgulla, metadata: {} }).sold_by).toBe("pieces")
  })

  it("rounds Medusa's amounts to the paisa through their digits", () => {
    const odd = storeProduct({ ...rasgulla, variants: [{ ...rasgulla.variants[0], calculated_price: { calculated_amount: 0.1 + 0.2 } }] })
    expect(odd.variants[0].price_paise).toBe(30)
  })

  it("tells how many of each size the pool can still give, and when it is sold out", () => {
    const stock = new Map([["pool_kaju", 900], ["pool_ras", 5]])
    const k = withStock(storeProduct(kaju), stock)
    expect(k.available_units).toBe(900)
    expect(k.variants.map((v) => v.buyable_now)).toEqual([3, 0])
    expect(k.sold_out).toBe(false)
    const r = withStock(storeProduct(rasgulla), stock)
    expect(r).toMatchObject({ available_units: 5, sold_out: true })
    expect(withStock(storeProduct(kaju), new Map([["pool_kaju", -20]])).available_units).toBe(0)
  })

  it("filters by category, words and stock, sorts, and pages", () => {
    const stock = new Map([["pool_kaju", 5000], ["pool_ras", 0]])
    const all = [withStock(storeProduct(rasgulla), stock), withStock(storeProduct(kaju), stock)]
    expect(select(all, { limit: 20, offset: 0 }).products.map((p) => p.handle)).toEqual(["kaju-katli", "rasgulla"])
    expect(select(all, { sort: "price-asc", limit: 20, offset: 0 }).products.map((p) => p.handle)).toEqual(["rasgulla", "kaju-katli"])
    expect(select(all, { sort: "price-desc", limit: 20, offset: 0 }).products.map((p) => p.handle)).toEqual(["kaju-katli", "rasgulla"])
    expect(select(all, { category: "bengali-sweets", limit: 20, offset: 0 }).products.map((p) => p.handle)).toEqual(["rasgulla"])
    expect(select(all, { q: "CASHEW sugar", limit: 20, offset: 0 }).products.map((p) => p.handle)).toEqual(["kaju-katli"])
    expect(select(all, { in_stock: true, limit: 20, offset: 0 }).count).toBe(1)
    expect(select(all, { limit: 1, offset: 1 })).toMatchObject({ count: 2, products: [{ handle: "rasgulla" }] })
  })
})
