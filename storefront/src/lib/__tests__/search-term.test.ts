import { searchTerm } from "../search-term"

describe("searchTerm", () => {
  it("takes the words of ?q=, trimmed and cut to 100 characters, the first when repeated", () => {
    expect(searchTerm("  kaju katli ")).toEqual({ words: "kaju katli", refused: false })
    expect(searchTerm(["laddoo", "peda"])).toEqual({ words: "laddoo", refused: false })
    expect(searchTerm("x".repeat(150)).words).toHaveLength(100)
    expect(searchTerm("काजू कतली")).toEqual({ words: "काजू कतली", refused: false })
  })

  it("has nothing to look for without ?q=", () => {
    expect(searchTerm(undefined)).toEqual({ words: "", refused: false })
    expect(searchTerm("   ")).toEqual({ words: "", refused: false })
  })

  it.each([
    ["a NUL byte", "\u0000"],
    ["a NUL byte inside a word", "lad\u0000doo"],
    ["another control character", "kaju\u0007"],
    ["DEL", "\u007f"],
    ["a C1 control", "\u0085peda"],
    ["a bidirectional override", "\u202Eoodal"],
    ["a bidirectional isolate", "\u2066laddoo\u2069"],
  ])("refuses %s and echoes none of it", (_, raw) => {
    expect(searchTerm(raw)).toEqual({ words: "", refused: true })
  })
})
