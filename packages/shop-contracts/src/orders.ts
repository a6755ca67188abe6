/**
 * Order numbers as shoppers copy them: the confirmation page and the messages
 * print "#13"; people also type "13", "SS-13", "Order #13" or "order no. 13".
 * The number is Medusa's `display_id`.
 */

/** The order number in what a shopper typed, or null when it holds no single order number. */
export function parseOrderNumber(input: unknown): number | null {
  if (typeof input === "number") return Number.isSafeInteger(input) && input > 0 && input <= 2_147_483_647 ? input : null
  if (typeof input !== "string") return null
  const match = /^\s*(?:order\s*(?:no\.?|number)?\s*)?(?:ss\s*[-–]?\s*)?#?\s*0*(\d{1,10})\s*$/i.exec(input)
  if (!match) return null
  const n = Number(match[1])
  return n > 0 && n <= 2_147_483_647 ? n : null
}

/** How the shop prints an order number: "#13". */
export function formatOrderNumber(displayId: number): string {
  return `#${displayId}`
}

/**
 * A pincode as typed ("110 024", "110-024", " 110024 ") → its six digits, or
 * null when it is not a well-formed Indian PIN code (six digits, not starting
 * with 0). Never truncated: seven digits is not a pincode.
 */
export function pincodeDigits(input: unknown): string | null {
  if (typeof input !== "string") return null
  const digits = input.replace(/[\s-]/g, "")
  return /^[1-9]\d{5}$/.test(digits) ? digits : null
}

/**
 * The cart an order was made from, when Medusa's own link between them is
 * missing. Medusa's completion writes the order first and links it to its cart
 * (and payment collection) in a later step: a process killed in between leaves
 * an order no cart knows of, and completing the cart again would make a second
 * one. The checkout writes the cart's id into the cart's metadata under this
 * key; Medusa copies cart metadata onto the order it makes, so the order names
 * its cart whatever became of the link.
 */
export const CHECKOUT_CART_KEY = "checkout_cart_id"

/**
 * A phone order's Razorpay payment link, kept by payment-razorpay in the draft order's metadata
 * under this key (and so on the order the draft becomes): `{ id, url, status, reference_id,
 * razorpay_payment_id?, razorpay_order_id?, … }`, `razorpay_payment_id` written once Razorpay
 * reports the link paid. Read by paymentModeOf (./providers.ts) and the backend's delivery places.
 */
export const PAYMENT_LINK_KEY = "payment_link"

/**
 * The admin widgets on a draft order's page (the backend's Delivery day card, payment-razorpay's
 * Payment link card) tell each other the draft changed on the server, so each shows what is true
 * now without a reload: a `CustomEvent` of this name on `window`, `detail: { draft_order_id }`
 * (sending a link books the draft's delivery place, which the Delivery day card then shows).
 */
export const DRAFT_ORDER_CHANGED_EVENT = "sweetshop:draft-order-changed"

/** Medusa's module names, as its link definitions use them. */
const ORDER_MODULE = "order"
const CART_MODULE = "cart"
const PAYMENT_MODULE = "payment"

type QueryLike = { graph(args: { entity: string; fields: string[]; filters?: Record<string, unknown> }): Promise<{ data: any[] }> }
type LinkLike = { create(definitions: Record<string, Record<string, string>>[]): Promise<unknown> }
type CartsLike = { updateCarts(id: string, data: { completed_at: Date }): Promise<unknown> }
type InventoryLike = {
  listReservationItems(selector: { line_item_id: string[] }): Promise<{ line_item_id?: string | null }[]>
  createReservationItems(data: { line_item_id: string; inventory_item_id: string; location_id: string; quantity: number; allow_backorder?: boolean }[]): Promise<unknown>
}

export type StoppedCompletion = {
  order_id: string
  cart_id: string
  payment_collection_id: string | null
  /** The links Medusa's completion had not written yet. */
  missing: { cart: boolean; payment_collection: boolean }
}

/**
 * The order made from this cart whose completion stopped before linking it
 * (null when the cart is linked to its order already, or no order names it).
 * Orders are looked up by the cart's customer (an indexed column), then by the
 * key above.
 */
