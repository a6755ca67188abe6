import crypto from "crypto"
import Redis from "ioredis"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getHttpResponseFromError } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Checkout that is safe to retry (issue 18). The storefront sends an
 * `Idempotency-Key` with each checkout attempt; the first attempt's answer,
 * order or refusal with its status code, is kept for a day under the cart and
 * the key, and a repeated key gets that answer again, from whichever process
 * it reaches: a shopper whose request timed out and who presses again gets
 * their order, not "already ordered".
 *
 * Where the answers live: Redis when REDIS_URL is set (every server process of
 * the cluster sees them), else this process's memory (one process, `npm start`).
 *
 * A repeat that arrives while the first attempt still runs waits for it
 * (polling, up to IDEMPOTENCY_WAIT_MS, 25 s: below the load balancer's
 * timeout) and gets its answer; only past that does it get 409
 * `checkout_in_progress` with Retry-After. Waiting is the kinder choice: the
 * shopper who pressed twice sees one order either way, and the storefront
 * needs no second code path for the 409.
 *
 * A process killed in the middle: the running attempt renews a heartbeat every
 * few seconds; a repeat that finds it silent for STALE_MS takes the attempt
 * over. If the cart was ordered meanwhile, the takeover answers with that order.
 *
 * What is kept: 2xx and 4xx answers, except 409 and 429 (transient: a retry
 * may get another answer). A 5xx is never kept: the next try runs again.
 * A key reused with a different request body is refused (422
 * `idempotency_key_reused`), as a key names one request.
 */

export const IDEMPOTENCY_HEADER = "idempotency-key"
/** 1 to 255 printable ASCII characters (space to tilde). */
const KEY_FORMAT = /^[\x20-\x7e]{1,255}$/
const DONE_TTL_MS = 24 * 60 * 60 * 1000
const HEARTBEAT_MS = 3_000
const STALE_MS = 15_000
const POLL_MS = 150

type Outcome = { status: number; body: unknown }
type Running = { state: "running"; owner: string; fingerprint: string; beat?: number }
type Done = { state: "done"; fingerprint: string; status: number; body: unknown }
type SlotRecord = Running | Done
type Claim = { claimed: true; takeover: boolean } | { claimed: false; record: SlotRecord | null }

interface OutcomeStore {
  /** Takes the slot for `owner` when free or its runner fell silent; else the record there. */
  claim(slot: string, owner: string, fingerprint: string): Promise<Claim>
  read(slot: string): Promise<SlotRecord | null>
  beat(slot: string, owner: string): Promise<void>
  finish(slot: string, owner: string, done: Done): Promise<void>
  release(slot: string, owner: string): Promise<void>
}

// ---------- Redis (the cluster) ----------

// Times are Redis's own clock (TIME), so processes on several machines agree on "silent for 15 s".
const NOW_MS = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`
const CLAIM_LUA = `${NOW_MS}
local v = redis.call('GET', KEYS[1])
local takeover = 0
if v then
  local r = cjson.decode(v)
  if r.state ~= 'running' or (now - tonumber(r.beat or 0)) < tonumber(ARGV[3]) then return {0, v} end
  takeover = 1
