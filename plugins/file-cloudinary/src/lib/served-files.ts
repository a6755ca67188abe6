/**
 * How the shop serves files kept on this machine (the local file provider):
 * at /static/images/<key>, through its own handler, because Medusa's static
 * server at /static cannot be given headers. Only image types are served;
 * a key of any other kind (an .html, .js, .csv) is not found.
 */

export const SERVED_PATH = "/static/images"

const CONTENT_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  // The shop's own drawings (the seed's product art); staff cannot upload SVG.
  svg: "image/svg+xml",
}

/** The content type a stored key is served with, or null when it is not served at all. */
export function servedContentType(key: string): string | null {
  // Keys the local provider makes: "<milliseconds>-<name>.<ext>", one path segment, no dot-files.
  const match = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.([A-Za-z0-9]+)$/.exec(key)
  if (!match || key.length > 200) return null
  return CONTENT_TYPES[match[1].toLowerCase()] ?? null
}

/**
 * Headers for every served file: the type is the one the shop decided, the
 * browser must not guess another (nosniff), and if it is opened as a page it
 * runs nothing and loads nothing (a sandboxed, script-less policy).
 */
export function servedFileHeaders(contentType: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    "Cross-Origin-Resource-Policy": "cross-origin",
    // Keys are unique (a timestamp and a random name): a stored file never changes.
    "Cache-Control": "public, max-age=31536000, immutable",
  }
}
