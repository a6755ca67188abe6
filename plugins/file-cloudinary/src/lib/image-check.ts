/**
 * What staff may upload as a product image, decided by the bytes, never by
 * the file name or the browser's claimed type. SVG is refused: it is text
 * that can carry scripts.
 */

export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024

export type ImageKind = { format: "jpg" | "png" | "gif" | "webp" | "avif"; mimeType: string }

export class UploadRejected extends Error {}

/** The image format the bytes start with, or null. */
export function sniffImage(bytes: Buffer): ImageKind | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  const ascii = (offset: number, text: string) => bytes.subarray(offset, offset + text.length).toString("latin1") === text
  if (starts(0xff, 0xd8, 0xff)) return { format: "jpg", mimeType: "image/jpeg" }
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { format: "png", mimeType: "image/png" }
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return { format: "gif", mimeType: "image/gif" }
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return { format: "webp", mimeType: "image/webp" }
  if (ascii(4, "ftypavif") || ascii(4, "ftypavis")) return { format: "avif", mimeType: "image/avif" }
  return null
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

/** Refuses an empty file or one over the limit, with a sentence staff understand. */
export function checkFileSize(filename: string, bytes: Buffer, maxBytes = DEFAULT_MAX_UPLOAD_BYTES) {
  const name = filename || "The file"
  if (!bytes.length) {
    throw new UploadRejected(`${name} is empty; choose the image file again.`)
  }
  if (bytes.length > maxBytes) {
    throw new UploadRejected(`${name} is ${formatBytes(bytes.length)}; images can be at most ${formatBytes(maxBytes)}.`)
  }
}

/** Checks one staff upload; throws UploadRejected with a sentence staff understand. */
export function checkImageUpload(filename: string, bytes: Buffer, maxBytes = DEFAULT_MAX_UPLOAD_BYTES): ImageKind {
  const name = filename || "The file"
  checkFileSize(name, bytes, maxBytes)
  const kind = sniffImage(bytes)
  if (!kind) {
    throw new UploadRejected(`${name} is not an image the shop can use; upload a JPEG, PNG, WebP, AVIF or GIF.`)
  }
  return kind
}

/** Medusa hands providers base64 (admin uploads) or, from older callers, binary strings. */
export function decodeContent(content: string): Buffer {
  const base64 = Buffer.from(content, "base64")
  return base64.toString("base64") === content.replace(/\s/g, "") ? base64 : Buffer.from(content, "binary")
}

/**
 * A delivery URL sized for where it is shown: Cloudinary picks the format
 * (f_auto) and quality (q_auto) and scales to the width, so a thumbnail
 * never downloads the original. URLs that are not Cloudinary's pass through.
 */
export function cloudinaryImageUrl(url: string, widthPx: number): string {
  const marker = "/image/upload/"
  const at = url.indexOf(marker)
  if (at < 0 || !Number.isInteger(widthPx) || widthPx <= 0) return url
  return `${url.slice(0, at + marker.length)}f_auto,q_auto,c_limit,w_${widthPx}/${url.slice(at + marker.length)}`
}
