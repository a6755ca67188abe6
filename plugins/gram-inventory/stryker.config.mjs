// Mutation testing of the pool arithmetic and of a variant's grams or pieces (the pool check's pure parts)
// (`npm run test:mutation`; docs/testing.md). tsconfig.stryker.json lists the same modules.
import { strykerConfig } from "../../scripts/lib/stryker.mjs"

export default await strykerConfig(import.meta.url, {
  mutate: ["src/lib/pool-math.ts", "src/lib/variant-measure.ts"],
  tests: ["<rootDir>/src/lib/__tests__/**/*.spec.ts"],
  tsconfig: "tsconfig.stryker.json",
})
