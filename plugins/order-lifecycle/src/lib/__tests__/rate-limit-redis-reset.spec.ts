import { spawnSync } from "child_process"
import Redis from "ioredis"
import { AbuseLimits, LIMITS } from "../rate-limit"

/** Whether a Redis server answers at this URL (checked in a child process: jest decides what runs before any test starts). */
function redisAnswers(url: string): boolean {
  const { hostname, port } = new URL(url)
  const probe = `const s=require("net").connect(${Number(port) || 6379},${JSON.stringify(hostname)});s.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1));setTimeout(()=>process.exit(1),1000)`
  return spawnSync(process.execPath, ["-e", probe]).status === 0
}

const REDIS_URL = process.env.SWEETSHOP_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7"
const withRedis = redisAnswers(REDIS_URL)
if (!withRedis) process.stdout.write(`[skipped] fixed windows in Redis (reset, close, errors): no Redis answers at ${REDIS_URL} (set SWEETSHOP_TEST_REDIS_URL)\n`)

/** The limiter's own Redis connection, to see whether close() ended it. */
const connectionOf = (limits: AbuseLimits) => (limits as unknown as { redis: Redis }).redis

/** Resolves once the limiter's connection has ended (quit is answered, and a connection attempt dropped, just before the socket closes). */
async function ended(limits: AbuseLimits) {
  for (let i = 0; i < 100 && connectionOf(limits).status !== "end"; i++) await new Promise((resolve) => setTimeout(resolve, 20))
  expect(connectionOf(limits).status).toBe("end")
}

;(withRedis ? describe : describe.skip)("fixed windows in Redis: reset, close and errors", () => {
  const key = (name: string) => `test:${process.pid}:${Date.now()}:${name}`
  let redis: Redis
  const made: AbuseLimits[] = []
  const limits = () => {
    const one = new AbuseLimits(LIMITS, REDIS_URL)
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

  it("keeps its counts under sweetshop:rate:<limit>:<key>", async () => {
    const name = key("literal")
    await limits().hit("lookupPerClient", name)
    expect(await redis.get(`sweetshop:rate:lookupPerClient:${name}`)).toBe("1")
  })

  it("resets every counter of the shop, however many pages the scan takes", async () => {
    const name = key("many")
    const pipeline = redis.pipeline()
    for (let i = 0; i < 1200; i++) pipeline.set(`sweetshop:rate:codePerClient:${name}:${i}`, "1", "EX", 60)
    await pipeline.exec()
    await limits().reset()
    const [, left] = await redis.scan("0", "MATCH", `sweetshop:rate:codePerClient:${name}:*`, "COUNT", 10_000)
    expect(left).toStrictEqual([])
  })

  it("resets when there is nothing to reset", async () => {
    const one = limits()
    await one.reset()
    await expect(one.reset()).resolves.toBeUndefined()
  })

  it("waits for its connection before resetting", async () => {
    const name = key("connecting")
    await redis.set(`sweetshop:rate:codePerClient:${name}`, "1", "EX", 60)
    // Just made: its connection is not ready yet.
    await limits().reset()
    expect(await redis.exists(`sweetshop:rate:codePerClient:${name}`)).toBe(0)
  })

  it("says so when Redis does not answer within 5 seconds of a reset", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] })
    try {
      const unreachable = new AbuseLimits(LIMITS, "redis://127.0.0.1:9/0")
      made.push(unreachable)
      const resetting = unreachable.reset()
      const outcome = expect(resetting).rejects.toThrow("Redis did not answer within 5 seconds")
      await jest.advanceTimersByTimeAsync(4_999)
      let settled = false
      resetting.catch(() => undefined).finally(() => (settled = true))
      await Promise.resolve()
      expect(settled).toBe(false)
      await jest.advanceTimersByTimeAsync(1)
      await outcome
    } finally {
      jest.useRealTimers()
    }
  })

  it("ends its connection when closed", async () => {
    const one = limits()
    await one.hit("lookupPerClient", key("close"))
    await one.close()
    await ended(one)
    const unreachable = new AbuseLimits(LIMITS, "redis://127.0.0.1:9/0")
    await unreachable.close()
    await ended(unreachable)
  })

  it("handles its connection's errors itself, so ioredis does not print each one", async () => {
    // Without a listener ioredis writes "[ioredis] Unhandled error event" for every failed
    // reconnection (not seen under jest: the error comes from another realm than jest's Error).
    const unreachable = new AbuseLimits(LIMITS, "redis://127.0.0.1:9/0")
    made.push(unreachable)
    expect(connectionOf(unreachable).listenerCount("error")).toBeGreaterThan(0)
    expect((await unreachable.hit("lookupPerClient", key("log"))).allowed).toBe(true)
  }, 15_000)
})
