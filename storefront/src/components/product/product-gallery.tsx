"use client"

import { useState } from "react"
import { SweetImage } from "./sweet-image"

/**
 * Every picture of a product: the chosen one large, the others as buttons below
 * (one picture: no buttons). Staff's first picture (the thumbnail) comes first.
 */
export function ProductGallery({ title, urls }: { title: string; urls: string[] }) {
  const [shown, setShown] = useState(0)
  const pictures = urls.length ? urls : [null]
  return (
    <div className="product-image" data-testid="product-gallery" data-pictures={urls.length}>
      {/* Half the 1,120 px column from 760 px; at most 300 px wide on a phone. */}
      <SweetImage key={pictures[shown] ?? "default"} url={pictures[shown] ?? null} alt={pictures.length > 1 ? `${title}, picture ${shown + 1} of ${pictures.length}` : title} width={600} sizes="(min-width: 760px) 540px, 300px" priority={shown === 0} />
      {pictures.length > 1 && (
        <ul className="gallery-thumbs" aria-label={`Pictures of ${title}`}>
          {pictures.map((url, i) => (
            <li key={`${url}-${i}`}>
              <button type="button" aria-pressed={i === shown} aria-label={`Show picture ${i + 1} of ${pictures.length}`} onClick={() => setShown(i)} data-testid="gallery-thumb">
                <SweetImage url={url} alt="" width={64} sizes="64px" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
