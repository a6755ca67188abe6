import { isLinkCode, LINK_CODE_LENGTH, linkCodeHash, newLinkCode } from "../short-links"

describe("short tracking links", () => {
  it("makes 10-character codes of letters and digits, each different", () => {
    const codes = Array.from({ length: 2000 }, newLinkCode)
    for (const code of codes) {
      expect(code).toMatch(/^[A-Za-z0-9]{10}$/)
      expect(isLinkCode(code)).toBe(true)
    }
    expect(new Set(codes).size).toBe(codes.length)
    expect(LINK_CODE_LENGTH).toBe(10)
  })

  it("uses the whole alphabet (no letter or digit left out)", () => {
    const seen = new Set(Array.from({ length: 500 }, newLinkCode).join(""))
    expect(seen.size).toBe(62)
  })

  it("tells a code from an encrypted token and from anything else", () => {
    expect(isLinkCode("Ab3dE5gH7k")).toBe(true)
    for (const other of ["Ab3dE5gH7", "Ab3dE5gH7kX", "Ab3dE5gH7-", "eyJhbGciOiJkaXIi..a.b.c", "", null, 12345678901]) {
      expect(isLinkCode(other)).toBe(false)
    }
  })

  it("keeps a keyed hash: the code is not in it, and another secret or code gives another hash", () => {
    const hash = linkCodeHash("a-secret-of-sixteen+", "Ab3dE5gH7k")
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).not.toContain("Ab3dE5gH7k")
    expect(linkCodeHash("a-secret-of-sixteen+", "Ab3dE5gH7k")).toBe(hash)
    expect(linkCodeHash("another-secret-16chars", "Ab3dE5gH7k")).not.toBe(hash)
    expect(linkCodeHash("a-secret-of-sixteen+", "Ab3dE5gH7K")).not.toBe(hash)
  })
})
