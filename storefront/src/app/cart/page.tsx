import type { Metadata } from "next"
import { CartPageView } from "@/components/cart/cart-page-view"
import { getCart } from "@/lib/server/cart"

export const metadata: Metadata = { title: "Your cart", robots: { index: false } }

export default async function CartPage() {
  const cart = await getCart()
  return (
    <>
      <h1>Your cart</h1>
      <CartPageView initial={cart} />
    </>
  )
}
