import type { MetadataRoute } from "next"
import { listCategories, listSweets } from "@/lib/server/catalogue"
import { readConfig } from "@/lib/server/config"

export const dynamic = "force-dynamic"

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { siteUrl } = readConfig()
  const [categories, sweets] = await Promise.all([listCategories(), listSweets()])
  return [
    { url: `${siteUrl}/`, changeFrequency: "daily", priority: 1 },
    ...categories.map((c) => ({ url: `${siteUrl}/categories/${c.handle}`, changeFrequency: "daily" as const, priority: 0.8 })),
    ...sweets.map((s) => ({ url: `${siteUrl}/products/${s.handle}`, changeFrequency: "daily" as const, priority: 0.6 })),
  ]
}
