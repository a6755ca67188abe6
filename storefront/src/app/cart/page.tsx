import type { Metadata } from "next"
import { CartPageView } from "@/components/cart/cart-page-view"
import Link from "next/link"
import { getCart } from "@/lib/server/cart"
import { getFestival } from "@/lib/server/festivals"

export const metadata: Metadata = { title: "Your cart", robots: { index: false } }

export default async function CartPage() {
  const cart = await getCart()
  const festival = cart?.festival ? await getFestival(cart.festival).catch(() => null) : null
  return (
    <>
      <h1>Your cart</h1>
      {festival && (
        <p className="notice info" data-testid="cart-festival">
          A pre-order for <Link href={`/festivals/${festival.handle}`}>{festival.name}</Link>: it holds only the festival&apos;s sweets and is
          delivered on one of its days, chosen at checkout.
        </p>
      )}
      <CartPageView initial={cart} />
    </>
  )
}
