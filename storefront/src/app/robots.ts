import type { MetadataRoute } from "next"
import { readConfig } from "@/lib/server/config"

export const dynamic = "force-dynamic"

export default function robots(): MetadataRoute.Robots {
  const { siteUrl } = readConfig()
  return { rules: { userAgent: "*", allow: "/", disallow: ["/cart", "/checkout", "/order/", "/api/"] }, sitemap: `${siteUrl}/sitemap.xml` }
}
