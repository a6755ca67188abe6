import { clientKeyOf, clientKeyOfAddress } from "../client-address"

const req = (remoteAddress: string | null, forwarded?: string | string[]) => ({
  socket: { remoteAddress },
  headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
})

describe("one client per address", () => {
  it("counts an IPv4 address and its IPv4-mapped IPv6 form as one", () => {
    expect(clientKeyOfAddress("127.0.0.1")).toBe("ip4:127.0.0.1")
    expect(clientKeyOfAddress("::ffff:127.0.0.1")).toBe("ip4:127.0.0.1")
    expect(clientKeyOfAddress("::FFFF:7f00:1")).toBe("ip4:127.0.0.1")
    expect(clientKeyOfAddress("203.0.113.9")).toBe("ip4:203.0.113.9")
    expect(clientKeyOfAddress("::ffff:203.0.113.9")).toBe("ip4:203.0.113.9")
  })

  it("counts the IPv6 loopback as the IPv4 one (the same machine)", () => {
    expect(clientKeyOfAddress("::1")).toBe("ip4:127.0.0.1")
    expect(clientKeyOfAddress("0:0:0:0:0:0:0:1")).toBe("ip4:127.0.0.1")
  })

  it("keeps other loopback addresses apart", () => {
    expect(clientKeyOfAddress("127.0.0.2")).toBe("ip4:127.0.0.2")
  })

  it("counts an IPv6 client by its /64, whatever its spelling", () => {
    expect(clientKeyOfAddress("2001:db8:1:2::7")).toBe("ip6:2001:db8:1:2::/64")
    expect(clientKeyOfAddress("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe("ip6:2001:db8:1:2::/64")
    expect(clientKeyOfAddress("[2001:db8:1:2::7]:443")).toBe("ip6:2001:db8:1:2::/64")
    expect(clientKeyOfAddress("fe80::1%eth0")).toBe("ip6:fe80:0:0:0::/64")
    expect(clientKeyOfAddress("2001:db8:1:3::7")).not.toBe(clientKeyOfAddress("2001:db8:1:2::7"))
  })

  it("reads an IPv4 address with a port", () => {
    expect(clientKeyOfAddress("198.51.100.4:5123")).toBe("ip4:198.51.100.4")
  })

  it("gives no key for what is not an address", () => {
    for (const junk of ["", "  ", "unknown", "999.1.1.1", "1.2.3", "localhost", "::gg", null, undefined]) expect(clientKeyOfAddress(junk)).toBeNull()
  })
})

describe("the client of a request", () => {
  it("is the TCP peer, and X-Forwarded-For is not read with 0 trusted hops", () => {
    expect(clientKeyOf(req("::ffff:10.0.0.5"))).toBe("ip4:10.0.0.5")
    expect(clientKeyOf(req("::ffff:10.0.0.5", "1.2.3.4"), 0)).toBe("ip4:10.0.0.5")
    expect(clientKeyOf(req("::ffff:10.0.0.5", "1.2.3.4, 5.6.7.8"))).toBe("ip4:10.0.0.5")
  })

  it("is the address the trusted proxy saw, whatever the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; our one proxy appended the peer it saw.
    expect(clientKeyOf(req("10.0.0.2", "1.2.3.4, 198.51.100.7"), 1)).toBe("ip4:198.51.100.7")
    expect(clientKeyOf(req("10.0.0.2", ["1.2.3.4", "198.51.100.7"]), 1)).toBe("ip4:198.51.100.7")
    expect(clientKeyOf(req("10.0.0.2", "198.51.100.7"), 1)).toBe("ip4:198.51.100.7")
  })

  it("goes back as many hops as the shop has proxies, and no further", () => {
    const forwarded = "6.6.6.6, 198.51.100.7, 10.0.0.9"
    expect(clientKeyOf(req("10.0.0.2", forwarded), 2)).toBe("ip4:198.51.100.7")
    expect(clientKeyOf(req("10.0.0.2", forwarded), 3)).toBe("ip4:6.6.6.6")
    // Fewer entries than hops: the furthest there is.
    expect(clientKeyOf(req("10.0.0.2", "198.51.100.7"), 3)).toBe("ip4:198.51.100.7")
    expect(clientKeyOf(req("10.0.0.2"), 2)).toBe("ip4:10.0.0.2")
  })

  it("counts a proxy that wrote something else as itself, and a request without a peer as unknown", () => {
    expect(clientKeyOf(req("10.0.0.2", "not-an-address"), 1)).toBe("ip4:10.0.0.2")
    expect(clientKeyOf(req(null))).toBe("unknown")
    expect(clientKeyOf({ headers: {} })).toBe("unknown")
  })

  it("makes the IPv4 and IPv6 forms of the forwarded client one", () => {
    expect(clientKeyOf(req("10.0.0.2", "::ffff:198.51.100.7"), 1)).toBe(clientKeyOf(req("10.0.0.2", "198.51.100.7"), 1))
  })
})
