import type { Metadata } from "next"
import { CategoryListing, categoryMetadata, type ListingQuery } from "@/components/product/category-listing"

/** A category with filters or a sort (reached through next.config.ts's rewrite of `/categories/<handle>?…`): rendered per request. */
type Props = { params: Promise<{ handle: string }>; searchParams: Promise<ListingQuery> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await categoryMetadata((await params).handle)), robots: { index: false } }
}

export default async function FilteredCategoryPage({ params, searchParams }: Props) {
  return <CategoryListing handle={(await params).handle} query={await searchParams} />
}
