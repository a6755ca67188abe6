import { filterAndSort, fromPrice, galleryOf, toSweet, type CatalogueProduct } from "../sweets"

/** A product as the catalogue route answers it (plugins/catalogue): prices in paise. */
const product = (over: Partial<CatalogueProduct> = {}): CatalogueProduct => ({
  id: "prod_kaju",
  handle: "kaju-katli",
  title: "Kaju Katli",
  subtitle: null,
  description: "Cashew fudge.",
  thumbnail: null,
  images: [],
  categories: [{ handle: "dry-fruit-sweets", name: "Dry-Fruit Sweets" }],
  sold_by: "grams",
  shelf_life_days: 15,
  ingredients: "Cashew, sugar",
  bestseller: true,
  veg: true,
  storage: "Store in a cool, dry place in an airtight box, away from sunlight; no need to refrigerate.",
  piece_name: null,
  price_from_paise: 30000,
  price_per_kg_paise: 120000,
  available_units: 4200,
  sold_out: false,
  variants: [
    { id: "variant_1kg", title: "1 kg", units: 1000, price_paise: 120000, buyable_now: 4 },
    { id: "variant_250", title: "250 g", units: 250, price_paise: 30000, buyable_now: 16 },
    { id: "variant_500", title: "500 g", units: 500, price_paise: 60000, buyable_now: 8 },
  ],
  ...over,
})

describe("a sweet from the catalogue route", () => {
  it("sizes smallest first, labelled by weight, priced in paise", () => {
    const sweet = toSweet(product())
    expect(sweet.sizes).toEqual([
      { variantId: "variant_250", label: "250 g", units: 250, pricePaise: 30000 },
      { variantId: "variant_500", label: "500 g", units: 500, pricePaise: 60000 },
      { variantId: "variant_1kg", label: "1 kg", units: 1000, pricePaise: 120000 },
    ])
    expect(fromPrice(sweet)).toBe(30000)
    expect(sweet).toMatchObject({ unit: "grams", shelfLifeDays: 15, ingredients: "Cashew, sugar", bestseller: true })
  })

  it("by the piece", () => {
    const sweet = toSweet(product({ sold_by: "pieces", variants: [{ id: "variant_6", title: "6 pieces", units: 6, price_paise: 14000, buyable_now: 40 }] }))
    expect(sweet.sizes.map((s) => s.label)).toEqual(["6 pieces"])
  })

  it("gift boxes are sold as boxes, not pieces", () => {
    const box = toSweet(
      product({
        sold_by: "pieces",
        piece_name: "box",
        variants: [
          { id: "v5", title: "5 boxes", units: 5, price_paise: 400000, buyable_now: 8 },
          { id: "v1", title: "1 box", units: 1, price_paise: 85000, buyable_now: 40 },
        ],
      })
    )
    expect(box.sizes.map((s) => s.label)).toEqual(["1 box", "5 boxes"])
    expect(box.pieceName).toBe("box")
    // A product sold by weight has no piece name, whatever its metadata says.
    expect(toSweet(product({ piece_name: "box" })).pieceName).toBeNull()
  })

  it("reads sold_by as the backend does: grams only when the product says grams", () => {
    expect(toSweet(product({ sold_by: "grams" })).unit).toBe("grams")
    expect(toSweet(product({ sold_by: "kilos" as never })).unit).toBe("pieces")
  })

  it("carries the veg mark and the storage advice", () => {
    expect(toSweet(product())).toMatchObject({ veg: true, storage: expect.stringMatching(/cool, dry/) })
    expect(toSweet(product({ veg: false, storage: null }))).toMatchObject({ veg: false, storage: null })
    expect(toSweet(product({ veg: undefined as never })).veg).toBeNull()
  })

  it("its gallery: every picture, the thumbnail first, each once", () => {
    const sweet = toSweet(product({ thumbnail: "https://x/b.png", images: ["https://x/a.png", "https://x/b.png", "https://x/c.png"] }))
    expect(galleryOf(sweet)).toEqual(["https://x/b.png", "https://x/a.png", "https://x/c.png"])
    expect(galleryOf(toSweet(product()))).toEqual([])
  })

  it("its picture: the thumbnail, else the first image, else none (the page shows the default)", () => {
    expect(toSweet(product({ thumbnail: "https://x/t.png", images: ["https://x/a.png"] })).imageUrl).toBe("https://x/t.png")
    expect(toSweet(product({ images: ["https://x/a.png"] })).imageUrl).toBe("https://x/a.png")
    expect(toSweet(product()).imageUrl).toBeNull()
  })

  it("the price filter is in rupees, compared with paise", () => {
    const cheap = toSweet(product({ id: "a", title: "Aloo Bhujia", bestseller: false, variants: [{ id: "v", title: "250 g", units: 250, price_paise: 9000, buyable_now: 1 }] }))
    const dear = toSweet(product())
    expect(filterAndSort([dear, cheap], { maxPriceRupees: 100 }, "featured").map((s) => s.title)).toEqual(["Aloo Bhujia"])
    expect(filterAndSort([cheap, dear], {}, "price-desc").map((s) => s.title)).toEqual(["Kaju Katli", "Aloo Bhujia"])
  })
})
