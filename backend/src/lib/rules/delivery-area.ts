import { z } from "zod"

/**
 * Where the shop's riders deliver: the kitchen is in Chandni Chowk and its
 * riders cover Delhi and the nearest NCR towns. The areas are the delivery
 * settings module's (staff edit them in the admin, Delivery settings; the seed
 * fills scripts/seed-data/delivery.ts); ../flows/delivery-settings.ts reads
 * them for every check, so a pincode added in the admin is served at once.
 * These rules take the ranges as an argument.
 *
 * Kept apart from Medusa zip geo zones: Medusa 2.21 matches a zip geo
 * zone only by equality of country, province, city and postal code together
 * (no ranges, no patterns), and its admin edits only country and province
 * zones. See the backend README, "Delivery area".
 */
export type ServedRange = {
  from: number
  to: number
  area: string
  /** The area's id in the delivery settings module: home delivery's prices are keyed by it (areaPriceKeys). */
  area_id?: string
  city?: string
  state?: string
  /** The area's home-delivery charge and free-above threshold, whole rupees (homeDeliveryPrices). */
  charge_rupees?: number
  free_above_rupees?: number | null
}

/** A 6-digit Indian PIN code: the first digit is a postal region, 1 to 9. */
export const pincodeSchema = z
  .string({ required_error: "Please enter a pincode." })
  .trim()
  .regex(/^[1-9]\d{5}$/, "Please enter a 6-digit Indian pincode, for example 110024.")

export type PincodeCheck =
  | { pincode: string; serviceable: true; area: string; city: string; state: string }
  | { pincode: string; serviceable: false; message: string }

/** A postal code as a cart may hold it ("110 024") as the six digits. */
export function normalizePincode(postalCode: string | null | undefined): string {
  return (postalCode ?? "").replace(/\s/g, "")
}

/** The areas named once each, in the order of the list: "New Delhi, Gurugram, … and Faridabad". */
export function deliveryAreaNames(ranges: readonly ServedRange[]): string {
  const names = [...new Set(ranges.map((r) => r.area))]
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : (names[0] ?? "")
}

/** The sentence a shopper sees when home delivery does not reach the pincode. */
export function undeliverableSentence(pincode: string, ranges: readonly ServedRange[]): string {
  const names = deliveryAreaNames(ranges)
  return names
    ? `We do not deliver to ${pincode} yet: our riders cover ${names}. Store pickup is open to everyone.`
    : `We do not deliver to ${pincode} yet. Store pickup is open to everyone.`
}

/** The served range of a well-formed pincode, or null when the riders do not go there. */
export function servedRangeOf(postalCode: string, ranges: readonly ServedRange[]): ServedRange | null {
  const pincode = normalizePincode(postalCode)
  if (!/^[1-9]\d{5}$/.test(pincode)) return null
  const n = Number(pincode)
  return ranges.find((r) => n >= r.from && n <= r.to) ?? null
}

/** The area of a well-formed pincode, or null when the riders do not go there. */
export function deliveryAreaOf(postalCode: string, ranges: readonly ServedRange[]): string | null {
  return servedRangeOf(postalCode, ranges)?.area ?? null
}

/** What the store route answers for a well-formed pincode: for one the riders cover, its area, city and state. */
export function checkPincode(pincode: string, ranges: readonly ServedRange[]): PincodeCheck {
  const range = servedRangeOf(pincode, ranges)
  return range
    ? { pincode, serviceable: true, area: range.area, city: range.city ?? range.area, state: range.state ?? "" }
    : { pincode, serviceable: false, message: undeliverableSentence(pincode, ranges) }
}

/**
 * Home delivery's shipping-option rule and the context value the shop's
 * setShippingOptionsContext hooks give it. Medusa drops an option whose rule
 * fails: a cart whose pincode is outside the area is not offered home
 * delivery, and a home-delivery method already on a cart is removed when the
 * address moves outside. "ne" rather than "eq": a cart without a pincode yet,
 * or a workflow that does not set the context, still sees home delivery.
 */
export const DELIVERY_AREA_CONTEXT_KEY = "delivery_pincode"
export const DELIVERY_AREA_RULE = { attribute: DELIVERY_AREA_CONTEXT_KEY, operator: "ne" as const, value: "outside" }

export function deliveryAreaContext(postalCode: string | null | undefined, ranges: readonly ServedRange[]): Record<string, string> {
  const pincode = normalizePincode(postalCode)
  if (!pincode) return { [DELIVERY_AREA_CONTEXT_KEY]: "unknown" }
  return { [DELIVERY_AREA_CONTEXT_KEY]: deliveryAreaOf(pincode, ranges) ? "inside" : "outside" }
}

/** The code of home delivery's shipping option type: the options whose prices homeDeliveryPrices writes. */
export const HOME_DELIVERY_TYPE_CODE = "home-delivery"

