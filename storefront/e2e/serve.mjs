// `node storefront/e2e/serve.mjs`: the browser tests' shop by hand, until Ctrl+C (E2E_BACKEND_ONLY=true for the backend alone).
// Then: E2E_STOREFRONT_URL=… E2E_BACKEND_URL=… E2E_REVALIDATE_SECRET=… npx jest --selectProjects browser
import { startTestShop } from "./support/test-shop.mjs"

const port = (name) => Number(process.env[name] || 0) || undefined
const shop = await startTestShop({
  backendPort: port("E2E_BACKEND_PORT"),
  storefrontPort: port("E2E_STOREFRONT_PORT"),
  withStorefront: process.env.E2E_BACKEND_ONLY !== "true",
})
process.stdout.write(`${JSON.stringify({ ...shop, stop: undefined }, null, 2)}\n`)
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shop.stop().then(() => process.exit(0)))
