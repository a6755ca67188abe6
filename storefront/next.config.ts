import path from "node:path"
import type { NextConfig } from "next"

const monorepoRoot = path.join(__dirname, "..")

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The repository is one npm workspace: trace and resolve from its root.
  outputFileTracingRoot: monorepoRoot,
  turbopack: { root: monorepoRoot },
  // Typecheck runs as its own step (npm run typecheck / npm test) and must pass; the build checks again.
  typescript: { ignoreBuildErrors: false },
}

export default nextConfig