end
redis.call('SET', KEYS[1], cjson.encode({state = 'running', owner = ARGV[1], fingerprint = ARGV[2], beat = now}), 'PX', ARGV[4])
return {1, takeover}`
const BEAT_LUA = `${NOW_MS}
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
local r = cjson.decode(v)
if r.state ~= 'running' or r.owner ~= ARGV[1] then return 0 end
r.beat = now
redis.call('SET', KEYS[1], cjson.encode(r), 'KEEPTTL')
return 1`
// Written unless another attempt already wrote a final answer (after taking over from this one).
const FINISH_LUA = `local v = redis.call('GET', KEYS[1])
if v and cjson.decode(v).state == 'done' then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`
const RELEASE_LUA = `local v = redis.call('GET', KEYS[1])
if v and cjson.decode(v).state == 'running' and cjson.decode(v).owner == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end
return 0`

class RedisOutcomes implements OutcomeStore {
  constructor(private redis: Redis) {}
  async claim(slot: string, owner: string, fingerprint: string): Promise<Claim> {
    const [claimed, other] = (await this.redis.eval(CLAIM_LUA, 1, slot, owner, fingerprint, String(STALE_MS), String(DONE_TTL_MS))) as [number, any]
    return claimed ? { claimed: true, takeover: Number(other) === 1 } : { claimed: false, record: JSON.parse(String(other)) }
  }
  async read(slot: string) {
    const v = await this.redis.get(slot)
    return v ? (JSON.parse(v) as SlotRecord) : null
  }
  async beat(slot: string, owner: string) {
    await this.redis.eval(BEAT_LUA, 1, slot, owner)
  }
  async finish(slot: string, owner: string, done: Done) {
    await this.redis.eval(FINISH_LUA, 1, slot, owner, JSON.stringify(done), String(DONE_TTL_MS))
  }
  async release(slot: string, owner: string) {
    await this.redis.eval(RELEASE_LUA, 1, slot, owner)
  }
}

// ---------- this process's memory (one process) ----------

class MemoryOutcomes implements OutcomeStore {
  private slots = new Map<string, { record: SlotRecord; expires: number }>()
  private get(slot: string) {
    const held = this.slots.get(slot)
    if (held && held.expires < Date.now()) this.slots.delete(slot)
    return this.slots.get(slot)?.record ?? null
  }
  private prune() {
    const now = Date.now()
    for (const [slot, held] of this.slots) if (held.expires < now) this.slots.delete(slot)
  }
  async claim(slot: string, owner: string, fingerprint: string): Promise<Claim> {
    const record = this.get(slot)
    if (record && (record.state === "done" || Date.now() - (record.beat ?? 0) < STALE_MS)) return { claimed: false, record }
    if (this.slots.size > 10_000) this.prune()
    this.slots.set(slot, { record: { state: "running", owner, fingerprint, beat: Date.now() }, expires: Date.now() + DONE_TTL_MS })
    return { claimed: true, takeover: Boolean(record) }
  }
  async read(slot: string) {
    return this.get(slot)
  }
  async beat(slot: string, owner: string) {
    const record = this.get(slot)
    if (record?.state === "running" && record.owner === owner) record.beat = Date.now()
  }
  async finish(slot: string, _owner: string, done: Done) {
    if (this.get(slot)?.state === "done") return
    this.slots.set(slot, { record: done, expires: Date.now() + DONE_TTL_MS })
  }
  async release(slot: string, owner: string) {
    const record = this.get(slot)
    if (record?.state === "running" && record.owner === owner) this.slots.delete(slot)
  }
}

let store: OutcomeStore | undefined
function outcomes(): OutcomeStore {
  if (store) return store
  const url = process.env.REDIS_URL
  if (url) {
    const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false })
    // Errors surface on each command (and the checkout runs without the store then); no unhandled error events.
    redis.on("error", () => {})
    store = new RedisOutcomes(redis)
  } else {
    store = new MemoryOutcomes()
  }
  return store
}

// ---------- the route's wrapper ----------

type Refusal = { status: number; body: { type: string; code: string; message: string } }

/** The header's value, or a 400 refusal for a malformed one; undefined when absent. */
export function readIdempotencyKey(req: MedusaRequest): { key?: string; refusal?: Refusal } {
  const raw = req.headers[IDEMPOTENCY_HEADER]
  if (raw === undefined) return {}
  const key = Array.isArray(raw) ? raw.join(",") : raw
  if (!KEY_FORMAT.test(key)) {
    return {
      refusal: {
        status: 400,
        body: {
          type: "invalid_data",
          code: "invalid_idempotency_key",
          message: "The Idempotency-Key header must be 1 to 255 printable ASCII characters, for example a UUID.",
        },
      },
    }
  }
  return { key }
}

/** What Medusa's error handler would answer for this error, to keep and replay. */
function outcomeOfError(error: unknown): Outcome {
  const { statusCode, body } = getHttpResponseFromError(error)
  return { status: statusCode, body }
}

const keepable = (status: number) => status < 500 && status !== 409 && status !== 429

const sha = (text: string) => crypto.createHash("sha256").update(text).digest("hex")

/** The cart's order, when the cart was ordered (by an attempt whose answer was lost with its process). */
async function orderOfCart(req: MedusaRequest, cartId: string): Promise<Outcome | undefined> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "order.id", "order.display_id", "order.currency_code", "order.payment_collections.amount"],
    filters: { id: cartId },
  })
  const order = (data[0] as any)?.completed_at ? (data[0] as any).order : undefined
  if (!order?.id) return undefined
  return {
    status: 200,
    body: {
      type: "order",
      order: { id: order.id, display_id: Number(order.display_id), total: Number(order.payment_collections?.[0]?.amount ?? 0), currency_code: order.currency_code },
    },
  }
}

function answer(res: MedusaResponse, outcome: Outcome, replayed: boolean) {
  if (replayed) res.setHeader("idempotent-replayed", "true")
  res.status(outcome.status).json(outcome.body)
}

const waitMs = () => Number(process.env.IDEMPOTENCY_WAIT_MS || 25_000)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Runs `checkout` for the route, or answers the first attempt's result when the request carries an
 * Idempotency-Key that was seen before for this cart. Without the header, it is the plain route.
 */
export async function idempotentCheckout(req: MedusaRequest, res: MedusaResponse, checkout: () => Promise<unknown>) {
  const { key, refusal } = readIdempotencyKey(req)
  if (refusal) return answer(res, refusal, false)
  if (key === undefined) return void res.json(await checkout())

  const cartId = String(req.params.id)
  const slot = `sweetshop:checkout-idempotency:${sha(cartId)}:${sha(key)}`
  const fingerprint = sha(JSON.stringify(req.body ?? {}))
  const owner = crypto.randomUUID()
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const store = outcomes()

  const deadline = Date.now() + waitMs()
  let claim: Claim
  try {
    for (;;) {
      claim = await store.claim(slot, owner, fingerprint)
      if (claim.claimed) break
      const record = claim.record
      if (record && record.fingerprint !== fingerprint) {
        return answer(
          res,
          {
            status: 422,
            body: {
              type: "invalid_data",
              code: "idempotency_key_reused",
              message: "This Idempotency-Key was already used for a different checkout of this cart; send a new key with each new checkout attempt.",
            },
          },
          false
        )
      }
      if (record?.state === "done") return answer(res, { status: record.status, body: record.body }, true)
      if (Date.now() > deadline) {
        res.setHeader("retry-after", "2")
        return answer(
          res,
          {
            status: 409,
            body: {
              type: "conflict",
              code: "checkout_in_progress",
              message: "Your order is still being placed from your first try; please wait a moment and press again.",
            },
          },
          false
        )
      }
      await sleep(POLL_MS)
    }
  } catch (error) {
    // The store does not answer (Redis down): the checkout runs unguarded by the key. A cart is still
    // ordered at most once (Medusa completes a cart once); a repeat may then say "already ordered".
    logger.warn(`Idempotency-Key store unavailable, checkout of ${cartId} runs without it: ${(error as Error)?.message}`)
    return void res.json(await checkout())
  }

  const heartbeat = setInterval(() => store.beat(slot, owner).catch(() => {}), HEARTBEAT_MS)
  heartbeat.unref()
  let outcome: Outcome
  try {
    // Taking over from an attempt whose process fell silent: the order it may have made is the answer.
    const made = claim.takeover ? await orderOfCart(req, cartId) : undefined
    outcome = made ?? { status: 200, body: await checkout() }
  } catch (error) {
    outcome = outcomeOfError(error)
    if (!keepable(outcome.status)) {
      clearInterval(heartbeat)
      await store.release(slot, owner).catch(() => {})
      throw error // Medusa's error handler answers (and logs) it; the next try runs again.
    }
  }
  clearInterval(heartbeat)
  await store.finish(slot, owner, { state: "done", fingerprint, status: outcome.status, body: outcome.body }).catch((error) => {
    logger.warn(`Idempotency-Key answer for cart ${cartId} not kept: ${(error as Error)?.message}`)
  })
  answer(res, outcome, false)
}
