// Mutation testing of the rupee/paise conversion and Razorpay's checkout and webhook signatures
// (`npm run test:mutation`; docs/testing.md). tsconfig.stryker.json lists the same modules.
import { strykerConfig } from "../../scripts/lib/stryker.mjs"

export default await strykerConfig(import.meta.url, {
  mutate: ["src/lib/paise.ts", "src/lib/signatures.ts"],
  tests: ["<rootDir>/src/lib/__tests__/paise*.spec.ts", "<rootDir>/src/lib/__tests__/signatures*.spec.ts"],
  tsconfig: "tsconfig.stryker.json",
  lightMedusaUtils: true,
})
