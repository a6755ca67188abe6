import { hashCode, sameHash, signToken, verifyToken } from "../signed-token"

const SECRET = "a-secret-of-at-least-16-chars"
const later = new Date(Date.now() + 60_000)

describe("signed tokens", () => {
  it("gives back the claims of a valid token of the same purpose", () => {
    const token = signToken(SECRET, "track-order", { o: "order_1" }, later)
    expect(verifyToken(SECRET, "track-order", token)).toEqual({ o: "order_1" })
  })

  it("refuses another purpose, another secret, an edited payload, an expired token and garbage", () => {
    const token = signToken(SECRET, "track-order", { o: "order_1" }, later)
    expect(verifyToken(SECRET, "orders-session", token)).toBeNull()
    expect(verifyToken("another-secret-of-16-chars", "track-order", token)).toBeNull()
    const [, signature] = token.split(".")
    const edited = Buffer.from(JSON.stringify({ o: "order_2", pur: "track-order", exp: later.getTime() / 1000 })).toString("base64url")
    expect(verifyToken(SECRET, "track-order", `${edited}.${signature}`)).toBeNull()
    expect(verifyToken(SECRET, "track-order", token, later.getTime() + 1000)).toBeNull()
    for (const junk of ["", "a.b", "a.b.c", 42, null, "x".repeat(5000)]) expect(verifyToken(SECRET, "track-order", junk)).toBeNull()
  })

  it("hashes one-time codes per phone, never keeping the code", () => {
    const hash = hashCode(SECRET, "+919876543210", "123456")
    expect(hash).not.toContain("123456")
    expect(sameHash(hash, hashCode(SECRET, "+919876543210", "123456"))).toBe(true)
    expect(sameHash(hash, hashCode(SECRET, "+919876543211", "123456"))).toBe(false)
  })
})
