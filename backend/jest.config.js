module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.stryker-tmp/"],
  testMatch: ["<rootDir>/src/**/__tests__/**/*.spec.ts", "<rootDir>/integration-tests/**/*.spec.ts"],
  globalSetup: "<rootDir>/integration-tests/global-setup.mjs",
  globalTeardown: "<rootDir>/integration-tests/global-teardown.mjs",
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
  testTimeout: 240000,
}
