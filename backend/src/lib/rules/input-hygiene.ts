/**
 * One input hygiene rule for every route (store, admin, auth, hooks), Medusa's
 * own included: what no route of the shop has a use for is refused with a 400,
 * a sentence and a stable code before any route sees it, so it can reach
 * neither PostgreSQL (which refuses a NUL byte with a 500) nor a page.
 *
 *  - control characters (C0 but tab, line feed and carriage return; DEL) in
 *    the path, the query or the body, keys included;
 *  - in names and addresses also bidirectional overrides and isolates
 *    (U+202A–U+202E, U+2066–U+2069), which make a label read differently
 *    than it is stored, and values made only of invisible characters;
 *  - `__proto__`, `constructor` and `prototype` as keys, and bodies nested
 *    deeper than a shop's requests ever are;
 *  - on the store, a quantity that is not a whole number from 1 to 1000 (0 on
 *    a line item's update, which removes it); on the admin, one that is not a
 *    whole number from 0 to 10,000,000 (10,000 kg in grams);
 *  - a `limit` or `offset` in the query that is not a whole number PostgreSQL
 *    can page by (0 to 2,147,483,647; Medusa passes a negative one through).
 *
 * The body is only read, never rewritten: signed webhooks (Razorpay, WhatsApp,
 * Twilio) keep the very bytes their signature covers. The walk is a loop with
 * a depth bound, so a hostile body cannot make the check itself slow or blow
 * the stack; the body parser's size limit bounds its length.
 */

export type HygieneCode =
  | "control_characters"
  | "bidi_override"
  | "invisible_text"
  | "forbidden_key"
  | "too_deep"
  | "invalid_quantity"
  | "invalid_paging"
  | "malformed_url"
export type HygieneRefusal = { code: HygieneCode; message: string }

/** Deeper than any request of the shop or of Medusa's admin (a product with variants and prices is about 6). */
export const MAX_BODY_DEPTH = 16
export const MAX_STORE_QUANTITY = 1000
export const MAX_ADMIN_QUANTITY = 10_000_000

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const BIDI = /[\u202A-\u202E\u2066-\u2069]/
const INVISIBLE = /[\p{Cc}\p{Cf}]/u
const VISIBLE = /[^\p{Cc}\p{Cf}\p{Z}]/u
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"])

/** Fields that hold a person's name, an address or a way to reach them. */
const NAME_KEYS = new Set(["first_name", "last_name", "full_name", "name", "company", "company_name", "address_1", "address_2", "city", "province", "postal_code", "phone", "email"])
const ADDRESS_OBJECT = /(^|_)address(es)?$/

export type Surface = "store" | "admin" | "hooks" | "auth"
export type WalkOptions = {
  surface: Surface
  /** Check `quantity` fields (bodies; a query's values are all text). */
  quantities?: boolean
  /** Quantities may be 0 (a line item's update removes it). */
  zeroQuantity?: boolean
}

/** How a field is named in a sentence: body.shipping_address.first_name, query.q, items[0].quantity. */
function describe(path: (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part), "")
}

