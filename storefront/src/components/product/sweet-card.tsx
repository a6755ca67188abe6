import Link from "next/link"
import { formatRupeesShort } from "@/lib/format"
import { fromPrice, type Sweet } from "@/lib/sweets"

export function SweetCard({ sweet, eager = false }: { sweet: Sweet; eager?: boolean }) {
  const price = fromPrice(sweet)
  const smallest = sweet.sizes[0]
  return (
    <div className="card" data-testid="sweet-card">
      <Link href={`/products/${sweet.handle}`}>
        {sweet.imageUrl ? (
          <img src={sweet.imageUrl} alt="" width={300} height={300} loading={eager ? "eager" : "lazy"} decoding="async" />
        ) : (
          <img src="/sweet-placeholder.svg" alt="" width={300} height={300} loading="lazy" />
        )}
        <div className="card-body">
          {sweet.bestseller && <span className="badge">Bestseller</span>}
          <p className="card-title">{sweet.title}</p>
          {price !== null && smallest && (
            <p className="card-price">
              From {formatRupeesShort(price)} for {smallest.label}
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
