// Tests of the repository as a whole: the start command and the deployment files.
// Each workspace (backend, plugins, storefront) has its own jest configuration.
module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2021" } }],
  },
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.spec.ts"],
  testTimeout: 120000,
}
