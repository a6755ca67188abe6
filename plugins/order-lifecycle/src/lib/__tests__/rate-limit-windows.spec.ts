import { spawnSync } from "child_process"
import Redis from "ioredis"
import { LIMITS, MemoryRateLimiter, RedisRateLimiter } from "../rate-limit"

describe("the shop's abuse limits", () => {
  it("are 20 lookups per client and 10 per phone in 10 minutes, 10 codes per client an hour, 3 per phone in 15 minutes, 30 sessions per client in 10 minutes", () => {
    expect(LIMITS).toStrictEqual({
      lookupPerClient: { max: 20, windowSeconds: 600 },
      lookupPerPhone: { max: 10, windowSeconds: 600 },
      codePerClient: { max: 10, windowSeconds: 3600 },
      codePerPhone: { max: 3, windowSeconds: 900 },
      sessionPerClient: { max: 30, windowSeconds: 600 },
    })
  })
})

describe("fixed windows in memory", () => {
  const limit = { max: 2, windowSeconds: 60 }

  it("opens a new window exactly when the old one ends", async () => {
    let now = 5_000_000
    const limiter = new MemoryRateLimiter(() => now)
    expect((await limiter.hit("k", limit)).allowed).toBe(true)
    expect((await limiter.hit("k", limit)).allowed).toBe(true)
    now += 59_999
    expect(await limiter.hit("k", limit)).toStrictEqual({ allowed: false, retryAfterSeconds: 1 })
    now += 1
    expect(await limiter.hit("k", limit)).toStrictEqual({ allowed: true, retryAfterSeconds: 60 })
  })

  it("tells how long to wait in whole seconds, rounded up", async () => {
    let now = 0
    const limiter = new MemoryRateLimiter(() => now)
    await limiter.hit("k", limit)
    now = 1_500
    expect((await limiter.hit("k", limit)).retryAfterSeconds).toBe(59)
    now = 30_001
    expect((await limiter.hit("k", limit)).retryAfterSeconds).toBe(30)
  })

  it("forgets ended windows once more than 50,000 keys are held, never on every hit", async () => {
    let now = 0
    const limiter = new MemoryRateLimiter(() => now)
    const held = () => (limiter as unknown as { windows: Map<string, unknown> }).windows.size
    for (let i = 0; i < 49_999; i++) await limiter.hit(`old:${i}`, limit)
    now = 60_000 // every window so far ends now
    await limiter.hit("fresh:1", limit)
    expect(held()).toBe(50_000) // at the bound: nothing swept yet
    await limiter.hit("fresh:1", limit) // an existing window: no sweep either
    expect(held()).toBe(50_000)
    await limiter.hit("fresh:2", limit) // past the bound: the ended windows go, the open ones stay
    expect(held()).toBe(2)
    expect((await limiter.hit("fresh:1", limit)).allowed).toBe(false)
  })

  it("keeps the windows that are still open when it sweeps", async () => {
    let now = 0
    const limiter = new MemoryRateLimiter(() => now)
    const held = () => (limiter as unknown as { windows: Map<string, unknown> }).windows.size
    for (let i = 0; i < 25_000; i++) await limiter.hit(`old:${i}`, limit)
    now = 30_000
    for (let i = 0; i < 25_000; i++) await limiter.hit(`newer:${i}`, limit)
    now = 60_000 // the first half ends now; the second half is open until 90,000
    await limiter.hit("fresh", limit)
    expect(held()).toBe(25_001)
    expect((await limiter.hit("newer:7", limit)).allowed).toBe(true)
    expect((await limiter.hit("newer:7", limit)).allowed).toBe(false)
  })
})

/** Whether a Redis server answers at this URL (checked in a child process: jest decides what runs before any test starts). */
function redisAnswers(url: string): boolean {
  const { hostname, port } = new URL(url)
  const probe = `const s=require("net").connect(${Number(port) || 6379},${JSON.stringify(hostname)});s.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1));setTimeout(()=>process.exit(1),1000)`
  return spawnSync(process.execPath, ["-e", probe]).status === 0
}

const REDIS_URL = process.env.SWEETSHOP_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7"
const withRedis = redisAnswers(REDIS_URL)
if (!withRedis) process.stdout.write(`[skipped] fixed windows in Redis: no Redis answers at ${REDIS_URL} (set SWEETSHOP_TEST_REDIS_URL)\n`)

;(withRedis ? describe : describe.skip)("fixed windows in Redis", () => {
  const key = (name: string) => `test:${process.pid}:${Date.now()}:${name}`
  let redis: Redis
  const limiters: RedisRateLimiter[] = []
  const limiter = () => {
    const made = new RedisRateLimiter(REDIS_URL)
    limiters.push(made)
    return made
  }

  beforeAll(() => {
    redis = new Redis(REDIS_URL)
  })
  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.close().catch(() => undefined)))
    await redis.quit()
  })

  it("counts under the shop's own key prefix, with the window as its time to live", async () => {
    const name = key("prefix")
    const first = await limiter().hit(name, { max: 3, windowSeconds: 60 })
    expect(first).toStrictEqual({ allowed: true, retryAfterSeconds: 60 })
    expect(await redis.get(`sweetshop:rate:${name}`)).toBe("1")
    const ttl = await redis.ttl(`sweetshop:rate:${name}`)
    expect(ttl).toBeGreaterThan(55)
    expect(ttl).toBeLessThanOrEqual(60)
    expect(await redis.exists(name)).toBe(0)
  })

  it("does not stretch the window on later hits, and tells the time left in it", async () => {
    const name = key("fixed")
    const shared = limiter()
    await shared.hit(name, { max: 1, windowSeconds: 60 })
    // As if 45 seconds of the window had gone by.
    await redis.expire(`sweetshop:rate:${name}`, 15)
    const second = await shared.hit(name, { max: 1, windowSeconds: 60 })
    expect(second.allowed).toBe(false)
    expect(second.retryAfterSeconds).toBeGreaterThan(10)
    expect(second.retryAfterSeconds).toBeLessThanOrEqual(15)
    expect(await redis.ttl(`sweetshop:rate:${name}`)).toBeLessThanOrEqual(15)
  })

  it("gives a counter that lost its expiry one again", async () => {
    const name = key("no-expiry")
    await redis.set(`sweetshop:rate:${name}`, "5")
    const hit = await limiter().hit(name, { max: 10, windowSeconds: 30 })
    expect(hit).toStrictEqual({ allowed: true, retryAfterSeconds: 30 })
    expect(await redis.ttl(`sweetshop:rate:${name}`)).toBeGreaterThan(25)
  })

  it("lets go of its connection when closed", async () => {
    const closing = new RedisRateLimiter(REDIS_URL)
    await closing.hit(key("close"), { max: 1, windowSeconds: 5 })
    await closing.close()
    await expect(closing.hit(key("close"), { max: 1, windowSeconds: 5 })).rejects.toThrow(/closed/i)
  })

  it("gives up quickly when Redis does not answer, instead of holding the request", async () => {
    // A port nobody listens on: two retries, then the hit fails (ioredis's default would retry 20 times).
    const working = limiter()
    const unreachable = new RedisRateLimiter("redis://127.0.0.1:9/0")
    limiters.push(unreachable)
    const started = Date.now()
    await expect(unreachable.hit(key("down"), { max: 1, windowSeconds: 5 })).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(3_000)
    expect((await working.hit(key("up"), { max: 1, windowSeconds: 5 })).allowed).toBe(true)
  }, 15_000)
})
