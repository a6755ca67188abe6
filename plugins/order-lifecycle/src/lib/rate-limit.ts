import Redis from "ioredis"

/**
 * Fixed-window counters for abuse limits: in Redis when the shop has one (so
 * every server process counts together), in this process's memory otherwise.
 */

export type Limit = { max: number; windowSeconds: number }
export type LimitResult = { allowed: boolean; retryAfterSeconds: number }

export interface RateLimiter {
  hit(key: string, limit: Limit): Promise<LimitResult>
}

export class MemoryRateLimiter implements RateLimiter {
  private windows = new Map<string, { count: number; resetAt: number }>()

  constructor(private now: () => number = Date.now) {}

  async hit(key: string, { max, windowSeconds }: Limit): Promise<LimitResult> {
    const now = this.now()
    let window = this.windows.get(key)
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 }
      this.windows.set(key, window)
      if (this.windows.size > 50_000) this.sweep(now)
    }
    window.count += 1
    return { allowed: window.count <= max, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) }
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key)
  }
}

export class RedisRateLimiter implements RateLimiter {
  private redis: Redis

  constructor(url: string) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true })
  }

  async hit(key: string, { max, windowSeconds }: Limit): Promise<LimitResult> {
    const redisKey = `sweetshop:rate:${key}`
    const [[, count], [, ttl]] = (await this.redis
      .multi()
      .incr(redisKey)
      .ttl(redisKey)
      .exec()) as [[unknown, number], [unknown, number]]
    if (ttl < 0) await this.redis.expire(redisKey, windowSeconds)
    return { allowed: count <= max, retryAfterSeconds: ttl > 0 ? ttl : windowSeconds }
  }

  async close() {
    await this.redis.quit()
  }
}

/** The shop's limits (per client address and per phone number). */
export const LIMITS = {
  lookupPerClient: { max: 20, windowSeconds: 10 * 60 },
  lookupPerPhone: { max: 10, windowSeconds: 10 * 60 },
  codePerClient: { max: 10, windowSeconds: 60 * 60 },
  codePerPhone: { max: 3, windowSeconds: 15 * 60 },
  sessionPerClient: { max: 30, windowSeconds: 10 * 60 },
} satisfies Record<string, Limit>
