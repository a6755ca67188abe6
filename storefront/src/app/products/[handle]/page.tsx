import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { BuyBox } from "@/components/product/buy-box"
import { FestivalBadgeLink } from "@/components/product/sweet-card"
import { ProductGallery } from "@/components/product/product-gallery"
import { VegMark } from "@/components/product/veg-mark"
import { formatPaise } from "@/lib/format"
import { imageSources } from "@/lib/images"
import { getSweet } from "@/lib/server/catalogue"
import { readConfig } from "@/lib/server/config"
import { openFestivalBadges } from "@/lib/server/festivals"
import { fromPrice, galleryOf } from "@/lib/sweets"

/**
 * A product page: rendered on its first request, then served from Next's cache until the backend's
 * revalidation drops the tag "catalogue", or an hour has passed. `next build` asks no backend, so no
 * product is prerendered (generateStaticParams is empty). The page holds no stock: the buy box asks
 * `/api/stock` (live) once it is in the browser, and add to cart waits for that answer.
 */
export const revalidate = 3600
export const dynamicParams = true

export function generateStaticParams(): { handle: string }[] {
  return []
}

type Props = { params: Promise<{ handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const sweet = await getSweet((await params).handle).catch(() => null)
  if (!sweet) return { title: "Sweet not found" }
  const price = fromPrice(sweet)
  const description = `${sweet.description}${price !== null ? ` From ${formatPaise(price)}.` : ""}`
  return {
    title: sweet.title,
    description,
    alternates: { canonical: `/products/${sweet.handle}` },
    openGraph: { title: `${sweet.title} | Sweet Shop`, description, type: "website", images: [{ url: imageSources(sweet.imageUrl, 600, "600px").src, alt: sweet.title }] },
  }
}

export default async function ProductPage({ params }: Props) {
  const [sweet, badges] = await Promise.all([getSweet((await params).handle), openFestivalBadges()])
  if (!sweet) notFound()
  const festival = badges.get(sweet.id) ?? null
  const { siteUrl } = readConfig()
  const prices = sweet.sizes.map((s) => s.pricePaise).filter((p): p is number => p !== null)
  const structuredData = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: sweet.title,
    description: sweet.description,
    image: sweet.imageUrls.length ? sweet.imageUrls : [`${siteUrl}${imageSources(null, 600, "").src}`],
    url: `${siteUrl}/products/${sweet.handle}`,
    brand: { "@type": "Brand", name: "Sweet Shop" },
    offers: {
      "@type": "AggregateOffer",
      priceCurrency: "INR",
      lowPrice: prices.length ? (Math.min(...prices) / 100).toFixed(2) : undefined,
      highPrice: prices.length ? (Math.max(...prices) / 100).toFixed(2) : undefined,
      offerCount: sweet.sizes.length,
    },
  }
  const category = sweet.categories[0]
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(structuredData).replace(/</g, "\\u003c") }} />
      {category && (
        <nav aria-label="Breadcrumb">
          <Link href="/">Home</Link> › <Link href={`/categories/${category.handle}`}>{category.name}</Link>
        </nav>
      )}
      <div className="product">
        <ProductGallery title={sweet.title} urls={galleryOf(sweet)} />
        <div>
          <p className="product-marks">
            <VegMark veg={sweet.veg} />
            {sweet.bestseller && <span className="badge">Bestseller</span>}
            {festival && <FestivalBadgeLink festival={festival} />}
          </p>
          <h1>{sweet.title}</h1>
          <BuyBox handle={sweet.handle} title={sweet.title} unit={sweet.unit} pieceName={sweet.pieceName} sizes={sweet.sizes} />
          <dl className="facts">
            <dt>About</dt>
            <dd>{sweet.description}</dd>
            {sweet.ingredients && (
              <>
                <dt>Ingredients</dt>
                <dd>{sweet.ingredients}</dd>
              </>
            )}
            {sweet.shelfLifeDays !== null && (
              <>
                <dt>Shelf life</dt>
                <dd>
                  Best within {sweet.shelfLifeDays === 1 ? "1 day" : `${sweet.shelfLifeDays} days`} of delivery.
                </dd>
              </>
            )}
            {sweet.storage && (
              <>
                <dt>Storage</dt>
                <dd data-testid="storage">{sweet.storage}</dd>
              </>
            )}
            <dt>Sold by</dt>
            <dd>{sweet.unit === "grams" ? "Weight: every box is weighed fresh from the same tray." : sweet.pieceName === "box" ? "The box." : "The piece."}</dd>
          </dl>
        </div>
      </div>
    </>
  )
}
