import Link from "next/link"
import { formatPaise } from "@/lib/format"
import { SweetImage } from "./sweet-image"
import { VegMark } from "./veg-mark"
import { fromPrice, type Sweet } from "@/lib/sweets"

export function SweetCard({ sweet, eager = false }: { sweet: Sweet; eager?: boolean }) {
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
    </div>
  )
}

export function SweetGrid({ sweets, eagerFirst = 0 }: { sweets: Sweet[]; eagerFirst?: number }) {
  return (
    <ul className="grid">
      {sweets.map((sweet, i) => (
        <li key={sweet.id}>
          <SweetCard sweet={sweet} eager={i < eagerFirst} />
        </li>
      ))}
    </ul>
  )
}
