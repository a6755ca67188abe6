// Builds the contracts twice: CommonJS (Medusa's plugins and backend, jest) and ES modules (the
// storefront's bundler, the admin's Vite), with one set of type declarations. Plain tsc, no bundler.
import fs from "node:fs"
import path from "node:path"
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"

const here = path.dirname(new URL(import.meta.url).pathname)
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
fs.rmSync(path.join(here, "dist"), { recursive: true, force: true })
for (const args of [
  ["-p", "tsconfig.json"],
  ["-p", "tsconfig.json", "--module", "ES2020", "--outDir", "dist/esm", "--declaration", "false"],
]) {
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd: here, stdio: "inherit" })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
fs.writeFileSync(path.join(here, "dist/esm/package.json"), '{ "type": "module" }\n')
