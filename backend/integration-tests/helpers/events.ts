import type { EventEmitter } from "events"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Waits on Medusa's local event bus itself instead of sleeping: every subscriber
 * run (ours and Medusa's) is tracked from the moment the bus hands it an event
 * until it returns, so a test can wait until all the handling of what was emitted
 * so far has finished, then assert what did and did NOT happen.
 *
 *   const events = trackSubscribers(getContainer())   // in beforeAll, once the app runs
 *   ...emit, or call the API...
 *   await events.settled()                             // every handler finished
 *
 * Events emitted with a `delay` option are counted only once the bus dispatches
 * them. Works with the local bus the in-process tests run on (setup.js removes
 * REDIS_URL); a Redis bus has no in-process emitter, and this throws.
 */
export function trackSubscribers(container: MedusaContainer) {
  const bus = container.resolve(Modules.EVENT_BUS) as unknown as { eventEmitter_?: EventEmitter }
  const emitter = bus.eventEmitter_
  if (!emitter) throw new Error("trackSubscribers needs Medusa's local event bus (no REDIS_URL in the tests)")

  const running = new Set<Promise<unknown>>()
  let handled = 0
  const original = emitter.emit
  // Same as EventEmitter#emit for the bus's async listeners (called in order, synchronously),
  // keeping each returned promise until it settles.
  emitter.emit = function (this: EventEmitter, name: string | symbol, ...args: unknown[]) {
    const listeners = this.rawListeners(name)
    for (const listener of listeners) {
      const result = (listener as (...a: unknown[]) => unknown).apply(this, args)
      if (result && typeof (result as Promise<unknown>).then === "function") {
        const done: Promise<unknown> = Promise.resolve(result)
          .catch(() => undefined)
          .finally(() => {
            running.delete(done)
            handled += 1
          })
        running.add(done)
      }
    }
    return listeners.length > 0
  } as EventEmitter["emit"]

  const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

  return {
    /** How many subscriber runs have finished since tracking began. */
    get handled() {
      return handled
    },
    /**
     * Resolves once no subscriber is running and none was handed an event in the
     * last turn of the event loop (a handler that emits starts the next ones).
     */
    async settled(timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs
      for (;;) {
        // Events already released are dispatched on a microtask: let them reach their listeners.
        await nextTurn()
        if (running.size === 0) {
          await nextTurn()
          if (running.size === 0) return
        }
        const left = until - Date.now()
        if (left <= 0) throw new Error(`${running.size} subscriber run(s) still going after ${timeoutMs} ms`)
        await Promise.race([Promise.allSettled([...running]), new Promise((r) => setTimeout(r, Math.min(left, 1000)))])
      }
    },
    restore() {
      emitter.emit = original
    },
  }
}

export type SubscriberTracker = ReturnType<typeof trackSubscribers>
