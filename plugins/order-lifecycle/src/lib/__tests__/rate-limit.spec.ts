import { MemoryRateLimiter, RedisRateLimiter } from "../rate-limit"

const limit = { max: 3, windowSeconds: 60 }

describe("abuse limits", () => {
  it("count in memory per key, and open again when the window passes", async () => {
    let now = 1_000_000
    const limiter = new MemoryRateLimiter(() => now)
    const results = []
    for (let i = 0; i < 4; i++) results.push(await limiter.hit("phone:1", limit))
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false])
    expect(results[3].retryAfterSeconds).toBe(60)
    expect((await limiter.hit("phone:2", limit)).allowed).toBe(true)
    now += 60_001
    expect((await limiter.hit("phone:1", limit)).allowed).toBe(true)
  })

  it("count in Redis across limiter instances (as across server processes)", async () => {
    const url = process.env.SWEETSHOP_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7"
    const a = new RedisRateLimiter(url)
    const b = new RedisRateLimiter(url)
    const key = `test:${process.pid}:${Date.now()}`
    try {
      const results = [await a.hit(key, limit), await b.hit(key, limit), await a.hit(key, limit), await b.hit(key, limit)]
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false])
      expect(results[3].retryAfterSeconds).toBeGreaterThan(0)
      expect(results[3].retryAfterSeconds).toBeLessThanOrEqual(60)
    } finally {
      await a.close()
      await b.close()
    }
  })
})
