import { buyableNow, formatPoolQuantity, judgePools, PoolInfo, shortfallMessage, unitsNeededPerPool } from "../pool-math"

const kaju: PoolInfo = { poolId: "pool_kaju", productTitle: "Kaju Katli", unit: "grams", available: 1500 }
const modak: PoolInfo = { poolId: "pool_modak", productTitle: "Ukadiche Modak", unit: "pieces", available: 10 }
const pools = new Map([kaju, modak].map((p) => [p.poolId, p]))

describe("pool arithmetic", () => {
  it("sums every line of a product against its one pool", () => {
    const needed = unitsNeededPerPool([
      { key: "a", poolId: "pool_kaju", unitsPerVariant: 250, quantity: 4 },
      { key: "b", poolId: "pool_kaju", unitsPerVariant: 1000, quantity: 1 },
      { key: "c", poolId: "pool_modak", unitsPerVariant: 6, quantity: 1 },
    ])
    expect(Object.fromEntries(needed)).toEqual({ pool_kaju: 2000, pool_modak: 6 })
  })

  it("refuses the cart Medusa's per-line check lets through (4 × 250 g + 1 kg against 1.5 kg)", () => {
    const [verdict] = judgePools(
      [
        { key: "a", poolId: "pool_kaju", unitsPerVariant: 250, quantity: 4 },
        { key: "b", poolId: "pool_kaju", unitsPerVariant: 1000, quantity: 1 },
      ],
      pools
    )
    expect(verdict).toMatchObject({ ok: false, available: 1500, needed: 2000, shortfall: 500 })
    expect(verdict.message).toBe("Only 1,500 g of Kaju Katli left; your cart needs 2,000 g.")
  })

  it("accepts a cart that uses the pool exactly", () => {
    const [verdict] = judgePools([{ key: "a", poolId: "pool_kaju", unitsPerVariant: 500, quantity: 3 }], pools)
    expect(verdict).toMatchObject({ ok: true, shortfall: 0, message: null })
  })

  it("never reports a negative pool as more than sold out", () => {
    const oversold = new Map([["pool_kaju", { ...kaju, available: -250 }]])
    const [verdict] = judgePools([{ key: "a", poolId: "pool_kaju", unitsPerVariant: 250, quantity: 1 }], oversold)
    expect(verdict).toMatchObject({ available: 0, shortfall: 250, ok: false })
    expect(verdict.message).toBe("Kaju Katli is sold out; please remove it from your cart.")
  })

  it("refuses fractional or negative quantities", () => {
    expect(() => unitsNeededPerPool([{ key: "a", poolId: "p", unitsPerVariant: 250, quantity: 1.5 }])).toThrow(/whole/)
    expect(() => unitsNeededPerPool([{ key: "a", poolId: "p", unitsPerVariant: -250, quantity: 1 }])).toThrow(/whole/)
  })

  it("tells how many of each variant can be bought now", () => {
    expect(buyableNow(1500, 250)).toBe(6)
    expect(buyableNow(1500, 1000)).toBe(1)
    expect(buyableNow(999, 1000)).toBe(0)
    expect(buyableNow(-50, 250)).toBe(0)
    expect(buyableNow(10, 0)).toBe(0)
  })

  it("writes quantities the way the shop does", () => {
    expect(formatPoolQuantity(750, "grams")).toBe("750 g")
    expect(formatPoolQuantity(125000, "grams")).toBe("1,25,000 g")
    expect(formatPoolQuantity(1, "pieces")).toBe("1 piece")
    expect(formatPoolQuantity(12, "pieces")).toBe("12 pieces")
    expect(shortfallMessage("Ukadiche Modak", "pieces", 4, 12)).toBe("Only 4 pieces of Ukadiche Modak left; your cart needs 12 pieces.")
  })
})

describe("pool arithmetic, edges", () => {
  it("says which count is not whole", () => {
    expect(() => unitsNeededPerPool([{ key: "a", poolId: "p", unitsPerVariant: 2.5, quantity: 1 }])).toThrow(
      "A stock pool counts whole units per variant; got 2.5"
    )
    expect(() => unitsNeededPerPool([{ key: "a", poolId: "p", unitsPerVariant: 250, quantity: -1 }])).toThrow("A stock pool counts whole quantity; got -1")
  })

  it("accepts a line of nothing", () => {
    expect(Object.fromEntries(unitsNeededPerPool([{ key: "a", poolId: "p", unitsPerVariant: 250, quantity: 0 }]))).toStrictEqual({ p: 0 })
    expect(Object.fromEntries(unitsNeededPerPool([{ key: "a", poolId: "p", unitsPerVariant: 0, quantity: 3 }]))).toStrictEqual({ p: 0 })
  })

  it("refuses to judge a line whose pool it was not given", () => {
    expect(() => judgePools([{ key: "a", poolId: "pool_missing", unitsPerVariant: 250, quantity: 1 }], pools)).toThrow("Unknown stock pool pool_missing")
  })
})
