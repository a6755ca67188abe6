// Stock Medusa for side-by-side benchmarks: the same Medusa version as the
// shop, none of its plugins, no caching, default modules, admin off.
const { defineConfig } = require("@medusajs/framework/utils")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
      jwtSecret: "stock-medusa-bench-only",
      cookieSecret: "stock-medusa-bench-only",
    },
  },
  admin: { disable: true },
})
