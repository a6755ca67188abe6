/**
 * What staff may upload as a product image, decided by the bytes, never by
 * the file name or the browser's claimed type. Only JPEG, PNG and WebP are
 * taken (and then re-encoded, see reencode-image.ts). SVG is refused: it is
 * text that can carry scripts.
 */

export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024

/** The formats the shop stores, with the extension and content type they are stored and served with. */
export const STORED_FORMATS = {
  jpeg: { extension: "jpg", mimeType: "image/jpeg" },
  png: { extension: "png", mimeType: "image/png" },
  webp: { extension: "webp", mimeType: "image/webp" },
} as const
export type StoredFormat = keyof typeof STORED_FORMATS

/** What the first bytes say the file is; only the stored formats are accepted, the rest named in the refusal. */
export type SniffedKind = StoredFormat | "gif" | "avif" | "svg" | "html" | "pdf"

export class UploadRejected extends Error {
  /** 413 for a file over the size limit, 400 for everything else. */
  constructor(message: string, readonly status: 400 | 413 = 400) {
    super(message)
  }
}

const ACCEPTED = "upload a JPEG, PNG or WebP"

/** The kind of file the bytes start with, or null when unknown. */
export function sniffImage(bytes: Buffer): SniffedKind | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  const ascii = (offset: number, text: string) => bytes.subarray(offset, offset + text.length).toString("latin1") === text
  if (starts(0xff, 0xd8, 0xff)) return "jpeg"
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png"
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "webp"
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return "gif"
  if (ascii(4, "ftypavif") || ascii(4, "ftypavis")) return "avif"
  if (ascii(0, "%PDF-")) return "pdf"
  const head = bytes.subarray(0, 512).toString("utf8").replace(/^\uFEFF/, "").trimStart().toLowerCase()
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s/>]/.test(head)) return "svg"
  if (/^(<!doctype html|<html|<script|<body|<head)[\s/>]/.test(head)) return "html"
  return null
}

/** A file name fit to quote back in a sentence: printable, at most 80 characters. */
export function displayName(filename: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const clean = (filename ?? "").replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "").trim()
  if (!clean) return "The file"
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean
}

/** Refuses anything that is not a JPEG, PNG or WebP by its bytes, naming what it is when the shop knows. */
export function acceptedFormat(filename: string, bytes: Buffer): StoredFormat {
  const name = displayName(filename)
  const kind = sniffImage(bytes)
  if (kind === "jpeg" || kind === "png" || kind === "webp") return kind
  if (kind === "svg") throw new UploadRejected(`${name} is an SVG drawing, which can carry scripts; ${ACCEPTED} instead.`)
  if (kind === "gif" || kind === "avif") throw new UploadRejected(`${name} is a${kind === "avif" ? "n" : ""} ${kind.toUpperCase()} image; ${ACCEPTED} instead.`)
  throw new UploadRejected(`${name} is not an image the shop can use; ${ACCEPTED}.`)
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

/** The sentence for a file found to be over the limit while it was still arriving (its full size is never read). */
export function tooLargeMessage(filename: string | undefined, maxBytes: number): string {
  return `${displayName(filename)} is larger than ${formatBytes(maxBytes)}; images can be at most ${formatBytes(maxBytes)}.`
}

/** Refuses an empty file or one over the limit, with a sentence staff understand. */
export function checkFileSize(filename: string, bytes: Buffer, maxBytes = DEFAULT_MAX_UPLOAD_BYTES) {
  const name = displayName(filename)
  if (!bytes.length) {
    throw new UploadRejected(`${name} is empty; choose the image file again.`)
  }
  if (bytes.length > maxBytes) {
    throw new UploadRejected(`${name} is ${formatBytes(bytes.length)}; images can be at most ${formatBytes(maxBytes)}.`, 413)
  }
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
