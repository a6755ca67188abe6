// `node storefront/e2e/serve.mjs`: the browser tests' shop by hand, until Ctrl+C (E2E_BACKEND_ONLY=true for the backend alone).
// Then paste the export lines it prints and run: npx jest --selectProjects browser
import { startTestShop } from "./support/test-shop.mjs"

const port = (name) => Number(process.env[name] || 0) || undefined
const shop = await startTestShop({
  backendPort: port("E2E_BACKEND_PORT"),
  storefrontPort: port("E2E_STOREFRONT_PORT"),
  withStorefront: process.env.E2E_BACKEND_ONLY !== "true",
})
process.stdout.write(`${JSON.stringify({ ...shop, stop: undefined }, null, 2)}\n`)
// What the browser tests read, ready to export in another shell.
const env = {
  E2E_STOREFRONT_URL: shop.storefrontUrl,
  E2E_BACKEND_URL: shop.backendUrl,
  E2E_PUBLISHABLE_KEY: shop.publishableKey,
  E2E_REVALIDATE_SECRET: shop.revalidateSecret,
  E2E_TRACKING_SECRET: shop.trackingSecret,
  E2E_TWILIO_URL: `${shop.twilioUrl}|${shop.twilioAccountSid}|${shop.twilioAuthToken}`,
}
process.stdout.write(`${Object.entries(env).filter(([, v]) => v).map(([k, v]) => `export ${k}='${v}'`).join("\n")}\n`)
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shop.stop().then(() => process.exit(0)))
