import { spawnSync } from "node:child_process"
import path from "node:path"

jest.setTimeout(120_000)

/**
 * Issue 23, end to end: `medusa start` in production with the sandbox's fake Razorpay
 * stops before serving anything, with the one sentence from medusa-config.ts.
 */
it("a production start with the fake Razorpay stops with its sentence", async () => {
  const { startFakeRazorpay } = require("@sweetshop/sandbox")
  const fake = await startFakeRazorpay({ port: 0 })
  try {
    const backend = path.join(__dirname, "..", "..", "..")
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      MEDUSA_DISABLE_TELEMETRY: "true",
      // Never reached: the configuration stops the start first.
      DATABASE_URL: "postgres://nobody:nothing@localhost:1/none",
      JWT_SECRET: "j".repeat(32),
      COOKIE_SECRET: "c".repeat(32),
      TRACKING_SECRET: "t".repeat(32),
      MEDUSA_BACKEND_URL: "https://api.sweetshop.in",
      STOREFRONT_URL: "https://sweetshop.in",
      STORE_CORS: "https://sweetshop.in",
      ADMIN_CORS: "https://api.sweetshop.in",
      AUTH_CORS: "https://sweetshop.in,https://api.sweetshop.in",
      RAZORPAY_KEY_ID: fake.keyId,
      RAZORPAY_KEY_SECRET: fake.keySecret,
      RAZORPAY_WEBHOOK_SECRET: fake.webhookSecret,
      RAZORPAY_API_BASE_URL: fake.url,
    }
    const run = spawnSync(process.execPath, [require.resolve("@medusajs/cli/cli.js"), "start"], { cwd: backend, env, encoding: "utf8", timeout: 110_000 })
    expect(run.status).toBe(1)
    expect(`${run.stdout}${run.stderr}`.trim().split("\n")).toContain(
      "Sweet Shop cannot start: RAZORPAY_API_BASE_URL points the shop at a fake (payments would take no money) while NODE_ENV is production: set the real service's keys, or ALLOW_TEST_MODE=true for a trial where nothing is real."
    )
  } finally {
    await fake.close()
  }
})
