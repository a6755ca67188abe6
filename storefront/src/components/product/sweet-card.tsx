import Link from "next/link"
import { formatPaise } from "@/lib/format"
import { SweetImage } from "./sweet-image"
import { VegMark } from "./veg-mark"
import { fromPrice, type Sweet } from "@/lib/sweets"
import { openFestivalBadges, type FestivalBadge } from "@/lib/server/festivals"

export function SweetCard({ sweet, eager = false, festival = null }: { sweet: Sweet; eager?: boolean; festival?: FestivalBadge | null }) {
  const price = fromPrice(sweet)
  const smallest = sweet.sizes[0]
  return (
    <div className="card" data-testid="sweet-card">
      <Link href={`/products/${sweet.handle}`}>
        {/* Four across from 760 px (about 260 px each in the 1,120 px column), two across on a phone. */}
        <SweetImage url={sweet.imageUrl} alt="" width={300} sizes="(min-width: 760px) 260px, 50vw" priority={eager} />
        <div className="card-body">
          {sweet.bestseller && <span className="badge">Bestseller</span>}
          <p className="card-title">
            <VegMark veg={sweet.veg} compact /> {sweet.title}
          </p>
          {price !== null && smallest && (
            <p className="card-price">
              From {formatPaise(price)} for {smallest.label}
            </p>
          )}
        </div>
      </Link>
      {festival && <FestivalBadgeLink festival={festival} />}
    </div>
  )
}

/** "Pre-order for Diwali 2026": a sweet an open festival offers, linking to the festival's page. */
export function FestivalBadgeLink({ festival }: { festival: FestivalBadge }) {
  return (
    <Link href={`/festivals/${festival.handle}`} className="festival-badge" data-testid="festival-badge">
      Pre-order for {festival.name}
    </Link>
  )
}

/** The sweets as cards; those an open festival offers carry its badge (the festival list is a short cached read). */
export async function SweetGrid({ sweets, eagerFirst = 0 }: { sweets: Sweet[]; eagerFirst?: number }) {
  const badges = await openFestivalBadges()
  return (
    <ul className="grid">
      {sweets.map((sweet, i) => (
        <li key={sweet.id}>
          <SweetCard sweet={sweet} eager={i < eagerFirst} festival={badges.get(sweet.id) ?? null} />
        </li>
      ))}
    </ul>
  )
}
