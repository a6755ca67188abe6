import crypto from "crypto"
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

describe("signed tokens, their format and limits", () => {
  // Tokens built here by hand (HMAC-SHA256, base64url, as the format says) to
  // reach the checks a token made by signToken never reaches.
  const sign = (payload: string) => crypto.createHmac("sha256", SECRET).update(payload).digest("base64url")
  const handMade = (claims: unknown) => {
    const payload = Buffer.from(typeof claims === "string" ? claims : JSON.stringify(claims)).toString("base64url")
    return `${payload}.${sign(payload)}`
  }
  const exp = Math.floor(later.getTime() / 1000)

  it("is the JSON of the claims, the purpose and the expiry in seconds, then its HMAC", () => {
    const at = new Date("2026-11-25T10:00:00.000Z")
    const token = signToken(SECRET, "orders-session", { p: "+919876543210" }, at)
    const [payload, signature] = token.split(".")
    expect(JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))).toStrictEqual({ p: "+919876543210", pur: "orders-session", exp: 1795600800 })
    expect(signature).toBe(sign(payload))
    expect(verifyToken(SECRET, "orders-session", token, at.getTime() - 1)).toStrictEqual({ p: "+919876543210" })
  })

  it("expires at its expiry second, not a millisecond later", () => {
    const token = handMade({ o: "order_1", pur: "track-order", exp: 1_800_000_000 })
    expect(verifyToken(SECRET, "track-order", token, 1_800_000_000_000 - 1)).toStrictEqual({ o: "order_1" })
    expect(verifyToken(SECRET, "track-order", token, 1_800_000_000_000)).toBeNull()
  })

  it("accepts a signed token only with a numeric expiry and its own purpose", () => {
    expect(verifyToken(SECRET, "track-order", handMade({ o: "order_1", pur: "track-order", exp }))).toStrictEqual({ o: "order_1" })
    expect(verifyToken(SECRET, "track-order", handMade({ o: "order_1", pur: "track-order", exp: String(exp) }))).toBeNull()
    expect(verifyToken(SECRET, "track-order", handMade({ o: "order_1", pur: "track-order" }))).toBeNull()
    expect(verifyToken(SECRET, "track-order", handMade({ o: "order_1", exp }))).toBeNull()
    expect(verifyToken(SECRET, "track-order", handMade(null))).toBeNull()
    expect(verifyToken(SECRET, "track-order", handMade("not json"))).toBeNull()
  })

  it("refuses a valid token with anything after it", () => {
    const token = signToken(SECRET, "track-order", { o: "order_1" }, later)
    expect(verifyToken(SECRET, "track-order", `${token}.x`)).toBeNull()
    expect(verifyToken(SECRET, "track-order", `${token}.`)).toBeNull()
    expect(verifyToken(SECRET, "track-order", `.${token.split(".")[1]}`)).toBeNull()
    expect(verifyToken(SECRET, "track-order", `${token.split(".")[0]}.`)).toBeNull()
  })

  it("reads tokens up to 2,048 characters, not one more", () => {
    // The JSON grows by one character per character of the claim; base64url makes
    // 4 characters of every 3, and the signature adds 44 ("." and 43).
    const tokenOf = (n: number) => signToken(SECRET, "track-order", { o: "x".repeat(n) }, later)
    const n = Array.from({ length: 1600 }, (_, i) => i).find((i) => tokenOf(i).length === 2048)!
    expect(tokenOf(n).length).toBe(2048)
    expect(verifyToken(SECRET, "track-order", tokenOf(n))).toStrictEqual({ o: "x".repeat(n) })
    const longer = tokenOf(n + 3)
    expect(longer.length).toBe(2052)
    expect(verifyToken(SECRET, "track-order", longer)).toBeNull()
  })

  it("compares code hashes of different lengths as different, without throwing", () => {
    expect(sameHash("abc", "abcd")).toBe(false)
    expect(sameHash("", "a")).toBe(false)
    expect(sameHash("abcd", "abce")).toBe(false)
    expect(sameHash("abcd", "abcd")).toBe(true)
  })

  it("hashes the phone and the code together with the secret", () => {
    // printf %s "otp:+919876543210:123456" | openssl dgst -sha256 -hmac a-secret-of-at-least-16-chars
    expect(hashCode(SECRET, "+919876543210", "123456")).toBe("5a12a02be3f34888d152b2e38cf0f20877d9718e25868e011d7309e274ee815e")
    expect(hashCode(SECRET, "+919876543210", "123457")).not.toBe(hashCode(SECRET, "+919876543210", "123456"))
    expect(hashCode("another-secret-of-16-chars", "+919876543210", "123456")).not.toBe(hashCode(SECRET, "+919876543210", "123456"))
  })
})
