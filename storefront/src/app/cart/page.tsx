import type { Metadata } from "next"
import { CartPageView } from "@/components/cart/cart-page-view"
import Link from "next/link"
import { getCart } from "@/lib/server/cart"
import { leavePreorder } from "@/lib/actions/cart"
import { getFestival } from "@/lib/server/festivals"

export const metadata: Metadata = { title: "Your cart", robots: { index: false } }

export default async function CartPage() {
  const cart = await getCart()
  const festival = cart?.festival ? await getFestival(cart.festival).catch(() => null) : null
  return (
    <>
      <h1>Your cart</h1>
      {cart?.festival && (
        <form action={leavePreorder} className="notice info" data-testid="cart-festival">
          <p>
            {festival ? (
              <>
                A pre-order for <Link href={`/festivals/${festival.handle}`}>{festival.name}</Link>: it holds only the festival&apos;s sweets and is
                delivered on one of its days, chosen at checkout.
              </>
            ) : (
              "This cart was a pre-order for a festival the shop no longer takes pre-orders for."
            )}
          </p>
          <button type="submit" className="link-button">
            Make it an ordinary order
          </button>
        </form>
      )}
      <CartPageView initial={cart} />
    </>
  )
}