export async function findStoppedCompletion(query: QueryLike, cartId: string): Promise<StoppedCompletion | null> {
  const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "customer_id", "metadata", "payment_collection.id"], filters: { id: cartId } })
  const cart = carts[0]
  // Only a cart a checkout has prepared carries the key its order would copy: a first checkout
  // (every checkout runs this) stops here, after one query.
  if (!cart?.customer_id || cart.metadata?.[CHECKOUT_CART_KEY] !== cartId) return null
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  if (links.length) return null
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "metadata", "created_at"], filters: { customer_id: cart.customer_id } })
  const made = orders
    .filter((o) => o?.metadata?.[CHECKOUT_CART_KEY] === cartId)
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())[0]
  if (!made) return null
  const paymentCollectionId: string | null = cart.payment_collection?.id ?? null
  let collectionLinked = true
  if (paymentCollectionId) {
    const { data } = await query.graph({ entity: "order_payment_collection", fields: ["order_id"], filters: { payment_collection_id: paymentCollectionId } })
    collectionLinked = data.some((l) => l?.order_id === made.id)
  }
  return { order_id: made.id, cart_id: cartId, payment_collection_id: paymentCollectionId, missing: { cart: true, payment_collection: !collectionLinked } }
}

/**
 * Writes what a stopped completion left out: the order's links to its cart and
 * payment collection, and the cart's completed_at (as Medusa's completion
 * does). After this, Medusa's completeCartWorkflow returns that order instead
 * of making another.
 */
export async function linkStoppedCompletion(
  services: { query: QueryLike; link: LinkLike; carts: CartsLike; inventory: InventoryLike },
  stopped: StoppedCompletion
): Promise<void> {
  const definitions: Record<string, Record<string, string>>[] = []
  if (stopped.missing.cart) definitions.push({ [ORDER_MODULE]: { order_id: stopped.order_id }, [CART_MODULE]: { cart_id: stopped.cart_id } })
  if (stopped.missing.payment_collection && stopped.payment_collection_id) {
    definitions.push({ [ORDER_MODULE]: { order_id: stopped.order_id }, [PAYMENT_MODULE]: { payment_collection_id: stopped.payment_collection_id } })
  }
  if (definitions.length) await services.link.create(definitions)
  await reserveStoppedOrder(services, stopped.order_id)
  await services.carts.updateCarts(stopped.cart_id, { completed_at: new Date() })
}

/**
 * The stock reservations Medusa's completion makes in the same step as the
 * links: one per order line and inventory item (quantity × the variant's
 * required quantity, so grams for a gram pool), at the first of the sales
 * channel's locations that stocks the item. Lines that have one are left alone.
 */
async function reserveStoppedOrder(services: { query: QueryLike; inventory: InventoryLike }, orderId: string) {
  const { data: orders } = await services.query.graph({
    entity: "order",
    fields: [
      "id",
      "sales_channel.stock_locations.id",
      "items.*",
      "items.variant.manage_inventory",
      "items.variant.allow_backorder",
      "items.variant.inventory_items.required_quantity",
      "items.variant.inventory_items.inventory.id",
      "items.variant.inventory_items.inventory.location_levels.location_id",
    ],
    filters: { id: orderId },
  })
  const order = orders[0]
  const items = (order?.items ?? []).filter((item: any) => item?.variant?.manage_inventory)
  if (!items.length) return
  const already = new Set((await services.inventory.listReservationItems({ line_item_id: items.map((i: any) => i.id) })).map((r) => r.line_item_id))
  const locations: string[] = (order.sales_channel?.stock_locations ?? []).map((l: any) => l.id)
  const reservations = items
    .filter((item: any) => !already.has(item.id))
    .flatMap((item: any) =>
      (item.variant.inventory_items ?? []).flatMap((link: any) => {
        const stocked = new Set((link.inventory?.location_levels ?? []).map((l: any) => l.location_id))
        const location = locations.find((id) => stocked.has(id))
        if (!link.inventory?.id || !location) return []
        return [{
          line_item_id: item.id,
          inventory_item_id: link.inventory.id,
          location_id: location,
          quantity: Number(item.quantity) * Number(link.required_quantity ?? 1),
          // The order exists and was paid for: its reservation is recorded even if the pool ran short meanwhile.
          allow_backorder: true,
        }]
      })
    )
  if (reservations.length) await services.inventory.createReservationItems(reservations)
}
