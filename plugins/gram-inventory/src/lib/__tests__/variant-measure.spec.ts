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

describe("variant measures, label by label", () => {
  it("reads grams only from a label that is a weight and nothing else", () => {
    expect(gramsFromLabel("  250 g  ")).toBe(250)
    expect(gramsFromLabel("500gms")).toBe(500)
    expect(gramsFromLabel("2 kilos")).toBe(2000)
    expect(gramsFromLabel("1 Kilogram")).toBe(1000)
    expect(gramsFromLabel("Box 250 g")).toBeNull()
    expect(gramsFromLabel("250 g box")).toBeNull()
    expect(gramsFromLabel("250 g.")).toBeNull()
    expect(gramsFromLabel("250 lb")).toBeNull()
  })

  it("reads pieces only from a label that is a count and nothing else", () => {
    expect(piecesFromLabel("6pcs")).toBe(6)
    expect(piecesFromLabel(" 12 PIECES ")).toBe(12)
    expect(piecesFromLabel("1 pc")).toBe(1)
    expect(piecesFromLabel("Box of 6 pieces")).toBeNull()
    expect(piecesFromLabel("6 pieces box")).toBeNull()
    expect(piecesFromLabel("6 pieces.")).toBeNull()
    expect(piecesFromLabel("0 pieces")).toBeNull()
    expect(piecesFromLabel("6")).toBeNull()
  })

  it("infers the unit from any one of a variant's names", () => {
    expect(inferUnit([{ title: "Small box", optionValues: ["250 g"] }, { title: "1 kg" }])).toBe("grams")
    expect(inferUnit([{ title: "Small box", optionValues: ["6 pieces"] }, { title: "12 pcs" }])).toBe("pieces")
    expect(inferUnit([{ title: "Small box", weight: 250 }, { title: "Large box", weight: 1000 }])).toBe("grams")
    expect(inferUnit([{ title: "Small box", metadata: { pieces: "6" } }])).toBe("pieces")
  })

  it("reads the name when the weight is left empty", () => {
    expect(measureOf({ title: "250 g", weight: null }, "grams", "Kaju Katli")).toBe(250)
    expect(measureOf({ title: "Box", weight: undefined, optionValues: ["1.5 kg"] }, "grams", "Kaju Katli")).toBe(1500)
  })

  it("reads the name when the piece count is left empty, and a count typed as text", () => {
    expect(measureOf({ title: "6 pieces" }, "pieces", "Modak")).toBe(6)
    expect(measureOf({ title: "6 pieces", metadata: { pieces: null } }, "pieces", "Modak")).toBe(6)
    expect(measureOf({ title: "6 pieces", metadata: {} }, "pieces", "Modak")).toBe(6)
    expect(measureOf({ title: "Box", metadata: { pieces: "8" } }, "pieces", "Modak")).toBe(8)
    expect(measureOf({ title: "Box", metadata: { pieces: " 8 " } }, "pieces", "Modak")).toBe(8)
  })

  it("refuses a stated weight or count that is not a whole number above 0", () => {
    expect(() => measureOf({ title: "Box", weight: 0 }, "grams", "Kaju Katli")).toThrow(
      'Kaju Katli is sold by weight: the weight of "Box" must be a whole number of grams above 0, not 0.'
    )
    expect(() => measureOf({ title: "Box", metadata: { pieces: 0 } }, "pieces", "Modak")).toThrow(
      'Modak is sold by the piece: the piece count of "Box" must be a whole number above 0, not 0.'
    )
    expect(() => measureOf({ title: "Box", metadata: { pieces: true } }, "pieces", "Modak")).toThrow(/must be a whole number above 0, not true\.$/)
    expect(() => measureOf({ title: "Box", metadata: { pieces: "" } }, "pieces", "Modak")).toThrow(/must be a whole number above 0, not \.$/)
    expect(() => measureOf({ title: "Box", metadata: { pieces: 2.5 } }, "pieces", "Modak")).toThrow(MeasureError)
  })

  it("says what staff must fill in for a variant sold by the piece, naming it or not", () => {
    expect(() => measureOf({ title: "Box" }, "pieces", "Modak")).toThrow(
      'Modak is sold by the piece: give "Box" its piece count (metadata "pieces", for example 6), or name it like "6 pieces".'
    )
    expect(() => measureOf({}, "pieces", "Modak")).toThrow(
      'Modak is sold by the piece: give a variant its piece count (metadata "pieces", for example 6), or name it like "6 pieces".'
    )
    expect(() => measureOf({ title: null, optionValues: [] }, "grams", "Kaju Katli")).toThrow(
      'Kaju Katli is sold by weight: give a variant its weight in grams (for example 250), or name it like "250 g".'
    )
  })
})
