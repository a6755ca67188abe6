import Link from "next/link"
import { listCategories, type Category } from "@/lib/server/catalogue"
import { CartDrawer } from "@/components/cart/cart-drawer"

/**
 * The header never breaks a page: without the backend it shows the shop's name and search only.
 * It is the same for every shopper (it reads no cookie), so the catalogue pages can be served from
 * Next's cache; the cart button asks for its count from the browser (`/api/cart`).
 */
export async function SiteHeader() {
  let categories: Category[] = []
  try {
    categories = await listCategories()
  } catch {}
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link href="/" className="brand">
          Sweet Shop
        </Link>
        <form className="search-form" action="/search" role="search">
          <label htmlFor="site-search" className="visually-hidden">
            Search sweets
          </label>
          <input id="site-search" name="q" type="search" placeholder="Search kaju katli, laddoo…" />
          <button className="button secondary" type="submit">
            Search
          </button>
        </form>
        <Link href="/my-orders" className="header-link">
          My orders
        </Link>
        <CartDrawer />
      </div>
      {categories.length > 0 && (
        <nav className="category-nav" aria-label="Categories">
          <ul>
            {categories.map((c) => (
              <li key={c.id}>
                <Link href={`/categories/${c.handle}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  )
}
