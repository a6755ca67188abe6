// Mutation testing of the order-status rules, the tracking page's masking, the
// signed and encrypted tokens, the client address and the abuse limits (`npm run test:mutation`; docs/testing.md).
// tsconfig.stryker.json lists the same modules.
import { strykerConfig } from "../../scripts/lib/stryker.mjs"

export default await strykerConfig(import.meta.url, {
  mutate: ["src/lib/shop-status.ts", "src/lib/masking.ts", "src/lib/signed-token.ts", "src/lib/order-tokens.ts", "src/lib/rate-limit.ts"],
  tests: ["<rootDir>/src/lib/__tests__/**/*.spec.ts"],
  tsconfig: "tsconfig.stryker.json",
})
