import { boxPriceRupees, CATEGORIES, formatGrams, formatPieces, SWEETS } from "../catalogue"
import { drawSweetSvg } from "../sweet-art"

describe("the seed catalogue", () => {
  it("has about 25 sweets, every one in a known category, with unique handles", () => {
    expect(SWEETS.length).toBeGreaterThanOrEqual(25)
    const categoryHandles = new Set(CATEGORIES.map((c) => c.handle))
    for (const sweet of SWEETS) expect(categoryHandles.has(sweet.category)).toBe(true)
    for (const category of CATEGORIES) expect(SWEETS.some((s) => s.category === category.handle)).toBe(true)
    expect(new Set(SWEETS.map((s) => s.handle)).size).toBe(SWEETS.length)
  })

  it("states whole, positive grams, pieces, prices and stock", () => {
    for (const sweet of SWEETS) {
      expect(Number.isInteger(sweet.openingStock) && sweet.openingStock > 0).toBe(true)
      const sizes = sweet.soldBy === "grams" ? sweet.boxGrams : sweet.packs.map((p) => p.pieces)
      for (const size of sizes) expect(Number.isInteger(size) && size > 0).toBe(true)
      if (sweet.soldBy === "pieces") {
        for (const pack of sweet.packs) expect(Number.isInteger(pack.rupees) && pack.rupees > 0).toBe(true)
      }
      expect(sweet.ingredients.length).toBeGreaterThan(0)
      expect(sweet.shelfLifeDays).toBeGreaterThan(0)
    }
  })

  it("prices boxes from the price per kilogram, in whole rupees", () => {
    expect(boxPriceRupees(1200, 250)).toBe(300)
    expect(boxPriceRupees(1200, 1000)).toBe(1200)
    expect(boxPriceRupees(566, 250)).toBe(142) // 141.5 rounds to the rupee
  })

  it("writes sizes the way the shop says them", () => {
    expect(formatGrams(250)).toBe("250 g")
    expect(formatGrams(1000)).toBe("1 kg")
    expect(formatGrams(1500)).toBe("1500 g")
    expect(formatPieces(1)).toBe("1 piece")
    expect(formatPieces(12)).toBe("12 pieces")
    expect(formatPieces(1, "box")).toBe("1 box")
    expect(formatPieces(5, "box")).toBe("5 boxes")
  })

  it("marks every sweet vegetarian, says how to keep it (rasgulla in the fridge, kaju katli cool and dry), sells gift boxes as boxes", () => {
    for (const sweet of SWEETS) {
      expect(sweet.veg).toBe(true)
      expect(sweet.storage).toMatch(/\.$/)
      expect(Boolean(sweet.pieceName)).toBe(sweet.category === "gift-boxes")
    }
    const storageOf = (handle: string) => SWEETS.find((s) => s.handle === handle)?.storage
    expect(storageOf("rasgulla")).toMatch(/refrigerated/i)
    expect(storageOf("kaju-katli")).toMatch(/cool, dry/i)
  })

  it("draws a well-formed SVG per sweet, escaping its title", () => {
    const svg = drawSweetSvg({ title: `Tom & Jerry's "Barfi" <b>`, art: SWEETS[0].art })
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true)
    expect(svg.endsWith("</svg>")).toBe(true)
    expect(svg).toContain("Tom &amp; Jerry&apos;s &quot;Barfi&quot; &lt;b&gt;")
    expect(svg).not.toContain("<b>")
  })
})
