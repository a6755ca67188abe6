import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { ListingFiltersForm } from "@/components/product/listing-filters"
import { SweetGrid } from "@/components/product/sweet-card"
import { getCategory, listSweets } from "@/lib/server/catalogue"
import { filterAndSort, parseListingQuery } from "@/lib/sweets"

export type ListingQuery = Record<string, string | string[] | undefined>

export async function categoryMetadata(handle: string): Promise<Metadata> {
  const category = await getCategory(handle).catch(() => null)
  if (!category) return { title: "Category not found" }
  return {
    title: category.name,
    description: category.description,
    alternates: { canonical: `/categories/${category.handle}` },
    openGraph: { title: `${category.name} | Sweet Shop`, description: category.description },
  }
}

/** A category's sweets with the filter form: the cached plain page (no query) and the per-request filtered view. */
export async function CategoryListing({ handle, query }: { handle: string; query: ListingQuery }) {
  const category = await getCategory(handle)
  if (!category) notFound()
  const { filters, sort } = parseListingQuery(query)
  const sweets = filterAndSort(await listSweets({ category: category.handle }), filters, sort)
  return (
    <>
      <h1>{category.name}</h1>
      <p>{category.description}</p>
      <div className="listing">
        <ListingFiltersForm action={`/categories/${category.handle}`} filters={filters} sort={sort} />
        <div>
          <p className="result-count" role="status">
            {sweets.length === 1 ? "1 sweet" : `${sweets.length} sweets`}
          </p>
          {sweets.length ? <SweetGrid sweets={sweets} eagerFirst={2} /> : <p>No sweets match these filters. Try fewer filters.</p>}
        </div>
      </div>
    </>
  )
}
