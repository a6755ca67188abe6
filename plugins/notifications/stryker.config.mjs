// Mutation testing of the webhook checks: WhatsApp's X-Hub-Signature-256 and handshake, Twilio's X-Twilio-Signature
// (`npm run test:mutation`; docs/testing.md). tsconfig.stryker.json lists the same modules.
import { strykerConfig } from "../../scripts/lib/stryker.mjs"

export default await strykerConfig(import.meta.url, {
  mutate: ["src/lib/webhook-signatures.ts"],
  tests: ["<rootDir>/src/lib/__tests__/webhook-signatures.spec.ts"],
  tsconfig: "tsconfig.stryker.json",
})
