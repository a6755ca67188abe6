import Link from "next/link"
import { cartId, getCart } from "@/lib/server/cart"
import { listCategories, type Category } from "@/lib/server/catalogue"
import { CartDrawer } from "@/components/cart/cart-drawer"

/** The header never breaks a page: without the backend it shows the shop's name and search only. */
export async function SiteHeader() {
  // Reading the cart cookie makes every page render per request: the build never needs the backend.
  const hasCart = (await cartId()) !== null
  let categories: Category[] = []
  let itemCount = 0
  try {
    categories = await listCategories()
  } catch {}
  if (hasCart) {
    try {
      itemCount = (await getCart())?.itemCount ?? 0
    } catch {}
  }
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
        <CartDrawer initialCount={itemCount} />
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