const CODEPOINT = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`

/** The refusal for one text value, or null. `nameLike`: a name or address field. */
export function textRefusal(value: string, where: string, nameLike: boolean): HygieneRefusal | null {
  const control = CONTROL.exec(value)
  if (control) {
    return {
      code: "control_characters",
      message: `${where} contains a control character (${CODEPOINT(control[0])}); please send plain text without control characters.`,
    }
  }
  if (!nameLike) return null
  const bidi = BIDI.exec(value)
  if (bidi) {
    return {
      code: "bidi_override",
      message: `${where} contains a bidirectional override character (${CODEPOINT(bidi[0])}), which makes a name or address read differently than it is written; please type it without one.`,
    }
  }
  if (value.length && !VISIBLE.test(value) && INVISIBLE.test(value)) {
    return { code: "invisible_text", message: `${where} is made only of invisible characters; please type a real name or address.` }
  }
  return null
}

function quantityRefusal(value: unknown, where: string, options: WalkOptions): HygieneRefusal | null {
  const [min, max] = options.surface === "admin" ? [0, MAX_ADMIN_QUANTITY] : [options.zeroQuantity ? 0 : 1, MAX_STORE_QUANTITY]
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return null
  // The admin sends quantities as numbers; anything else there is left to the route's own validation.
  if (options.surface === "admin" && typeof value !== "number") return null
  return {
    code: "invalid_quantity",
    message: `${where} must be a whole number from ${min} to ${max.toLocaleString("en-IN")}${min === 0 && options.surface !== "admin" ? " (0 removes the line)" : ""}.`,
  }
}

const isQuantityKey = (key: string, surface: Surface) => (surface === "store" ? key === "quantity" : surface === "admin" && /(^|_)quantity$/.test(key))

/**
 * Walks a parsed body or query (objects, arrays, strings, numbers) without
 * recursion, depth-first, and returns the first refusal. `root` names the part
 * in sentences ("body", "query").
 */
export function inspectInput(input: unknown, root: string, options: WalkOptions): HygieneRefusal | null {
  type Frame = { value: unknown; path: (string | number)[]; depth: number; nameLike: boolean; key: string | null }
  const stack: Frame[] = [{ value: input, path: [root], depth: 0, nameLike: false, key: null }]
  const checkNames = options.surface === "store" || options.surface === "admin"
  while (stack.length) {
    const { value, path, depth, nameLike, key } = stack.pop()!
    const where = describe(path)
    if (options.quantities && key !== null && isQuantityKey(key, options.surface)) {
      const refusal = quantityRefusal(value, where, options)
      if (refusal) return refusal
    }
    if (typeof value === "string") {
      const refusal = textRefusal(value, where, checkNames && nameLike)
      if (refusal) return refusal
      continue
    }
    if (value === null || typeof value !== "object") continue
    if (depth >= MAX_BODY_DEPTH) {
      return { code: "too_deep", message: `${root} is nested more than ${MAX_BODY_DEPTH} levels deep; no request of the shop needs that.` }
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i], depth: depth + 1, nameLike, key })
      continue
    }
    const keys = Object.keys(value)
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = keys[i]
      const keyWhere = describe([...path, child])
      if (FORBIDDEN_KEYS.has(child)) return { code: "forbidden_key", message: `${keyWhere}: "${child}" is not accepted as a field name.` }
      const keyRefusal = textRefusal(child, `A field name in ${where}`, false)
      if (keyRefusal) return keyRefusal
      stack.push({
        value: (value as Record<string, unknown>)[child],
        path: [...path, child],
        depth: depth + 1,
        nameLike: nameLike || NAME_KEYS.has(child) || ADDRESS_OBJECT.test(child),
        key: child,
      })
    }
  }
  return null
}

/** The path's segments, decoded; a refusal for a segment that cannot be decoded or holds a control character. */
export function pathRefusal(rawPath: string): HygieneRefusal | null {
  for (const segment of rawPath.split("/")) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return { code: "malformed_url", message: `The address has a malformed percent-encoding (${segment.slice(0, 40)}).` }
    }
    const refusal = textRefusal(decoded, "The address", false)
    if (refusal) return refusal
  }
  return null
}

export const MAX_PAGING = 2_147_483_647

/** `limit` and `offset`, when given, are whole numbers from 0 to MAX_PAGING. */
export function pagingRefusal(query: unknown): HygieneRefusal | null {
  if (!query || typeof query !== "object") return null
  for (const name of ["limit", "offset"]) {
    const value = (query as Record<string, unknown>)[name]
    if (value === undefined) continue
    if (typeof value === "string" && /^\d{1,10}$/.test(value) && Number(value) <= MAX_PAGING) continue
    return { code: "invalid_paging", message: `query.${name} must be a whole number from 0 to ${MAX_PAGING.toLocaleString("en-IN")}.` }
  }
  return null
}

/** Medusa's store routes whose quantity may be 0: a line item's update (0 removes it). */
const LINE_ITEM_UPDATE = /^\/store\/carts\/[^/]+\/line-items\/[^/]+\/?$/

function surfaceOf(path: string): Surface | null {
  const first = path.split("/")[1]
  return first === "store" || first === "admin" || first === "hooks" || first === "auth" ? first : null
}

/** The refusal for a whole request, or null. */
export function requestRefusal(request: { method: string; originalUrl: string; query?: unknown; body?: unknown }): HygieneRefusal | null {
  const [rawPath] = request.originalUrl.split("?")
  const surface = surfaceOf(rawPath)
  if (!surface) return null
  const options: WalkOptions = { surface, quantities: true, zeroQuantity: request.method === "POST" && LINE_ITEM_UPDATE.test(rawPath) }
  return (
    pathRefusal(rawPath) ??
    inspectInput(request.query ?? {}, "query", { surface }) ??
    (surface === "store" || surface === "admin" ? pagingRefusal(request.query) : null) ??
    (request.body !== undefined && request.body !== null ? inspectInput(request.body, "body", options) : null)
  )
}
