import ipaddr from "ipaddr.js"

/**
 * Who a request comes from, for per-client abuse limits (order tracking's limits in
 * order-lifecycle, the staff login throttle in the backend): one rule for both.
 *
 * The address is the TCP peer's, unless the shop says how many proxies of its own
 * stand in front of the backend (`trust_proxy_hops`, TRUST_PROXY_HOPS): then the
 * address that many hops back in `X-Forwarded-For`, counted from the right, where
 * each trusted proxy appended what it saw. Entries further left are whatever the
 * client wrote, so with 0 hops (the default) the header is not read at all.
 *
 * One client, one key: an IPv4 address and its IPv4-mapped IPv6 form
 * (`::ffff:127.0.0.1`) are the same client, and so are the IPv6 loopback `::1` and
 * `127.0.0.1` (the same machine). An IPv6 client is counted by its /64 network,
 * the block one subscriber line or host usually gets, so it cannot take a fresh
 * address from its own block for every request.
 */

export type RequestLike = {
  socket?: { remoteAddress?: string | null } | null
  headers: Record<string, string | string[] | undefined>
}

/** The normalised key of an address ("ip4:…", "ip6:…/64"); null when it is not an IP address. */
export function clientKeyOfAddress(address: string | null | undefined): string | null {
  if (!address) return null
  let text = address.trim()
  // "[2001:db8::1]" and "[2001:db8::1]:443" (some proxies), "1.2.3.4:5678", and zone ids ("fe80::1%eth0").
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text)
  if (bracketed) text = bracketed[1]
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"))
  text = text.replace(/%.*$/, "")
  // Four-part decimal IPv4 only ("1.2.3" and "0x7f.1" are valid to inet_aton, never written by a proxy).
  if (!ipaddr.IPv4.isValidFourPartDecimal(text) && !ipaddr.IPv6.isValid(text)) return null
  let parsed: ipaddr.IPv4 | ipaddr.IPv6
  try {
    parsed = ipaddr.process(text)
  } catch {
    return null
  }
  if (parsed.kind() === "ipv4") return `ip4:${parsed.toString()}`
  const v6 = parsed as ipaddr.IPv6
  if (v6.range() === "loopback") return "ip4:127.0.0.1"
  return `ip6:${v6.parts.slice(0, 4).map((part) => part.toString(16)).join(":")}::/64`
}

/** The client key of a request, reading `X-Forwarded-For` through `trustedHops` proxies and no further. */
export function clientKeyOf(req: RequestLike, trustedHops = 0): string {
  const peer = req.socket?.remoteAddress ?? null
  // Nearest first: the TCP peer, then each X-Forwarded-For entry from the right.
  const chain: (string | null)[] = [peer]
  if (trustedHops > 0) {
    const header = req.headers["x-forwarded-for"]
    const joined = Array.isArray(header) ? header.join(",") : (header ?? "")
    const entries = joined.split(",").map((entry) => entry.trim()).filter(Boolean)
    chain.push(...entries.reverse().slice(0, trustedHops))
  }
  // The furthest hop that is a real address; a proxy that wrote garbage is counted as itself.
  for (let i = chain.length - 1; i >= 0; i--) {
    const key = clientKeyOfAddress(chain[i])
    if (key) return key
  }
  return "unknown"
}
