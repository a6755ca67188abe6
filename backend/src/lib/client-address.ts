import net from "node:net"

/**
 * Who a request comes from, for the staff login throttle (login-throttle.ts). The
 * same rule as plugins/order-lifecycle's client-address.ts (the backend cannot
 * import a plugin's internals): the TCP peer, unless TRUST_PROXY_HOPS names how
 * many proxies of the shop's own append to X-Forwarded-For; then the address that
 * many hops back, counted from the right, and never further. IPv4 and its mapped
 * IPv6 form are one client, ::1 is 127.0.0.1, an IPv6 client counts by its /64.
 */

export type RequestLike = {
  socket?: { remoteAddress?: string | null } | null
  headers: Record<string, string | string[] | undefined>
}

/** The eight 16-bit groups of an IPv6 address (net.isIPv6 has accepted it). */
function ipv6Groups(text: string): number[] {
  let address = text
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address)
  if (v4) {
    const [a, b, c, d] = v4[1].split(".").map(Number)
    address = address.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = address.includes("::") ? address.split("::") : [address, undefined]
  const left = head ? head.split(":") : []
  const right = tail === undefined ? [] : tail ? tail.split(":") : []
  const missing = 8 - left.length - right.length
  return [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right].map((group) => parseInt(group, 16))
}

/** The normalised key of an address ("ip4:…", "ip6:…/64"); null when it is not an IP address. */
export function clientKeyOfAddress(address: string | null | undefined): string | null {
  if (!address) return null
  let text = address.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text)
  if (bracketed) text = bracketed[1]
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"))
  text = text.replace(/%.*$/, "")
  if (net.isIPv4(text)) return `ip4:${text}`
  if (!net.isIPv6(text)) return null
  const groups = ipv6Groups(text.toLowerCase())
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff
  if (mapped) return `ip4:${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return "ip4:127.0.0.1"
  return `ip6:${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`
}

/** The client key of a request, reading X-Forwarded-For through `trustedHops` proxies and no further. */
export function clientKeyOf(req: RequestLike, trustedHops = 0): string {
  const chain: (string | null)[] = [req.socket?.remoteAddress ?? null]
  if (trustedHops > 0) {
    const header = req.headers["x-forwarded-for"]
    const joined = Array.isArray(header) ? header.join(",") : (header ?? "")
    const entries = joined.split(",").map((entry) => entry.trim()).filter(Boolean)
    chain.push(...entries.reverse().slice(0, trustedHops))
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const key = clientKeyOfAddress(chain[i])
    if (key) return key
  }
  return "unknown"
}
