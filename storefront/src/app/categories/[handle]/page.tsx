import type { Metadata } from "next"
import { CategoryListing, categoryMetadata } from "@/components/product/category-listing"

/**
 * The plain category page (no filters, the featured order): rendered on its first request, then
 * served from Next's cache until the backend's revalidation drops the tag "catalogue", or an hour
 * has passed. `next build` asks no backend, so no category is prerendered (generateStaticParams is
 * empty). With filters or a sort in the query, next.config.ts rewrites the request to ./filtered,
 * which is rendered per request from the same cached catalogue read.
 */
export const revalidate = 3600
export const dynamicParams = true

export function generateStaticParams(): { handle: string }[] {
  return []
}

type Props = { params: Promise<{ handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryMetadata((await params).handle)
}

export default async function CategoryPage({ params }: Props) {
  return <CategoryListing handle={(await params).handle} query={{}} />
}
