import Link from "next/link"
import { notFound } from "next/navigation"
import { SweetGrid } from "@/components/product/sweet-card"
import { listCategories, listSweets } from "@/lib/server/catalogue"
import { listFestivals } from "@/lib/server/festivals"
import { filterAndSort } from "@/lib/sweets"

const GIFT_CATEGORY = "gift-boxes"

/**
 * The home page, served at `/` (next.config.ts rewrites `/` to `/home/shop`; `/home/…` itself
 * redirects to `/`). A page with a parameter so that `next build`, which asks no backend, does not
 * prerender it: it is rendered on its first request, then served from Next's cache until the
 * backend's revalidation drops the tag "catalogue", or an hour has passed.
 */
export const revalidate = 3600
export const dynamicParams = true

export function generateStaticParams(): { view: string }[] {
  return []
}

type Props = { params: Promise<{ view: string }> }

export default async function HomePage({ params }: Props) {
  if ((await params).view !== "shop") notFound()
  const [categories, sweets, festivals] = await Promise.all([listCategories(), listSweets(), listFestivals()])
  const gifts = categories.find((c) => c.handle === GIFT_CATEGORY)
  const bestsellers = filterAndSort(sweets.filter((s) => s.bestseller && !s.categories.some((c) => c.handle === GIFT_CATEGORY)), {}, "featured")
  const giftBoxes = sweets.filter((s) => s.categories.some((c) => c.handle === GIFT_CATEGORY))
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Fresh Indian sweets, made this morning</h1>
        <p>Kaju katli by the 250 g box, rasgulla by the half-dozen, gift boxes for every festival. Delivered in Delhi NCR or ready to pick up at Chandni Chowk.</p>
      </section>

      {festivals.length > 0 && (
        <section className="section" aria-labelledby="festivals-title">
          <h2 id="festivals-title">Festival pre-orders</h2>
          <ul className="festival-links">
            {festivals.map((f) => (
              <li key={f.handle}>
                <Link href={`/festivals/${f.handle}`} data-testid="festival-link">
                  <strong>{f.open ? `Pre-order for ${f.name}` : f.name}</strong>
                  <span>{f.open ? `Delivered on ${f.days.map((d) => d.label).join(" · ")}.` : f.message}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="categories-title">
        <h2 id="categories-title">Shop by category</h2>
        <ul className="category-tiles">
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={`/categories/${c.handle}`}>
                <strong>{c.name}</strong>
                <span>{c.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="bestsellers-title">
        <h2 id="bestsellers-title">Bestsellers</h2>
        <SweetGrid sweets={bestsellers} eagerFirst={2} />
      </section>

      {giftBoxes.length > 0 && (
        <section className="section" aria-labelledby="gifts-title">
          <div className="section-head">
            <h2 id="gifts-title">Festival gift boxes</h2>
            {gifts && <Link href={`/categories/${gifts.handle}`}>All gift boxes</Link>}
          </div>
          <SweetGrid sweets={giftBoxes} />
        </section>
      )}
    </>
  )
}
