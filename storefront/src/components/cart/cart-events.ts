import type { CartView } from "@/lib/server/cart"

/** Sent when a line was added elsewhere on the page (product page): the drawer opens with the new cart. */
export const CART_UPDATED = "sweetshop:cart-updated"

export function announceCart(cart: CartView | null, open: boolean) {
  window.dispatchEvent(new CustomEvent(CART_UPDATED, { detail: { cart, open } }))
}
