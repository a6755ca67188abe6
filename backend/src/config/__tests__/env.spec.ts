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
    })
    expect(env.JWT_SECRET).toBe("a".repeat(32))
    expect(env.TRACKING_SECRET).toBe("c".repeat(32))
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
