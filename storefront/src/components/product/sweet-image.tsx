"use client"

import { useEffect, useRef, useState } from "react"
import { DEFAULT_SWEET_IMAGE, imageSources } from "@/lib/images"

/**
 * A sweet's picture: sized Cloudinary versions through srcset/sizes, the shop's
 * default picture when the product has none, and the default again if the
 * picture fails to load (never a broken-image icon).
 */
export function SweetImage({
  url,
  alt,
  width,
  sizes,
  priority = false,
}: {
  url: string | null
  alt: string
  /** The largest CSS width the picture is shown at (it is square). */
  width: number
  sizes: string
  priority?: boolean
}) {
  const [failed, setFailed] = useState(false)
  const img = useRef<HTMLImageElement>(null)
  // A picture that failed before the page came alive (its error event came before React): found here.
  useEffect(() => {
    const el = img.current
    if (el && el.complete && el.naturalWidth === 0 && url) setFailed(true)
  }, [url])
  const sources = imageSources(failed ? null : url, width, sizes)
  return (
    <img
      ref={img}
      {...sources}
      alt={alt}
      width={width}
      height={width}
      loading={priority ? "eager" : "lazy"}
      decoding="async"
      {...(priority ? { fetchPriority: "high" as const } : {})}
      data-default-image={sources.src === DEFAULT_SWEET_IMAGE ? "" : undefined}
      onError={() => setFailed(true)}
    />
  )
}
