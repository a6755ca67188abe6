import { formatOrderNumber, parseOrderNumber, pincodeDigits } from "../orders"

describe("parseOrderNumber", () => {
  it.each([
    ["13", 13],
    ["#13", 13],
    [" # 13 ", 13],
    ["SS-13", 13],
    ["ss13", 13],
    ["SS 13", 13],
    ["Order #13", 13],
    ["order no. 13", 13],
    ["Order number 1042", 1042],
    ["0013", 13],
    [13, 13],
  ])("reads %p as %p", (typed, number) => {
    expect(parseOrderNumber(typed)).toBe(number)
  })

  it.each(["", "#", "0", "#0", "13 14", "1.5", "-13", "abc", "13a", "99999999999", "SS--13", null, undefined, 0, 1.5, -3, {}])("refuses %p", (typed) => {
    expect(parseOrderNumber(typed)).toBeNull()
  })

  it("prints the number as the shop does", () => {
    expect(formatOrderNumber(13)).toBe("#13")
    expect(parseOrderNumber(formatOrderNumber(4242))).toBe(4242)
  })
})

describe("pincodeDigits", () => {
  it.each([
    ["110024", "110024"],
    ["110 024", "110024"],
    [" 110-024 ", "110024"],
    ["122001", "122001"],
  ])("reads %p as %p", (typed, digits) => {
    expect(pincodeDigits(typed)).toBe(digits)
  })

  it.each(["11002", "1100245", "011002", "110 0245", "11OO24", "", null, 110024])("refuses %p (never truncated)", (typed) => {
    expect(pincodeDigits(typed)).toBeNull()
  })
})

describe("pieces by another name", () => {
  const { formatPieces, formatQuantity, pieceNameOf } = require("../units") as typeof import("../units")
  it("gift boxes are sold as boxes; other pieces stay pieces", () => {
    expect(pieceNameOf({ piece_name: "box" })).toBe("box")
    expect(pieceNameOf({ piece_name: "crate" })).toBeNull()
    expect(pieceNameOf(null)).toBeNull()
    expect(formatPieces(1, "box")).toBe("1 box")
    expect(formatPieces(5, "box")).toBe("5 boxes")
    expect(formatPieces(6)).toBe("6 pieces")
    expect(formatQuantity("pieces", 2, "box")).toBe("2 boxes")
    expect(formatQuantity("grams", 500, "box")).toBe("500 g")
  })
})
