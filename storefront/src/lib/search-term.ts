/**
 * What the search page does with `?q=`: the words to look for (trimmed, at
 * most 100 characters), or a refusal when the text holds characters no shopper
 * types: control characters such as a NUL byte, and bidirectional overrides.
 * Those are never echoed into the page (a browser drops or replaces them while
 * parsing the HTML, so the page it hydrates would differ from the server's, and
 * the backend refuses them anyway): the page says that nothing was found.
 */
// eslint-disable-next-line no-control-regex
const UNTYPABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

export type SearchTerm = { words: string; refused: boolean }

export function searchTerm(raw: string | string[] | undefined): SearchTerm {
  const first = Array.isArray(raw) ? raw[0] : raw
  if (typeof first !== "string") return { words: "", refused: false }
  if (UNTYPABLE.test(first)) return { words: "", refused: true }
  return { words: first.trim().slice(0, 100), refused: false }
}
