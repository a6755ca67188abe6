import { spawnSync } from "child_process"
import Redis from "ioredis"
import { AbuseLimits, KEY_PREFIX, LIMITS } from "../rate-limit"

describe("the shop's abuse limits", () => {
  it("are per client, or per phone and client, for everything a shopper can run into; the SMS caps are per phone a day and shop-wide an hour", () => {
    expect(LIMITS).toStrictEqual({
      lookupPerClient: { max: 20, windowSeconds: 600 },
      lookupPerPhoneAndClient: { max: 10, windowSeconds: 600 },
      linkPerClient: { max: 30, windowSeconds: 600 },
      codePerClient: { max: 10, windowSeconds: 3600 },
      codePerPhoneAndClient: { max: 3, windowSeconds: 900 },
      codePerPhoneAndClientDaily: { max: 4, windowSeconds: 86400 },
      smsPerPhoneDaily: { max: 10, windowSeconds: 86400 },
      smsPerHour: { max: 300, windowSeconds: 3600 },
      sessionPerClient: { max: 30, windowSeconds: 600 },
      wrongCodePerClient: { max: 5, windowSeconds: 600 },
    })
  })

  it("let one client use at most 4 of a phone's 10 daily code texts, so one stranger cannot use them all", () => {
    expect(LIMITS.codePerPhoneAndClientDaily.max * 2).toBeLessThan(LIMITS.smsPerPhoneDaily.max)
  })
})

describe("fixed windows in memory", () => {
  it("tell how long until the window ends, in whole seconds", async () => {
    const limits = new AbuseLimits({ ...LIMITS, sessionPerClient: { max: 1, windowSeconds: 60 } })
    expect(await limits.hit("sessionPerClient", "k")).toStrictEqual({ allowed: true, retryAfterSeconds: 60 })
    const refused = await limits.hit("sessionPerClient", "k")
    expect(refused.allowed).toBe(false)
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59)
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
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
  const made: AbuseLimits[] = []
  const limits = (overrides = {}) => {
    const one = new AbuseLimits({ ...LIMITS, ...overrides }, REDIS_URL)
    made.push(one)
    return one
  }

  beforeAll(() => {
    redis = new Redis(REDIS_URL)
  })
  afterAll(async () => {
    await Promise.all(made.map((l) => l.close().catch(() => undefined)))
    await redis.quit()
  })

  it("count under the shop's own key prefix and the limit's name, with the window as time to live", async () => {
    const name = key("prefix")
    expect((await limits().hit("codePerClient", name)).allowed).toBe(true)
    expect(await redis.get(`${KEY_PREFIX}:codePerClient:${name}`)).toBe("1")
    const ttl = await redis.ttl(`${KEY_PREFIX}:codePerClient:${name}`)
    expect(ttl).toBeGreaterThan(3590)
    expect(ttl).toBeLessThanOrEqual(3600)
  })

  it("do not stretch the window on later hits", async () => {
    const name = key("fixed")
    const shared = limits({ sessionPerClient: { max: 1, windowSeconds: 60 } })
    await shared.hit("sessionPerClient", name)
    // As if 45 seconds of the window had gone by.
    await redis.pexpire(`${KEY_PREFIX}:sessionPerClient:${name}`, 15_000)
    const second = await shared.hit("sessionPerClient", name)
    expect(second.allowed).toBe(false)
    expect(second.retryAfterSeconds).toBeGreaterThan(10)
    expect(second.retryAfterSeconds).toBeLessThanOrEqual(15)
  })

  it("reset only the shop's counters", async () => {
    const other = key("not-ours")
    await redis.set(other, "1")
    const name = key("reset")
    const one = limits()
    await one.hit("codePerClient", name)
    await one.reset()
    expect(await redis.exists(`${KEY_PREFIX}:codePerClient:${name}`)).toBe(0)
    expect(await redis.get(other)).toBe("1")
    await redis.del(other)
  })

  it("keep answering, in this process's memory, when Redis does not answer", async () => {
    const unreachable = new AbuseLimits({ ...LIMITS, codePerClient: { max: 2, windowSeconds: 60 } }, "redis://127.0.0.1:9/0")
    made.push(unreachable)
    const started = Date.now()
    const results = [await unreachable.hit("codePerClient", "k"), await unreachable.hit("codePerClient", "k"), await unreachable.hit("codePerClient", "k")]
    expect(results.map((r) => r.allowed)).toEqual([true, true, false])
    expect(Date.now() - started).toBeLessThan(5_000)
  }, 15_000)
})
