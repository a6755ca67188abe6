import { DEFAULT_HSN, GST_RATE_PERCENT, GSTIN_PATTERN, gstState, HSN_PATTERN } from "../index"

describe("GST states", () => {
  it("finds a state by its name as typed, an alias or its code", () => {
    expect(gstState("Delhi")).toEqual({ name: "Delhi", code: "07" })
    expect(gstState(" new  delhi ")).toEqual({ name: "Delhi", code: "07" })
    expect(gstState("uttar pradesh")).toEqual({ name: "Uttar Pradesh", code: "09" })
    expect(gstState("Haryana")).toEqual({ name: "Haryana", code: "06" })
    expect(gstState("Orissa")).toEqual({ name: "Odisha", code: "21" })
    expect(gstState("Jammu & Kashmir")).toEqual({ name: "Jammu and Kashmir", code: "01" })
    expect(gstState("27")).toEqual({ name: "Maharashtra", code: "27" })
  })

  it("answers null for anything that is not a state", () => {
    for (const input of ["", "  ", "Atlantis", "99", "7", null, undefined]) expect(gstState(input)).toBeNull()
  })

  it("states the rate, the default HSN and the shapes of a GSTIN and an HSN", () => {
    expect(GST_RATE_PERCENT).toBe(5)
    expect(DEFAULT_HSN).toBe("2106")
    expect(GSTIN_PATTERN.test("07AABCS1234Q1Z5")).toBe(true)
    expect(GSTIN_PATTERN.test("07aabcs1234q1z5")).toBe(false)
    expect(HSN_PATTERN.test("1704")).toBe(true)
    expect(HSN_PATTERN.test("17040")).toBe(false)
  })
})
