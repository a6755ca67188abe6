import { readShopEnv, ShopConfigError } from "../env"

const base = { DATABASE_URL: "postgres://postgres:secret@localhost:5432/sweetshop" }

function sentence(env: NodeJS.ProcessEnv): string {
  try {
    readShopEnv(env)
  } catch (error) {
    if (error instanceof ShopConfigError) return error.message
    throw error
  }
  throw new Error("expected a ShopConfigError")
}

describe("TRUST_PROXY_HOPS", () => {
  it("is 0 unless set: X-Forwarded-For is not read", () => {
    expect(readShopEnv(base).TRUST_PROXY_HOPS).toBe(0)
    expect(readShopEnv({ ...base, TRUST_PROXY_HOPS: "" }).TRUST_PROXY_HOPS).toBe(0)
  })

  it("takes the number of the shop's own proxies", () => {
    expect(readShopEnv({ ...base, TRUST_PROXY_HOPS: "1" }).TRUST_PROXY_HOPS).toBe(1)
    expect(readShopEnv({ ...base, TRUST_PROXY_HOPS: " 2 " }).TRUST_PROXY_HOPS).toBe(2)
  })

  it.each([
    ["yes", "TRUST_PROXY_HOPS is invalid: it must be a whole number of proxies (0 when nothing stands in front of the backend)."],
    ["1.5", "TRUST_PROXY_HOPS is invalid: it must be a whole number of proxies."],
    ["-1", "TRUST_PROXY_HOPS is invalid: it must be 0 (no proxy) or more."],
    ["11", "TRUST_PROXY_HOPS is invalid: it must be at most 10."],
  ])("refuses %s with one sentence", (value, expected) => {
    expect(sentence({ ...base, TRUST_PROXY_HOPS: value })).toBe(expected)
  })
})
