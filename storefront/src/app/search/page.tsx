import type { Metadata } from "next"
import { ListingFiltersForm } from "@/components/product/listing-filters"
import { SweetGrid } from "@/components/product/sweet-card"
import { listSweets } from "@/lib/server/catalogue"
import { searchTerm } from "@/lib/search-term"
import { filterAndSort, parseListingQuery } from "@/lib/sweets"

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const metadata: Metadata = { title: "Search", robots: { index: false } }

export default async function SearchPage({ searchParams }: Props) {
  const query = await searchParams
  // Text no shopper types (a NUL byte, control characters) is neither searched nor echoed: nothing found.
  const { words: q, refused } = searchTerm(query.q)
  const { filters, sort } = parseListingQuery(query)
  const sweets = q ? filterAndSort(await listSweets({ q }), filters, sort) : []
  return (
    <>
      <h1>{q ? `Search results for “${q}”` : "Search"}</h1>
      {!q && !refused && <p>Type the name of a sweet in the search box above, for example “laddoo” or “kaju”.</p>}
      {refused && (
        <p className="result-count" role="status">
          Nothing matches that search. Type the name of a sweet, for example “laddoo” or “kaju”, or browse the categories above.
        </p>
      )}
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
