/**
 * Product pictures: a default for a product without one, and Cloudinary URLs
 * sized for where they are shown, so a phone never downloads a full-size upload.
 */

/** The shop's drawn stand-in for a sweet without a picture (public/sweet-placeholder.svg). */
export const DEFAULT_SWEET_IMAGE = "/sweet-placeholder.svg"

/** Widths offered in `srcset` (CSS pixels × device pixel ratio up to 3 for a 360 px phone). */
export const IMAGE_WIDTHS = [160, 320, 480, 640, 960, 1280] as const

const MARKER = "/image/upload/"

/**
 * True for a Cloudinary delivery URL: res.cloudinary.com, or any host serving
 * `/<cloud>/image/upload/…` the same way (the sandbox's fake Cloudinary, a custom CNAME).
 */
export function isCloudinaryUrl(url: string): boolean {
  try {
    const { hostname, pathname } = new URL(url)
    if (hostname === "res.cloudinary.com") return pathname.includes(MARKER)
    return /^\/[^/]+\/image\/upload\//.test(pathname)
  } catch {
    return false
  }
}

/**
 * A Cloudinary URL with `f_auto,q_auto,c_limit,w_<width>` inserted after
 * `/image/upload/` (format and quality chosen by Cloudinary, never upscaled);
 * any other URL as given.
 */
export function sizedImageUrl(url: string, width: number): string {
  if (!isCloudinaryUrl(url) || !Number.isInteger(width) || width <= 0) return url
  const at = url.indexOf(MARKER) + MARKER.length
  return `${url.slice(0, at)}f_auto,q_auto,c_limit,w_${width}/${url.slice(at)}`
}

export type ImageSources = { src: string; srcSet?: string; sizes?: string }

/**
 * What an <img> needs: a product's picture (or the default) and, for Cloudinary,
 * a srcset of sized versions with the `sizes` the layout gives it.
 * `width` is the largest CSS width the picture is shown at.
 */
export function imageSources(url: string | null | undefined, width: number, sizes: string): ImageSources {
  if (!url) return { src: DEFAULT_SWEET_IMAGE }
  if (!isCloudinaryUrl(url)) return { src: url }
  const widths = IMAGE_WIDTHS.filter((w) => w <= width * 3)
  return {
    src: sizedImageUrl(url, width * 2),
    srcSet: widths.map((w) => `${sizedImageUrl(url, w)} ${w}w`).join(", "),
    sizes,
  }
}
