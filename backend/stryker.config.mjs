// Mutation testing of the delivery area, the cash-on-delivery cap and the input
// hygiene rule (its refusals' stable codes and sentences)
// (`npm run test:mutation`; docs/testing.md). tsconfig.stryker.json lists the same modules.
import { strykerConfig } from "../scripts/lib/stryker.mjs"

export default await strykerConfig(import.meta.url, {
  mutate: ["src/lib/rules/delivery-area.ts", "src/lib/rules/cash-on-delivery.ts", "src/lib/rules/input-hygiene.ts"],
  tests: [
    "<rootDir>/src/lib/__tests__/delivery-area.spec.ts",
    "<rootDir>/src/lib/__tests__/cash-on-delivery.spec.ts",
    "<rootDir>/src/lib/__tests__/input-hygiene*.spec.ts",
  ],
  tsconfig: "tsconfig.stryker.json",
  lightMedusaUtils: true,
})
