import { maxQuantity, stockMessage, type PoolStock } from "../stock"

const kaju = (available: number): PoolStock => ({
  unit: "grams",
  available,
  soldOut: available <= 0,
  buyableByVariant: { v250: Math.floor(available / 250), v500: Math.floor(available / 500), v1kg: Math.floor(available / 1000) },
})
const size500 = { variantId: "v500", label: "500 g" }

describe("stock message from the product's pool", () => {
  it("plenty in the pool", () => {
    expect(stockMessage(kaju(4200), size500)).toEqual({ level: "in", text: "In stock, made fresh today." })
  })

  it("little left: says how much, in kilograms", () => {
    expect(stockMessage(kaju(1500), size500)).toEqual({ level: "low", text: "Only 1.5 kg left today." })
  })

  it("the pool cannot make the chosen size though it is not empty", () => {
    expect(stockMessage(kaju(300), size500)).toEqual({
      level: "out",
      text: "Only 300 g left: not enough for a 500 g box. Try a smaller size.",
    })
    expect(stockMessage(kaju(300), { variantId: "v250", label: "250 g" }).level).toBe("low")
  })

  it("sold out", () => {
    expect(stockMessage(kaju(0), size500)).toEqual({ level: "out", text: "Sold out for today. Fresh batches are made every morning." })
  })

  it("pieces", () => {
    const pool: PoolStock = { unit: "pieces", available: 5, soldOut: false, buyableByVariant: { p1: 5, p6: 0 } }
    expect(stockMessage(pool, { variantId: "p6", label: "6 pieces" }).text).toBe("Only 5 pieces left: not enough for a 6 pieces pack. Try a smaller size.")
    expect(stockMessage(pool, { variantId: "p1", label: "1 piece" }).text).toBe("Only 5 pieces left today.")
  })

  it("says so when the pool could not be read", () => {
    expect(stockMessage(null, size500).text).toMatch(/could not be checked/)
  })

  it("caps the stepper at what the pool can make of the size", () => {
    expect(maxQuantity(kaju(4200), "v1kg")).toBe(4)
    expect(maxQuantity(kaju(100), "v250")).toBe(0)
    expect(maxQuantity(null, "v1kg")).toBe(99)
    expect(maxQuantity(kaju(1_000_000), "v250")).toBe(99)
  })
})
