// Two projects: unit tests (src/.../__tests__) and the browser tests (e2e/), which
// start the real backend and storefront once (e2e/global-setup.mjs) and drive Debian's chromium.
const transform = {
  "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2022" } }],
}
const common = {
  transform,
  testEnvironment: "node",
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/src/$1" },
  modulePathIgnorePatterns: ["<rootDir>/.next/", "<rootDir>/.stryker-tmp/"],
}

module.exports = {
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"] },
    {
      ...common,
      displayName: "browser",
      testMatch: ["<rootDir>/e2e/**/*.e2e.ts"],
      globalSetup: "<rootDir>/e2e/global-setup.mjs",
      globalTeardown: "<rootDir>/e2e/global-teardown.mjs",
    },
  ],
}
