import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { ListingFiltersForm } from "@/components/product/listing-filters"
import { SweetGrid } from "@/components/product/sweet-card"
import { getCategory, listSweets } from "@/lib/server/catalogue"
import { filterAndSort, parseListingQuery } from "@/lib/sweets"

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await getCategory((await params).handle).catch(() => null)
  if (!category) return { title: "Category not found" }
  return {
    title: category.name,
    description: category.description,
    alternates: { canonical: `/categories/${category.handle}` },
    openGraph: { title: `${category.name} | Sweet Shop`, description: category.description },
  }
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { handle } = await params
  const category = await getCategory(handle)
  if (!category) notFound()
  const { filters, sort } = parseListingQuery(await searchParams)
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
