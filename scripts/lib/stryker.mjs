// Shared Stryker options for the workspaces' stryker.config.mjs (mutation testing,
// `npm run test:mutation`; docs/testing.md). Each workspace names the modules it
// mutates; they are checked by that workspace's unit tests only (never the
// integration or browser tests), through jest with the workspace's own transform.
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const REPORTS = path.join(ROOT, "reports", "mutation")

/**
 * The Stryker options of one workspace.
 *   configUrl: import.meta.url of the workspace's stryker.config.mjs
 *   mutate:    the modules to mutate, relative to the workspace
 *   tests:     jest testMatch of the unit tests that guard them
 *   tsconfig:  the tsconfig the TypeScript checker compiles each mutant with
 *   lightMedusaUtils: map @medusajs/framework/utils to the few files of it the modules use
 *              (medusa-utils-lite.cjs): the same classes, without loading the whole barrel per mutant
 * Async (the workspace's jest config may be): `export default await strykerConfig(…)`.
 */
export async function strykerConfig(configUrl, { mutate, tests, tsconfig = "tsconfig.json", lightMedusaUtils = false }) {
  const dir = path.dirname(fileURLToPath(configUrl))
  const name = path.relative(ROOT, dir).split(path.sep).join("-")
  // The type checker compiles only the tsconfig's files: a mutated module left out of it would go unchecked.
  const { include = [] } = JSON.parse(fs.readFileSync(path.join(dir, tsconfig), "utf8"))
  const unchecked = mutate.filter((file) => !include.some((pattern) => pattern === file || pattern === "src" || file.startsWith(`${pattern}/`)))
  if (unchecked.length) throw new Error(`${path.join(dir, tsconfig)} does not include ${unchecked.join(", ")}`)
  return {
    packageManager: "npm",
    testRunner: "jest",
    checkers: ["typescript"],
    tsconfigFile: tsconfig,
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: "perTest",
    concurrency: 2,
    mutate,
    jest: {
      projectType: "custom",
      // An empty config file: the whole jest configuration is the one below.
      configFile: "package.json",
      config: await unitJestConfig(dir, tests, lightMedusaUtils),
      enableFindRelatedTests: true,
    },
    // The sandbox needs the sources and configs only; node_modules are found by
    // walking up from it (workspace, then root), as in the workspace itself.
    ignorePatterns: [".medusa", ".next", ".data", "static", "public", "e2e", "integration-tests", "coverage", "reports"],
    tempDirName: ".stryker-tmp",
    cleanTempDir: true,
    reporters: ["clear-text", "progress", "json", "html"],
    clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
    jsonReporter: { fileName: path.join(REPORTS, `${name}.json`) },
    htmlReporter: { fileName: path.join(REPORTS, `${name}.html`) },
    thresholds: { high: 95, low: 90, break: null },
  }
}

/**
 * The workspace's jest configuration reduced to its unit tests: the same
 * transform and module mapping, without the global setup that starts
 * PostgreSQL for the integration tests, and without the browser project.
 */
async function unitJestConfig(dir, tests, lightMedusaUtils) {
  const require = createRequire(path.join(dir, "package.json"))
  let config = require("./jest.config.js")
  // A config that is a function decides at run time (order-lifecycle's skips its Redis test without Redis).
  if (typeof config === "function") config = await config()
  if (Array.isArray(config.projects)) {
    const unit = config.projects.find((p) => typeof p === "object" && p.displayName === "unit")
    if (!unit) throw new Error(`${dir}/jest.config.js has projects but none named "unit"`)
    config = unit
  }
  const { displayName, globalSetup, globalTeardown, setupFiles, testTimeout, projects, ...rest } = config
  const moduleNameMapper = lightMedusaUtils
    ? { ...rest.moduleNameMapper, "^@medusajs/framework/utils$": path.join(ROOT, "scripts", "lib", "medusa-utils-lite.cjs") }
    : rest.moduleNameMapper
  return { ...rest, ...(moduleNameMapper ? { moduleNameMapper } : {}), testMatch: tests, testEnvironment: rest.testEnvironment ?? "node" }
}
