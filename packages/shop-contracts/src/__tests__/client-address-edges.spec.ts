import { clientKeyOf, clientKeyOfAddress } from "../client-address"

const req = (remoteAddress: string | null, forwarded?: string | string[]) => ({
  socket: { remoteAddress },
  headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
})

describe("addresses as proxies write them", () => {
  it("reads an address with spaces around it", () => {
    expect(clientKeyOfAddress(" 203.0.113.9 ")).toBe("ip4:203.0.113.9")
    expect(clientKeyOfAddress("\t2001:db8:1:2::7\n")).toBe("ip6:2001:db8:1:2::/64")
  })

  it("reads a bracketed IPv6 address with or without a port, and nothing around the brackets", () => {
    expect(clientKeyOfAddress("[2001:db8:1:2::7]")).toBe("ip6:2001:db8:1:2::/64")
    expect(clientKeyOfAddress("x[2001:db8:1:2::7]")).toBeNull()
    expect(clientKeyOfAddress("[2001:db8:1:2::7]x")).toBeNull()
    expect(clientKeyOfAddress("[2001:db8:1:2::7]:x")).toBeNull()
  })

  it("takes a port off an IPv4 address only, and only a whole port", () => {
    expect(clientKeyOfAddress("198.51.100.4:5123x")).toBeNull()
    expect(clientKeyOfAddress("::ffff:198.51.100.4:5123")).toBeNull()
  })

  it("drops an IPv6 zone id, whatever it is called", () => {
    expect(clientKeyOfAddress("fe80::1%eth-0")).toBe("ip6:fe80:0:0:0::/64")
    expect(clientKeyOfAddress("fe80::1%en0.1")).toBe("ip6:fe80:0:0:0::/64")
  })
})

describe("hops through X-Forwarded-For", () => {
  it("does not count an empty entry as a hop", () => {
    expect(clientKeyOf(req("10.0.0.2", "198.51.100.7, , 10.0.0.9"), 2)).toBe("ip4:198.51.100.7")
    expect(clientKeyOf(req("10.0.0.2", "198.51.100.7,,10.0.0.9"), 2)).toBe("ip4:198.51.100.7")
    expect(clientKeyOf(req("10.0.0.2", ["198.51.100.7", " ", "10.0.0.9"]), 2)).toBe("ip4:198.51.100.7")
  })

  it("reads no header with a number of hops below 1", () => {
    expect(clientKeyOf(req("10.0.0.2", "6.6.6.6, 198.51.100.7"), -1)).toBe("ip4:10.0.0.2")
  })

  it("keeps the peer when the trusted proxy sent no header", () => {
    expect(clientKeyOf(req("10.0.0.2"), 1)).toBe("ip4:10.0.0.2")
    expect(clientKeyOf(req("10.0.0.2", ""), 1)).toBe("ip4:10.0.0.2")
  })
})
