"use client"

import Link from "next/link"
import { useState } from "react"
import type { CartView } from "@/lib/server/cart"
import { CartLines, CartTotals } from "./cart-lines"
import { announceCart } from "./cart-events"

export function CartPageView({ initial }: { initial: CartView | null }) {
  const [cart, setCart] = useState(initial)
  if (!cart || cart.lines.length === 0) {
    return (
      <p>
        Your cart is empty. <Link href="/">Browse the sweets</Link>.
      </p>
    )
  }
  return (
    <div className="two-col">
      <div>
        {!cart.stockOk && (
          <p className="notice error" role="alert" data-testid="cart-stock-warning">
            Some sweets in your cart are no longer available in the quantity you chose: stock has dropped since you added them. Please lower the
            quantity or remove them before checking out.
          </p>
        )}
        <CartLines
          cart={cart}
          onChange={(next) => {
            setCart(next)
            announceCart(next, false)
          }}
        />
      </div>
      <div>
        <CartTotals cart={cart} />
        <p>
          <Link className="button wide" href="/checkout" aria-disabled={!cart.stockOk}>
            Checkout
          </Link>
        </p>
      </div>
    </div>
  )
}
