// Mutation testing only (scripts/lib/stryker.mjs, option lightMedusaUtils): the parts of
// @medusajs/framework/utils that the mutated modules and their unit tests use, loaded from the
// very files Medusa's barrel re-exports them from. The barrel loads all of Medusa's utilities
// (about 1.5 s, several seconds on a busy machine), and jest loads it again for every mutant.
// The package's "exports" map hides these files, so they are required by path.
"use strict"
const path = require("node:path")

// The package main is dist/index.js; resolving it loads nothing.
const dist = path.dirname(require.resolve("@medusajs/utils"))

module.exports = {
  ...require(path.join(dist, "totals", "big-number.js")), // BigNumber, MEDUSA_EPSILON
  ...require(path.join(dist, "common", "errors.js")), // MedusaError
  ...require(path.join(dist, "common", "container.js")), // ContainerRegistrationKeys
}
