// Mutation testing of Razorpay's checkout and webhook signatures (`npm run test:mutation`;
// docs/testing.md). tsconfig.stryker.json lists the same modules. Rupees ↔ paise moved to
// packages/shop-contracts (its own stryker.config.mjs).
import { strykerConfig } from "../../scripts/lib/stryker.mjs"

export default await strykerConfig(import.meta.url, {
  mutate: ["src/lib/signatures.ts"],
  tests: ["<rootDir>/src/lib/__tests__/signatures*.spec.ts"],
  tsconfig: "tsconfig.stryker.json",
  lightMedusaUtils: true,
})
