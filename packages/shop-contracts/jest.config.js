module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" } } }] },
  // The sources import each other as "./x.js" (what the ES-module build needs); jest reads the .ts.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.spec.ts"],
}
