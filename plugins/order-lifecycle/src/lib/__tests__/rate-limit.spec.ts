import { AbuseLimits, LIMITS } from "../rate-limit"

const small = { ...LIMITS, codePerClient: { max: 3, windowSeconds: 60 } }

describe("abuse limits", () => {
  it("count in memory per key", async () => {
    const limits = new AbuseLimits(small)
    const results = []
    for (let i = 0; i < 4; i++) results.push(await limits.hit("codePerClient", "ip4:1.2.3.4"))
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false])
    expect(results[3].retryAfterSeconds).toBeGreaterThan(0)
    expect(results[3].retryAfterSeconds).toBeLessThanOrEqual(60)
    expect((await limits.hit("codePerClient", "ip4:1.2.3.5")).allowed).toBe(true)
    expect(await limits.used("codePerClient", "ip4:1.2.3.4")).toBe(4)
    expect(await limits.used("codePerClient", "ip4:9.9.9.9")).toBe(0)
  })

  it("keep each limit's counts apart", async () => {
    const limits = new AbuseLimits(small)
    for (let i = 0; i < 3; i++) await limits.hit("codePerClient", "k")
    expect((await limits.hit("lookupPerClient", "k")).allowed).toBe(true)
  })

  it("forget every count on reset", async () => {
    const limits = new AbuseLimits(small)
    for (let i = 0; i < 4; i++) await limits.hit("codePerClient", "k")
    await limits.reset()
    expect((await limits.hit("codePerClient", "k")).allowed).toBe(true)
  })

  it("count in Redis across limiter instances (as across server processes)", async () => {
    const url = process.env.SWEETSHOP_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7"
    const a = new AbuseLimits(small, url)
    const b = new AbuseLimits(small, url)
    const key = `test:${process.pid}:${Date.now()}`
    try {
      const results = [await a.hit("codePerClient", key), await b.hit("codePerClient", key), await a.hit("codePerClient", key), await b.hit("codePerClient", key)]
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false])
      expect(await a.used("codePerClient", key)).toBe(4)
      await b.reset()
      expect(await a.used("codePerClient", key)).toBe(0)
    } finally {
      await a.close()
      await b.close()
    }
  })
})
