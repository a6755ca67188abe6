// A small closed-loop load generator: `concurrency` clients, each sending its
// next request as soon as the last one answered, over keep-alive connections.
// Records every latency and byte count; nothing is sampled.
import http from "node:http"
import { performance } from "node:perf_hooks"

export const quantile = (values, q) => {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

function once(agent, url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const request = http.request(url, { method, agent, headers: body ? { "content-type": "application/json", ...headers } : headers }, (res) => {
      let bytes = 0
      res.on("data", (chunk) => (bytes += chunk.length))
      res.on("end", () => resolve({ status: res.statusCode, ms: performance.now() - started, bytes }))
      res.on("error", reject)
    })
    request.on("error", reject)
    if (body) request.write(typeof body === "string" ? body : JSON.stringify(body))
    request.end()
  })
}

/**
 * Runs `makeRequest()` (→ { url, method?, headers?, body? }) from `concurrency`
 * clients for `seconds` after `warmupSeconds` of unrecorded load.
 * Returns requests/s, p50/p99 in ms, mean bytes, and the count of non-2xx answers.
 */
export async function load({ makeRequest, concurrency = 10, seconds = 10, warmupSeconds = 2 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const latencies = []
  let bytes = 0
  let errors = 0
  let recording = false
  const begin = performance.now()
  const end = begin + (warmupSeconds + seconds) * 1000
  let recordFrom = begin + warmupSeconds * 1000
  const client = async () => {
    while (performance.now() < end) {
      const { url, ...options } = makeRequest()
      const result = await once(agent, url, options).catch(() => ({ status: 0, ms: 0, bytes: 0 }))
      if (!recording && performance.now() >= recordFrom) recording = true
      if (!recording) continue
      if (result.status < 200 || result.status >= 300) errors += 1
      latencies.push(result.ms)
      bytes += result.bytes
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client))
  agent.destroy()
  const recordedSeconds = (end - recordFrom) / 1000
  return {
    rps: latencies.length / recordedSeconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    bytes: latencies.length ? Math.round(bytes / latencies.length) : 0,
    errors,
    n: latencies.length,
  }
}
