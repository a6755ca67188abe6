import { clientKeyOf, clientKeyOfAddress } from "../client-address"

describe("the login throttle's client address", () => {
  it("makes one key of each client's forms", () => {
    expect(clientKeyOfAddress("203.0.113.7")).toBe("ip4:203.0.113.7")
    expect(clientKeyOfAddress("::ffff:203.0.113.7")).toBe("ip4:203.0.113.7")
    expect(clientKeyOfAddress("::ffff:cb00:7107")).toBe("ip4:203.0.113.7")
    expect(clientKeyOfAddress("203.0.113.7:51000")).toBe("ip4:203.0.113.7")
    expect(clientKeyOfAddress("::1")).toBe("ip4:127.0.0.1")
    expect(clientKeyOfAddress("[2001:db8:1:2::9]:443")).toBe("ip6:2001:db8:1:2::/64")
    expect(clientKeyOfAddress("2001:DB8:1:2:aaaa:bbbb:cccc:dddd")).toBe("ip6:2001:db8:1:2::/64")
    expect(clientKeyOfAddress("fe80::1%eth0")).toBe("ip6:fe80:0:0:0::/64")
    expect(clientKeyOfAddress("not an address")).toBeNull()
    expect(clientKeyOfAddress("1.2.3")).toBeNull()
  })

  it("reads X-Forwarded-For through the trusted proxies only", () => {
    const req = { socket: { remoteAddress: "10.0.0.2" }, headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.9" } }
    expect(clientKeyOf(req, 0)).toBe("ip4:10.0.0.2")
    expect(clientKeyOf(req, 1)).toBe("ip4:198.51.100.9")
    expect(clientKeyOf(req, 2)).toBe("ip4:6.6.6.6")
    expect(clientKeyOf({ socket: { remoteAddress: "10.0.0.2" }, headers: { "x-forwarded-for": "garbage" } }, 1)).toBe("ip4:10.0.0.2")
  })
})
