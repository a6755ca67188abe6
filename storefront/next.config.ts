import path from "node:path"
import type { NextConfig } from "next"

const monorepoRoot = path.join(__dirname, "..")

/** The category page's filters and sort (components/product/listing-filters.tsx): any of them makes a filtered view. */
const LISTING_PARAMS = ["sort", "sold_by", "max_price", "bestsellers"]

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The repository is one npm workspace: trace and resolve from its root.
  outputFileTracingRoot: monorepoRoot,
  turbopack: { root: monorepoRoot },
  // Typecheck runs as its own step (npm run typecheck / npm test) and must pass; the build checks again.
  typescript: { ignoreBuildErrors: false },
  experimental: {
    // Pages rendered on their first request are kept in memory only: a restart (perhaps against another
    // backend, whose products have other ids) starts with an empty page cache rather than yesterday's pages.
    isrFlushToDisk: false,
  },
  async rewrites() {
    return {
      beforeFiles: [
        // The home page is rendered on its first request and then served from Next's cache: as a page
        // with a parameter (app/home/[view]) it is not prerendered by `next build`, which has no backend.
        { source: "/", destination: "/home/shop" },
        // A category with filters or a sort is rendered per request (it reads the query); the plain
        // category URL is the cached page.
        ...LISTING_PARAMS.map((key) => ({
          source: "/categories/:handle",
          has: [{ type: "query" as const, key }],
          destination: "/categories/:handle/filtered",
        })),
      ],
      afterFiles: [],
      fallback: [],
    }
  },
  async redirects() {
    // Only reached through the rewrites above.
    return [{ source: "/home/:path*", destination: "/", permanent: false }]
  },
}

export default nextConfig
