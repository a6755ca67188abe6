// Mutation testing of the rupee/paise conversion and the Indian mobile rule (`npm run test:mutation`;
// docs/testing.md). tsconfig.stryker.json lists the same modules.
import { strykerConfig } from "../../scripts/lib/stryker.mjs"

export default await strykerConfig(import.meta.url, {
  mutate: ["src/money.ts", "src/phone.ts", "src/client-address.ts"],
  tests: ["<rootDir>/src/__tests__/money*.spec.ts", "<rootDir>/src/__tests__/phone.spec.ts", "<rootDir>/src/__tests__/contracts.spec.ts", "<rootDir>/src/__tests__/client-address*.spec.ts"],
  tsconfig: "tsconfig.stryker.json",
})
