// The sandbox's own tests: each fake checked against its vendor's published samples and official SDK.
module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2021" } }],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  testMatch: ["<rootDir>/**/__tests__/**/*.spec.[jt]s"],
  testTimeout: 30000,
}
