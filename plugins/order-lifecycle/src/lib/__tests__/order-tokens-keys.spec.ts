import { EncryptJWT } from "jose"
import { keyFor, MAX_TOKEN_LENGTH, openToken, sealToken, type TokenPurpose } from "../order-tokens"

const SECRET = "a-secret-of-at-least-16-chars"
const later = new Date(Date.now() + 60_000)
const hex = (key: Uint8Array) => Buffer.from(key).toString("hex")

describe("order tokens' keys", () => {
  it("are HKDF-SHA256 of the secret, salt sweetshop/order-lifecycle, info token:<purpose>:v1, so tokens already sent keep opening after an upgrade", () => {
    // openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt key:a-secret-of-at-least-16-chars \
    //   -kdfopt salt:sweetshop/order-lifecycle -kdfopt info:token:<purpose>:v1 HKDF
    expect(hex(keyFor(SECRET, "track-order"))).toBe("4c799eb5706d4c48b2d590489ed7ca2f50bfa3c59557991753b931a5a5b1313a")
    expect(hex(keyFor(SECRET, "order-owner"))).toBe("0b9badf8f8d7af2d07fb5bbe2714bff2de560b92e16b660c7127c27386c344ff")
    expect(hex(keyFor(SECRET, "orders-session"))).toBe("bb5f85af6141ed3d274c21088b0dfe85024b71d1e04aff7dccbc0ae3974b8d95")
  })

  it("are derived once per secret and purpose, and at most 17 are kept", () => {
    jest.isolateModules(() => {
      const { keyFor: fresh } = require("../order-tokens") as typeof import("../order-tokens")
      const first = fresh("secret-0-of-at-least-16", "track-order")
      expect(fresh("secret-0-of-at-least-16", "track-order")).toBe(first)
      expect(fresh("secret-0-of-at-least-16", "order-owner")).not.toBe(first)
      // 17 keys are held (these two and 15 more)...
      for (let i = 1; i <= 15; i++) fresh(`secret-${i}-of-at-least-16`, "track-order")
      expect(fresh("secret-0-of-at-least-16", "track-order")).toBe(first)
      // ...and an 18th clears them: the key is derived again, the same.
      fresh("secret-16-of-at-least-16", "track-order")
      const again = fresh("secret-0-of-at-least-16", "track-order")
      expect(again).not.toBe(first)
      expect(hex(again)).toBe(hex(first))
    })
  })
})

describe("opening order tokens", () => {
  /** A token made with the shop's key for the purpose, but with claims of the test's choosing. */
  const forged = async (purpose: TokenPurpose, claims: Record<string, unknown>, exp?: number) => {
    const jwt = new EncryptJWT(claims).setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    if (exp !== undefined) jwt.setExpirationTime(exp)
    return jwt.encrypt(keyFor(SECRET, purpose))
  }
  const exp = Math.floor(later.getTime() / 1000)

  it("needs the purpose inside to be the one asked for, not only the key", async () => {
    expect(await openToken(SECRET, "track-order", await forged("track-order", { o: "order_1", pur: "track-order" }, exp))).toStrictEqual({ o: "order_1" })
    expect(await openToken(SECRET, "track-order", await forged("track-order", { o: "order_1", pur: "order-owner" }, exp))).toBeNull()
    expect(await openToken(SECRET, "track-order", await forged("track-order", { o: "order_1" }, exp))).toBeNull()
  })

  it("needs an expiry", async () => {
    expect(await openToken(SECRET, "track-order", await forged("track-order", { o: "order_1", pur: "track-order" }))).toBeNull()
  })

  it("gives back text claims only", async () => {
    expect(await openToken(SECRET, "track-order", await forged("track-order", { o: 42, pur: "track-order" }, exp))).toBeNull()
  })

  it("reads a token of exactly 2,048 characters", async () => {
    // The claim's length that makes the token 2,048 characters long (base64url grows by 4 per 3).
    let exact: string | undefined
    for (let n = 1400; n < 1460 && !exact; n++) {
      const token = await sealToken(SECRET, "track-order", { o: "x".repeat(n) }, later)
      if (token.length === MAX_TOKEN_LENGTH) exact = token
    }
    expect(exact).toBeDefined()
    expect(await openToken(SECRET, "track-order", exact)).toStrictEqual({ o: expect.stringMatching(/^x+$/) })
  })
})
