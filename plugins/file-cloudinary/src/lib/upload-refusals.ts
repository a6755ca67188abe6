/**
 * Medusa's admin (2.21) uploads a product's new pictures first and then saves the product
 * with their URLs. When the upload is refused (a PDF, an SVG, a file too large), the media
 * form keeps going and saves the product with a picture that has no URL, and staff read
 * Medusa's validation sentence ("Invalid request: Field 'images, 1, url' is required")
 * instead of the shop's. So the upload guard remembers its refusal for the staff member
 * (or the process, without one) for a few minutes, and the product save that follows
 * answers with that sentence.
 */
export const REMEMBER_MS = 10 * 60 * 1000
const MAX_REMEMBERED = 1000
const ANYONE = "\u0000anyone"

const refusals = new Map<string, { message: string; at: number }>()

export function rememberRefusal(actorId: string | null | undefined, message: string, now = Date.now()): void {
  if (refusals.size >= MAX_REMEMBERED) refusals.clear()
  refusals.set(actorId || ANYONE, { message, at: now })
  refusals.set(ANYONE, { message, at: now })
}

/** The last refusal for this staff member (else for anyone) within REMEMBER_MS, or null. */
export function recentRefusal(actorId: string | null | undefined, now = Date.now()): string | null {
  for (const key of [actorId || ANYONE, ANYONE]) {
    const hit = refusals.get(key)
    if (hit && now - hit.at <= REMEMBER_MS) return hit.message
  }
  return null
}

/** True when a product body lists a picture without a URL (what the media form sends after a refused upload). */
export function hasPictureWithoutUrl(body: unknown): boolean {
  const images = (body as { images?: unknown } | null | undefined)?.images
  if (!Array.isArray(images)) return false
  return images.some((image) => !image || typeof image !== "object" || typeof (image as { url?: unknown }).url !== "string" || !(image as { url: string }).url.trim())
}

/** The sentence staff see when they save a product whose new picture was refused. */
export function missingPictureSentence(refusal: string | null): string {
  const why = refusal ? refusal.replace(/[.\s]+$/, "") : "One of the files was not uploaded: upload a JPEG, PNG or WebP"
  return `${why}. Nothing was saved: remove that file from the media and save again.`
}
