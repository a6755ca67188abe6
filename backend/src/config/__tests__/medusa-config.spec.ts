/**
 * What medusa-config.ts hands Medusa for a given environment: the in-process
 * defaults without REDIS_URL, the Redis modules with it.
 */
function loadConfig(env: Record<string, string>) {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    let config: any
    jest.isolateModules(() => {
      config = require("../../../medusa-config")
    })
    return config
  } finally {
    for (const key of Object.keys(env)) delete process.env[key]
    Object.assign(process.env, saved)
  }
}

// defineConfig keys modules by name; disabled defaults appear as `false`.
const modules = (config: any): any[] => Object.values(config.modules).filter(Boolean)
const resolves = (config: any) => modules(config).map((m) => m.resolve)

describe("medusa-config.ts", () => {
  const DATABASE_URL = "postgres://postgres@localhost:5432/sweetshop"

  it("runs on Medusa's in-process modules when REDIS_URL is not set", () => {
    const saved = process.env.REDIS_URL
    delete process.env.REDIS_URL
    const config = loadConfig({ DATABASE_URL })
    if (saved) process.env.REDIS_URL = saved
    expect(config.projectConfig.redisUrl).toBeUndefined()
    expect(resolves(config)).not.toEqual(expect.arrayContaining([expect.stringMatching(/redis/)]))
  })

  it("uses Redis for events, workflows, caching and locking when REDIS_URL is set", () => {
    const config = loadConfig({ DATABASE_URL, REDIS_URL: "redis://127.0.0.1:6379" })
    expect(config.projectConfig.redisUrl).toBe("redis://127.0.0.1:6379")
    expect(resolves(config)).toEqual(
      expect.arrayContaining([
        "@medusajs/medusa/event-bus-redis",
        "@medusajs/medusa/cache-redis",
        "@medusajs/medusa/workflow-engine-redis",
        "@medusajs/medusa/caching",
        "@medusajs/medusa/locking",
      ])
    )
    const locking = modules(config).find((m: any) => m.resolve === "@medusajs/medusa/locking")
    expect(locking.options.providers[0]).toMatchObject({ resolve: "@medusajs/medusa/locking-redis", is_default: true })
  })

  it("turns on Medusa's query cache: in Redis with REDIS_URL, in memory without, off with MEDUSA_CACHING=false", () => {
    const caching = (config: any) => modules(config).find((m: any) => m.resolve === "@medusajs/medusa/caching")
    const saved = process.env.REDIS_URL
    delete process.env.REDIS_URL
    const local = loadConfig({ DATABASE_URL })
    if (saved) process.env.REDIS_URL = saved
    expect(local.featureFlags.caching).toBe(true)
    expect(caching(local).options).toEqual({ in_memory: { enable: true } })

    const shared = loadConfig({ DATABASE_URL, REDIS_URL: "redis://127.0.0.1:6379" })
    expect(caching(shared).options.providers[0]).toMatchObject({ resolve: "@medusajs/medusa/caching-redis", is_default: true })

    const off = loadConfig({ DATABASE_URL, MEDUSA_CACHING: "false" })
    expect(off.featureFlags.caching).toBe(false)
    expect(caching(off)).toBeUndefined()
  })

  it("keeps uploads where UPLOAD_DIR says and serves them from the backend URL, through the shop's image handler", () => {
    const config = loadConfig({ DATABASE_URL, UPLOAD_DIR: "/srv/sweetshop/uploads", MEDUSA_BACKEND_URL: "https://api.sweetshop.in" })
    const file = modules(config).find((m: any) => m.resolve === "@medusajs/medusa/file")
    expect(file.options.providers[0].options).toEqual({
      upload_dir: "/srv/sweetshop/uploads",
      backend_url: "https://api.sweetshop.in/static/images",
    })
  })

  it("stores images on Cloudinary when CLOUDINARY_URL is set, locally otherwise", () => {
    const local = modules(loadConfig({ DATABASE_URL })).find((m: any) => m.resolve === "@medusajs/medusa/file")
    expect(local.options.providers[0].resolve).toBe("@medusajs/medusa/file-local")

    const config = loadConfig({ DATABASE_URL, CLOUDINARY_URL: "cloudinary://key:secret@shop", UPLOAD_MAX_BYTES: "2097152" })
    const file = modules(config).find((m: any) => m.resolve === "@medusajs/medusa/file")
    expect(file.options.providers).toEqual([
      {
        resolve: "@sweetshop/file-cloudinary/providers/cloudinary",
        id: "cloudinary",
        options: { cloud_name: "shop", api_key: "key", api_secret: "secret", folder: "sweetshop/products", max_upload_bytes: 2097152 },
      },
    ])
  })

  it("serves no admin from a worker", () => {
    const config = loadConfig({ DATABASE_URL, MEDUSA_WORKER_MODE: "worker" })
    expect(config.projectConfig.workerMode).toBe("worker")
    expect(config.admin.disable).toBe(true)
  })
})

describe("the admin session cookie", () => {
  const DATABASE_URL = "postgres://postgres@localhost:5432/sweetshop"
  it("is Secure when the shop is served over HTTPS, and usable on http://localhost", () => {
    expect(loadConfig({ DATABASE_URL, MEDUSA_BACKEND_URL: "https://api.sweetshop.in" }).projectConfig.cookieOptions).toEqual({
      secure: true,
      sameSite: "lax",
    })
    expect(loadConfig({ DATABASE_URL, MEDUSA_BACKEND_URL: "http://localhost:9000" }).projectConfig.cookieOptions).toEqual({
      secure: false,
      sameSite: "lax",
    })
  })
})
