import { parseCloudinaryUrl, readShopEnv, ShopConfigError } from "../env"

const base = { DATABASE_URL: "postgres://postgres:secret@localhost:5432/sweetshop" }

function problem(env: NodeJS.ProcessEnv): ShopConfigError {
  try {
    readShopEnv(env)
  } catch (error) {
    if (error instanceof ShopConfigError) return error
    throw error
  }
  throw new Error("expected a ShopConfigError")
}

describe("readShopEnv", () => {
  it("accepts a minimal development environment and fills in the defaults", () => {
    const env = readShopEnv(base)
    expect(env.DATABASE_URL).toBe(base.DATABASE_URL)
    expect(env.PORT).toBe(9000)
    expect(env.MEDUSA_BACKEND_URL).toBe("http://localhost:9000")
    expect(env.MEDUSA_WORKER_MODE).toBe("shared")
    expect(env.REDIS_URL).toBeUndefined()
    expect(env.STORE_CORS).toBe("http://localhost:8000")
    expect(env.DISABLE_ADMIN).toBe(false)
  })

  it("names a missing DATABASE_URL in one sentence", () => {
    const error = problem({})
    expect(error.variable).toBe("DATABASE_URL")
    expect(error.message).toMatch(/^DATABASE_URL is not set: it is required \(.*\)\.$/)
    expect(error.message.split("\n")).toHaveLength(1)
  })

  it("treats an empty value as not set", () => {
    expect(problem({ DATABASE_URL: "  " }).message).toMatch(/^DATABASE_URL is not set/)
  })

  it.each([
    ["DATABASE_URL", "mysql://localhost/shop", /^DATABASE_URL is invalid: it must be a URL like postgres:\/\//],
    ["DATABASE_URL", "not a url", /^DATABASE_URL is invalid/],
    ["REDIS_URL", "localhost:6379", /^REDIS_URL is invalid: it must be a URL like redis:\/\/localhost:6379\.$/],
    ["PORT", "ninety", /^PORT is invalid: it must be a port number\.$/],
    ["PORT", "70000", /^PORT is invalid: it must be between 1 and 65535\.$/],
    ["MEDUSA_WORKER_MODE", "both", /^MEDUSA_WORKER_MODE is invalid: it must be shared, server or worker\.$/],
    ["STORE_CORS", "localhost:8000", /^STORE_CORS is invalid: it must be a comma-separated list of origins/],
    ["DISABLE_ADMIN", "maybe", /^DISABLE_ADMIN is invalid: it must be true or false\.$/],
    ["JWT_SECRET", "short", /^JWT_SECRET is invalid: it must be at least 16 characters long\.$/],
    ["CLOUDINARY_URL", "https://api.cloudinary.com", /^CLOUDINARY_URL is invalid: it must look like cloudinary:\/\/API_KEY:API_SECRET@CLOUD_NAME/],
    ["UPLOAD_MAX_BYTES", "5MB", /^UPLOAD_MAX_BYTES is invalid: it must be a number of bytes\.$/],
    ["CLOUDINARY_FOLDER", "../etc", /^CLOUDINARY_FOLDER is invalid: it must be a folder path/],
  ])("refuses %s=%s with a sentence naming it", (variable, value, sentence) => {
    const error = problem({ ...base, [variable]: value })
    expect(error.variable).toBe(variable)
    expect(error.message).toMatch(sentence)
  })

  it("requires real secrets in production and never invents them there", () => {
    const error = problem({ ...base, NODE_ENV: "production" })
    expect(error.variable).toBe("JWT_SECRET")
    expect(error.message).toMatch(/required when NODE_ENV is production/)

    const withoutTracking = problem({ ...base, NODE_ENV: "production", JWT_SECRET: "a".repeat(32), COOKIE_SECRET: "b".repeat(32) })
    expect(withoutTracking.variable).toBe("TRACKING_SECRET")
    expect(withoutTracking.message).toBe("TRACKING_SECRET is not set: it is required when NODE_ENV is production (use a long random string).")

    const env = readShopEnv({
      ...base,
      NODE_ENV: "production",
      JWT_SECRET: "a".repeat(32),
      COOKIE_SECRET: "b".repeat(32),
      TRACKING_SECRET: "c".repeat(32),
      ALLOW_HTTP: "true",
      SHOP_GSTIN: "07AAFCM4321K1Z2",
      SHOP_LEGAL_NAME: "Mithai Ghar Private Limited",
      SHOP_ADDRESS: "4 Dariba Kalan, Chandni Chowk, Delhi 110006",
      SHOP_FSSAI_LICENCE: "13324001000456",
    })
    expect(env.JWT_SECRET).toBe("a".repeat(32))
    expect(env.TRACKING_SECRET).toBe("c".repeat(32))
  })

  describe("a production start refuses what a deployed shop must not run with", () => {
    const deployed = {
      ...base,
      NODE_ENV: "production",
      JWT_SECRET: "a".repeat(32),
      COOKIE_SECRET: "b".repeat(32),
      TRACKING_SECRET: "c".repeat(32),
      MEDUSA_BACKEND_URL: "https://api.sweetshop.in",
      STOREFRONT_URL: "https://sweetshop.in",
      STORE_CORS: "https://sweetshop.in",
      ADMIN_CORS: "https://api.sweetshop.in",
      AUTH_CORS: "https://sweetshop.in,https://api.sweetshop.in",
      SHOP_GSTIN: "07AAFCM4321K1Z2",
      SHOP_LEGAL_NAME: "Mithai Ghar Private Limited",
      SHOP_ADDRESS: "4 Dariba Kalan, Chandni Chowk, Delhi 110006",
      SHOP_FSSAI_LICENCE: "13324001000456",
    }
    const realRazorpay = { RAZORPAY_KEY_ID: "rzp_live_Abc123", RAZORPAY_KEY_SECRET: "live-key-secret-1", RAZORPAY_WEBHOOK_SECRET: "live-webhook-secret-1" }

    it("starts a shop deployed with real gateways on https with its own CORS origins", () => {
      expect(readShopEnv({ ...deployed, ...realRazorpay }).ALLOW_TEST_MODE).toBe(false)
    })

    it("stops with one sentence when Razorpay would run against the fake, unless ALLOW_TEST_MODE=true", () => {
      const error = problem({ ...deployed, ...realRazorpay, RAZORPAY_API_BASE_URL: "http://127.0.0.1:9410" })
      expect(error.variable).toBe("RAZORPAY_API_BASE_URL")
      expect(error.message).toBe(
        "RAZORPAY_API_BASE_URL points the shop at a fake (payments would take no money) while NODE_ENV is production: set the real service's keys, or ALLOW_TEST_MODE=true for a trial where nothing is real."
      )
      const sandboxKeys = problem({ ...deployed, RAZORPAY_KEY_ID: "rzp_test_sandbox", RAZORPAY_KEY_SECRET: "sandbox-key-secret", RAZORPAY_WEBHOOK_SECRET: "sandbox-webhook-secret" })
      expect(sandboxKeys.variable).toBe("RAZORPAY_KEY_ID")
      const allowed = readShopEnv({ ...deployed, ...realRazorpay, RAZORPAY_API_BASE_URL: "http://127.0.0.1:9410", ALLOW_TEST_MODE: "true" })
      expect(allowed.ALLOW_TEST_MODE).toBe(true)
    })

    it("names the other fakes: Twilio, WhatsApp, Cloudinary's upload_prefix and their sandbox secrets", () => {
      expect(problem({ ...deployed, TWILIO_API_BASE_URL: "http://localhost:9420" }).variable).toBe("TWILIO_API_BASE_URL")
      expect(problem({ ...deployed, WHATSAPP_GRAPH_BASE_URL: "http://127.0.0.1:9430" }).variable).toBe("WHATSAPP_GRAPH_BASE_URL")
      expect(problem({ ...deployed, CLOUDINARY_URL: "cloudinary://k1:s1@shop?upload_prefix=http%3A%2F%2F127.0.0.1%3A9440" }).variable).toBe("CLOUDINARY_URL")
      expect(problem({ ...deployed, CLOUDINARY_URL: "cloudinary://sandbox-key:sandbox-secret@shop" }).variable).toBe("CLOUDINARY_URL")
      const twilio = { TWILIO_ACCOUNT_SID: "AC" + "1".repeat(32), TWILIO_AUTH_TOKEN: "sandbox-auth-token", TWILIO_SMS_FROM: "+15005550006" }
      expect(problem({ ...deployed, ...twilio }).variable).toBe("TWILIO_AUTH_TOKEN")
    })

    it("stops when the seller on tax invoices or the FSSAI licence is still the example, unless ALLOW_TEST_MODE=true", () => {
      const error = problem({ ...deployed, ...realRazorpay, SHOP_GSTIN: undefined })
      expect(error.variable).toBe("SHOP_GSTIN")
      expect(error.message).toBe(
        `SHOP_GSTIN is the example "07AABCS1234Q1Z5" (every tax invoice would carry a GSTIN that is not the shop's) while NODE_ENV is production: set the shop's own, as registered, or ALLOW_TEST_MODE=true for a trial where nothing is real.`
      )
      expect(problem({ ...deployed, ...realRazorpay, SHOP_FSSAI_LICENCE: undefined }).variable).toBe("SHOP_FSSAI_LICENCE")
      expect(problem({ ...deployed, ...realRazorpay, SHOP_LEGAL_NAME: "Sweet Shop Foods Private Limited" }).variable).toBe("SHOP_LEGAL_NAME")
      expect(problem({ ...deployed, ...realRazorpay, SHOP_ADDRESS: undefined }).variable).toBe("SHOP_ADDRESS")
      expect(readShopEnv({ ...deployed, ...realRazorpay, SHOP_GSTIN: undefined, ALLOW_TEST_MODE: "true" }).SHOP_GSTIN).toBe("07AABCS1234Q1Z5")
    })

    it("stops on an http:// public URL unless ALLOW_HTTP=true", () => {
      const error = problem({ ...deployed, STOREFRONT_URL: "http://sweetshop.in" })
      expect(error.variable).toBe("STOREFRONT_URL")
      expect(error.message).toMatch(/^STOREFRONT_URL is http:\/\/sweetshop\.in: a shop in production is served over https:\/\/ .*\.$/)
      expect(problem({ ...deployed, MEDUSA_BACKEND_URL: undefined }).variable).toBe("MEDUSA_BACKEND_URL")
      expect(readShopEnv({ ...deployed, STOREFRONT_URL: "http://sweetshop.in", ALLOW_HTTP: "true" }).STOREFRONT_URL).toBe("http://sweetshop.in")
    })

    it("stops on a CORS list naming localhost while the shop is served elsewhere", () => {
      for (const variable of ["STORE_CORS", "ADMIN_CORS", "AUTH_CORS"]) {
        const error = problem({ ...deployed, [variable]: "https://sweetshop.in,http://localhost:8000" })
        expect(error.variable).toBe(variable)
        expect(error.message).toBe(`${variable} names http://localhost:8000 while the shop is served at https://sweetshop.in: list only the shop's own origins (the default names localhost, so set it).`)
      }
      // The defaults name localhost: a deployed shop must set them.
      expect(problem({ ...deployed, STORE_CORS: undefined }).variable).toBe("STORE_CORS")
      // A shop served from this machine (a local trial, the benchmarks) keeps them.
      const local = { ...deployed, MEDUSA_BACKEND_URL: "http://localhost:9000", STOREFRONT_URL: "http://localhost:8000", ALLOW_HTTP: "true" }
      expect(readShopEnv({ ...local, STORE_CORS: "http://localhost:8000" }).STORE_CORS).toBe("http://localhost:8000")
    })

    it("stops when a secret is the development default", () => {
      const error = problem({ ...deployed, COOKIE_SECRET: "sweetshop-local-dev-secret" })
      expect(error.variable).toBe("COOKIE_SECRET")
      expect(error.message).toBe("COOKIE_SECRET is the development default, which anyone can read in the source: set a long random string of your own.")
      expect(problem({ ...deployed, METRICS_TOKEN: "sweetshop-local-dev-secret" }).variable).toBe("METRICS_TOKEN")
    })

    it("checks none of this outside production", () => {
      expect(readShopEnv({ ...base, RAZORPAY_API_BASE_URL: "http://127.0.0.1:9410", ...realRazorpay, STOREFRONT_URL: "http://sweetshop.in" }).NODE_ENV).toBe("development")
    })
  })

  it("reads Redis, worker mode and the public URL", () => {
    const env = readShopEnv({
      ...base,
      REDIS_URL: "redis://localhost:6379",
      MEDUSA_WORKER_MODE: "worker",
      PORT: "9100",
      MEDUSA_BACKEND_URL: "https://api.sweetshop.in",
      DISABLE_ADMIN: "true",
    })
    expect(env).toMatchObject({
      REDIS_URL: "redis://localhost:6379",
      MEDUSA_WORKER_MODE: "worker",
      PORT: 9100,
      MEDUSA_BACKEND_URL: "https://api.sweetshop.in",
      DISABLE_ADMIN: true,
    })
  })
})

describe("parseCloudinaryUrl", () => {
  it("reads the key, secret and cloud, and an optional host for the sandbox", () => {
    expect(parseCloudinaryUrl("cloudinary://1234:s3cr%2Ft@sweetshop")).toEqual({
      cloud_name: "sweetshop",
      api_key: "1234",
      api_secret: "s3cr/t",
    })
    expect(
      parseCloudinaryUrl("cloudinary://k:s@sandbox?upload_prefix=http%3A%2F%2F127.0.0.1%3A9400&delivery_base_url=http%3A%2F%2F127.0.0.1%3A9400")
    ).toMatchObject({ upload_prefix: "http://127.0.0.1:9400", delivery_base_url: "http://127.0.0.1:9400" })
  })
})
