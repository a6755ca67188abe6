import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { BuyBox } from "@/components/product/buy-box"
import { SweetImage } from "@/components/product/sweet-image"
import { VegMark } from "@/components/product/veg-mark"
import { listSweets } from "@/lib/server/catalogue"
import { getFestival, type FestivalDay } from "@/lib/server/festivals"

/**
 * A festival's pre-order page (issue 19): its days with the places left, and the sweets it
 * offers, each with a "Pre-order" button that makes the cart this festival's pre-order.
 * Rendered on its first request and kept for a minute (the festival read is cached that long;
 * the checkout judges the day and the places again). No festival is prerendered by `next build`.
 */
export const revalidate = 60
export const dynamicParams = true

export function generateStaticParams(): { handle: string }[] {
  return []
}

type Props = { params: Promise<{ handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const festival = await getFestival((await params).handle).catch(() => null)
  if (!festival) return { title: "Festival not found" }
  const description = festival.description ?? `Pre-order sweets for ${festival.name}, delivered on the day.`
  return { title: `Pre-order for ${festival.name}`, description, alternates: { canonical: `/festivals/${festival.handle}` } }
}

function placesText(day: FestivalDay): string {
  if (day.placesLeft <= 0) return "Fully booked"
  return day.placesLeft === 1 ? "1 place left" : `${day.placesLeft} places left`
}

export default async function FestivalPage({ params }: Props) {
  const { handle } = await params
  const [festival, sweets] = await Promise.all([getFestival(handle), listSweets()])
  if (!festival) notFound()
  const offered = festival.productIds.map((id) => sweets.find((s) => s.id === id)).filter((s) => s !== undefined)
  const badge = { handle: festival.handle, name: festival.name }
  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link href="/">Home</Link> › Festival pre-orders
      </nav>
      <section className="hero festival-hero" aria-labelledby="festival-title">
        <p className="badge festival-mark">Pre-order</p>
        <h1 id="festival-title">{festival.name}</h1>
        <p>
          {festival.description ? `${festival.description} ` : ""}
          Delivered fresh on the festival day you choose; pay online or by cash on delivery.
        </p>
      </section>

      {!festival.open && (
        <p className="notice info" role="status" data-testid="festival-closed">
          {festival.message ?? `Pre-orders for ${festival.name} are not open now.`}
        </p>
      )}

      <section className="section" aria-labelledby="days-title">
        <h2 id="days-title">Delivery days</h2>
        <ul className="festival-days" data-testid="festival-days">
          {festival.days.map((d) => (
            <li key={d.date} className={d.placesLeft <= 0 ? "full" : undefined}>
              <strong>{d.label}</strong>
              <span>{placesText(d)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="offered-title">
        <h2 id="offered-title">{festival.open ? "Pre-order these sweets" : "Sweets on offer"}</h2>
        {offered.length === 0 && <p>The sweets for this festival are not on the menu yet.</p>}
        <ul className="festival-products">
          {offered.map((sweet) => (
            <li key={sweet.id} className="festival-product" data-testid="festival-product">
              <div className="festival-product-image">
                <SweetImage url={sweet.imageUrl} alt="" width={160} sizes="120px" />
              </div>
              <div>
                <h3>
                  <VegMark veg={sweet.veg} compact /> <Link href={`/products/${sweet.handle}`}>{sweet.title}</Link>
                </h3>
                {festival.open ? (
                  <BuyBox handle={sweet.handle} title={sweet.title} unit={sweet.unit} pieceName={sweet.pieceName} sizes={sweet.sizes} festival={badge} />
                ) : (
                  <p className="hint">{sweet.description}</p>
                )}
              </div>
            </li>
          ))}
        </ul>
        {festival.open && <p className="hint">A pre-order holds only this festival&apos;s sweets; other sweets go in an order of their own.</p>}
      </section>
    </>
  )
}
