// Mutation testing of the checkout's refusal mapping (the backend's sentence to the field it concerns)
// (`npm run test:mutation`; docs/testing.md). tsconfig.stryker.json lists the same modules.
import { strykerConfig } from "../scripts/lib/stryker.mjs"

export default await strykerConfig(import.meta.url, {
  mutate: ["src/lib/refusals.ts"],
  tests: ["<rootDir>/src/lib/__tests__/**/*.test.ts"],
  tsconfig: "tsconfig.stryker.json",
})
