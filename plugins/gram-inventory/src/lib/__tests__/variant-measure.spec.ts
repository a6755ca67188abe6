import { gramsFromLabel, inferUnit, MeasureError, measureOf, piecesFromLabel } from "../variant-measure"

describe("variant measures", () => {
  it("reads grams from the shop's usual names", () => {
    expect(gramsFromLabel("250 g")).toBe(250)
    expect(gramsFromLabel("250g")).toBe(250)
    expect(gramsFromLabel("1 kg")).toBe(1000)
    expect(gramsFromLabel("1.5 KG")).toBe(1500)
    expect(gramsFromLabel("0.25 kg")).toBe(250)
    expect(gramsFromLabel("Large box")).toBeNull()
    expect(gramsFromLabel("0.0001 kg")).toBeNull()
    expect(gramsFromLabel("0 g")).toBeNull()
  })

  it("reads pieces from the shop's usual names", () => {
    expect(piecesFromLabel("6 pieces")).toBe(6)
    expect(piecesFromLabel("1 piece")).toBe(1)
    expect(piecesFromLabel("12 pcs")).toBe(12)
    expect(piecesFromLabel("250 g")).toBeNull()
  })

  it("prefers what staff stated over the name", () => {
    expect(measureOf({ title: "250 g", weight: 300 }, "grams", "Kaju Katli")).toBe(300)
    expect(measureOf({ title: "6 pieces", metadata: { pieces: 8 } }, "pieces", "Modak")).toBe(8)
    expect(measureOf({ title: "Half kilo", optionValues: ["500 g"] }, "grams", "Kaju Katli")).toBe(500)
  })

  it("refuses a grams variant without a weight, in words staff understand", () => {
    expect(() => measureOf({ title: "Large box" }, "grams", "Kaju Katli")).toThrow(MeasureError)
    expect(() => measureOf({ title: "Large box" }, "grams", "Kaju Katli")).toThrow(
      'Kaju Katli is sold by weight: give "Large box" its weight in grams (for example 250), or name it like "250 g".'
    )
    expect(() => measureOf({ title: "Box", weight: 12.5 }, "grams", "Kaju Katli")).toThrow(/whole number of grams above 0, not 12.5/)
    expect(() => measureOf({ title: "Box", weight: -250 }, "grams", "Kaju Katli")).toThrow(/whole number of grams/)
    expect(() => measureOf({ title: "Box", metadata: { pieces: "six" } }, "pieces", "Modak")).toThrow(/not six/)
  })

  it("infers the unit when every variant agrees", () => {
    expect(inferUnit([{ title: "250 g" }, { title: "1 kg" }])).toBe("grams")
    expect(inferUnit([{ title: "1 piece" }, { title: "Box", metadata: { pieces: 6 } }])).toBe("pieces")
    expect(inferUnit([{ title: "250 g" }, { title: "6 pieces" }])).toBeNull()
    expect(inferUnit([{ title: "Default" }])).toBeNull()
    expect(inferUnit([])).toBeNull()
  })
})
