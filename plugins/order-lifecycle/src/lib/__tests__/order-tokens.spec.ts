import { signToken } from "../signed-token"
import { MAX_TOKEN_LENGTH, openToken, openTrackingToken, sealToken } from "../order-tokens"

const SECRET = "a-secret-of-at-least-16-chars"
const later = new Date(Date.now() + 60_000)

/** Every readable part of a compact JWE: its five base64url segments, decoded. */
const readable = (token: string) => token.split(".").map((part) => Buffer.from(part, "base64url").toString("latin1")).join("\n")

describe("order tokens (encrypted)", () => {
  it("give back the claims of a valid token of the same purpose", async () => {
    const token = await sealToken(SECRET, "track-order", { o: "order_01JABCDEF" }, later)
    expect(await openToken(SECRET, "track-order", token)).toStrictEqual({ o: "order_01JABCDEF" })
  })

  it("hide what they carry: no order id, no phone, no purpose in any part", async () => {
    const tracking = await sealToken(SECRET, "track-order", { o: "order_01JABCDEF" }, later)
    const session = await sealToken(SECRET, "orders-session", { p: "+919876543210" }, later)
    expect(tracking.split(".")).toHaveLength(5)
    for (const [token, secret] of [
      [tracking, "order_01JABCDEF"],
      [session, "9876543210"],
    ]) {
      const shown = readable(token)
      expect(shown).not.toContain(secret)
      expect(shown).not.toContain("track-order")
      expect(shown).not.toContain("orders-session")
      expect(JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"))).toStrictEqual({ alg: "dir", enc: "A256GCM" })
    }
  })

  it("differ every time, even for the same claims", async () => {
    const a = await sealToken(SECRET, "track-order", { o: "order_1" }, later)
    const b = await sealToken(SECRET, "track-order", { o: "order_1" }, later)
    expect(a).not.toBe(b)
  })

  it("refuse another purpose, another secret, an edited token, an expired token and garbage", async () => {
    const token = await sealToken(SECRET, "order-owner", { o: "order_1" }, later)
    expect(await openToken(SECRET, "track-order", token)).toBeNull()
    expect(await openToken(SECRET, "orders-session", token)).toBeNull()
    expect(await openToken("another-secret-of-16-chars", "order-owner", token)).toBeNull()
    const parts = token.split(".")
    const flipped = parts[3].startsWith("A") ? `B${parts[3].slice(1)}` : `A${parts[3].slice(1)}`
    expect(await openToken(SECRET, "order-owner", [...parts.slice(0, 3), flipped, parts[4]].join("."))).toBeNull()
    expect(await openToken(SECRET, "order-owner", token, later.getTime() + 1000)).toBeNull()
    for (const junk of ["", "a.b", "a.b.c.d.e", "a.b.c.d.e.f", 42, null, undefined, {}, "x".repeat(5000)]) {
      expect(await openToken(SECRET, "order-owner", junk)).toBeNull()
    }
  })

  it("expire at their expiry second", async () => {
    const at = new Date(1_800_000_000_000)
    const token = await sealToken(SECRET, "track-order", { o: "order_1" }, at)
    expect(await openToken(SECRET, "track-order", token, at.getTime() - 1000)).toStrictEqual({ o: "order_1" })
    expect(await openToken(SECRET, "track-order", token, at.getTime())).toBeNull()
  })

  it("are read up to 2,048 characters", async () => {
    expect(MAX_TOKEN_LENGTH).toBe(2048)
    const long = await sealToken(SECRET, "track-order", { o: "x".repeat(1600) }, later)
    expect(long.length).toBeGreaterThan(2048)
    expect(await openToken(SECRET, "track-order", long)).toBeNull()
    const fits = await sealToken(SECRET, "track-order", { o: "x".repeat(1400) }, later)
    expect(fits.length).toBeLessThanOrEqual(2048)
    expect(await openToken(SECRET, "track-order", fits)).toStrictEqual({ o: "x".repeat(1400) })
  })

  it("open tracking links of the earlier signed format until they expire", async () => {
    const legacy = signToken(SECRET, "track-order", { o: "order_1" }, later)
    expect(await openTrackingToken(SECRET, legacy)).toBe("order_1")
    expect(await openTrackingToken(SECRET, legacy, later.getTime() + 1000)).toBeNull()
    expect(await openTrackingToken(SECRET, signToken(SECRET, "orders-session", { o: "order_1" }, later))).toBeNull()
    expect(await openTrackingToken(SECRET, await sealToken(SECRET, "track-order", { o: "order_2" }, later))).toBe("order_2")
    expect(await openTrackingToken(SECRET, await sealToken(SECRET, "order-owner", { o: "order_2" }, later))).toBeNull()
    expect(await openTrackingToken(SECRET, "nonsense")).toBeNull()
  })
})
