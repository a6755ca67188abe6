import { bestBefore, shelfLifeDaysOf } from "../freshness"

describe("best-before dates", () => {
  it("adds the shelf life to the day the box goes out, across months and years", () => {
    expect(bestBefore("2026-12-03", 3)).toBe("2026-12-06")
    expect(bestBefore("2026-12-30", 15)).toBe("2027-01-14")
    expect(bestBefore("2028-02-28", 1)).toBe("2028-02-29")
  })

  it("gives no date for a day that is not a calendar date, or without a shelf life", () => {
    expect(bestBefore("2026-02-30", 3)).toBeNull()
    expect(bestBefore("tomorrow", 3)).toBeNull()
    expect(bestBefore(null, 3)).toBeNull()
    expect(bestBefore("2026-12-03", null)).toBeNull()
    expect(bestBefore("2026-12-03", 0)).toBeNull()
    expect(bestBefore("2026-12-03", 1.5)).toBeNull()
  })

  it("reads the shelf life from product metadata as whole days", () => {
    expect(shelfLifeDaysOf({ shelf_life_days: 15 })).toBe(15)
    expect(shelfLifeDaysOf({ shelf_life_days: "4" })).toBe(4)
    expect(shelfLifeDaysOf({ shelf_life_days: "two" })).toBeNull()
    expect(shelfLifeDaysOf({ shelf_life_days: -1 })).toBeNull()
    expect(shelfLifeDaysOf({})).toBeNull()
    expect(shelfLifeDaysOf(null)).toBeNull()
  })
})
