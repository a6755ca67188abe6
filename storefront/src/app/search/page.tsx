import type { Metadata } from "next"
import { ListingFiltersForm } from "@/components/product/listing-filters"
import { SweetGrid } from "@/components/product/sweet-card"
import { listSweets } from "@/lib/server/catalogue"
import { filterAndSort, parseListingQuery } from "@/lib/sweets"

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const metadata: Metadata = { title: "Search", robots: { index: false } }

export default async function SearchPage({ searchParams }: Props) {
  const query = await searchParams
  const q = (Array.isArray(query.q) ? query.q[0] : query.q)?.trim().slice(0, 100) ?? ""
  const { filters, sort } = parseListingQuery(query)
  const sweets = q ? filterAndSort(await listSweets({ q }), filters, sort) : []
  return (
    <>
      <h1>{q ? `Search results for “${q}”` : "Search"}</h1>
      {!q && <p>Type the name of a sweet in the search box above, for example “laddoo” or “kaju”.</p>}
      {q && (
        <div className="listing">
          <ListingFiltersForm action="/search" filters={filters} sort={sort} q={q} />
          <div>
            <p className="result-count" role="status">
              {sweets.length === 1 ? "1 sweet found" : `${sweets.length} sweets found`}
            </p>
            {sweets.length ? <SweetGrid sweets={sweets} /> : <p>Nothing matches “{q}”. Try another word, or browse the categories above.</p>}
          </div>
        </div>
      )}
    </>
  )
}