/**
 * The address field home delivery's prices are keyed by: the delivery area of the address's pincode,
 * written by the shop on the cart's shipping address (its metadata) whenever the address is set
 * (lib/middlewares/delivery-area.ts on Medusa's cart routes, the one-call checkout's step) and checked
 * again before a cart is completed or paid for (a stale or forged value is rewritten, which makes
 * Medusa re-price the cart). Medusa prices a flat shipping option with the cart itself as the pricing
 * context (listShippingOptionsForCartWithPricingWorkflow, which addShippingMethodToCartWorkflow and
 * refreshCartShippingMethodsWorkflow run), flattened, so this nested field is a rule attribute like any.
 *
 * Keyed by the area and not by the pincode: a text field is matched by equality only, so a rule per
 * pincode meant one price per served pincode (304 for the seed's areas), and Medusa scans the option's
 * prices each time it prices it (several times per checkout: docs/performance.md measured 813 ms CPU per
 * checkout against 642). By area: two prices per area, and a range of any size.
 */
export const PRICE_AREA_METADATA_KEY = "delivery_price_area"
export const PRICE_AREA_ATTRIBUTE = `shipping_address.metadata.${PRICE_AREA_METADATA_KEY}`

export type PriceRule = { attribute: string; operator: "eq" | "gte"; value: number }
export type HomeDeliveryPrice = { currency_code: "inr"; amount: number; rules: PriceRule[] }

/** FNV-1a, 32 bits, as a positive number below 2^31: a stable number for an area's id. */
function fnv1a31(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return (h % 0x7ffffffe) + 1
}

/**
 * Each area's price key, a number (Medusa's shipping-option prices take only numeric rule values;
 * stored as text, it equals the text the address carries): derived from the area's id, so it stays
 * the same while staff change the area's pincodes, charge or threshold. Two areas whose ids would give
 * the same number (one chance in a billion or so) are told apart in the list's order.
 */
export function areaPriceKeys(ranges: readonly ServedRange[]): Map<string, number> {
  const keys = new Map<string, number>()
  const taken = new Set<number>()
  for (const range of ranges) {
    const id = range.area_id ?? range.area
    if (keys.has(id)) continue
    let key = fnv1a31(id)
    while (taken.has(key)) key = (key % 0x7ffffffe) + 1
    taken.add(key)
    keys.set(id, key)
  }
  return keys
}

/** The price key the address of this pincode carries: its area's (the first area that serves it), or "" outside every area. */
export function priceAreaOf(postalCode: string | null | undefined, ranges: readonly ServedRange[]): string {
  const range = servedRangeOf(postalCode ?? "", ranges)
  if (!range) return ""
  return String(areaPriceKeys(ranges).get(range.area_id ?? range.area))
}

/** An address carrying the price key `priceArea` in its metadata (PRICE_AREA_METADATA_KEY), whatever was sent there. */
export function withPriceArea<A extends object>(address: A, priceArea: string): A & { metadata: Record<string, unknown> } {
  const metadata = (address as { metadata?: Record<string, unknown> | null }).metadata
  return { ...address, metadata: { ...(metadata ?? {}), [PRICE_AREA_METADATA_KEY]: priceArea } }
}

/**
 * Home delivery's prices (Medusa stores whole rupees, as the areas do), for each area once, in the
 * list's order: its charge with the rules "the address's area is this one" and item_total >= 0, and
 * with a free-above threshold 0 with the area's rule and item_total >= the threshold. Medusa's pricing
 * takes, among the prices whose rules all match, the one with the most rules and then the lowest
 * amount, so from the threshold the 0 wins and below it only the charge matches. (Not "charge while
 * item_total < threshold" beside "0 from it": Medusa's pricing module keys a price by its rules'
 * attributes and values without the operator, so the two would be one price.)
 *
 * Before the cart has a pincode (the checkout's first preview of its total), fewer rules: the
 * first area's charge with no rule, and 0 with item_total >= its threshold, so the figure shown is
 * the shop's own area's until the address is known; any area's price outranks them.
 */
export function homeDeliveryPrices(ranges: readonly ServedRange[]): HomeDeliveryPrice[] {
  const keys = areaPriceKeys(ranges)
  const priced = new Set<number>()
  const prices: HomeDeliveryPrice[] = []
  const fromTotal = (value: number): PriceRule => ({ attribute: "item_total", operator: "gte", value })
  for (const range of ranges) {
    const key = keys.get(range.area_id ?? range.area)!
    if (priced.has(key)) continue
    priced.add(key)
    const charge = range.charge_rupees ?? 0
    const freeAbove = range.free_above_rupees ?? null
    const area: PriceRule = { attribute: PRICE_AREA_ATTRIBUTE, operator: "eq", value: key }
    prices.push({ currency_code: "inr", amount: charge, rules: [area, fromTotal(0)] })
    if (freeAbove != null && freeAbove > 0 && charge > 0) prices.push({ currency_code: "inr", amount: 0, rules: [area, fromTotal(freeAbove)] })
  }
  const home = ranges[0]
  if (home) {
    const charge = home.charge_rupees ?? 0
    prices.push({ currency_code: "inr", amount: charge, rules: [] })
    if (home.free_above_rupees != null && home.free_above_rupees > 0 && charge > 0) prices.push({ currency_code: "inr", amount: 0, rules: [fromTotal(home.free_above_rupees)] })
  }
  return prices
}
