import { SORTS, type ListingFilters, type SortKey } from "@/lib/sweets"

/** A plain GET form: works without JavaScript, and every filtered view has its own URL. */
export function ListingFiltersForm({ action, filters, sort, q }: { action: string; filters: ListingFilters; sort: SortKey; q?: string }) {
  return (
    <form className="filters" action={action} method="get" aria-label="Filter and sort">
      {q !== undefined && <input type="hidden" name="q" value={q} />}
      <div className="field">
        <label htmlFor="sort">Sort by</label>
        <select id="sort" name="sort" defaultValue={sort}>
          {SORTS.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sold_by">Sold by</label>
        <select id="sold_by" name="sold_by" defaultValue={filters.soldBy ?? ""}>
          <option value="">Weight or piece</option>
          <option value="grams">Weight (250 g, 500 g, 1 kg)</option>
          <option value="pieces">Piece</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="max_price">Starting price up to</label>
        <select id="max_price" name="max_price" defaultValue={filters.maxPriceRupees ? String(filters.maxPriceRupees) : ""}>
          <option value="">Any price</option>
          <option value="200">₹200</option>
          <option value="400">₹400</option>
          <option value="1000">₹1,000</option>
        </select>
      </div>
      <label className="choice">
        <input type="checkbox" name="bestsellers" value="1" defaultChecked={filters.bestsellersOnly} />
        Bestsellers only
      </label>
      <button className="button" type="submit">
        Apply
      </button>
    </form>
  )
}
