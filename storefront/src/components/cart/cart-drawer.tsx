"use client"

import Link from "next/link"
import { usePathname } from "next/navigation"
import { useEffect, useRef, useState } from "react"
import { loadCart } from "@/lib/actions/cart"
import { fetchCartCount as fetchCount } from "@/lib/browser/shop-routes"
import type { CartView } from "@/lib/server/cart"
import { CartLines, CartTotals } from "./cart-lines"
import { CART_UPDATED } from "./cart-events"


/**
 * The cart button in the header and the drawer it opens (a modal <dialog>: focus is trapped, Esc closes).
 * The pages are cached HTML, the same for everyone: the count is asked from the browser after
 * hydration and on every navigation (a cart changes on the cart and checkout pages); until it
 * answers the button shows no number, so nobody reads a wrong one.
 */
export function CartDrawer() {
  const dialog = useRef<HTMLDialogElement>(null)
  const [cart, setCart] = useState<CartView | null>(null)
  const [count, setCount] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const pathname = usePathname()

  useEffect(() => {
    let current = true
    const ask = () =>
      void fetchCount().then((n) => {
        if (current && n !== null) setCount(n)
      })
    ask()
    // A page restored from the back/forward cache (the cached pages allow it) asks again.
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) ask()
    }
    window.addEventListener("pageshow", onShow)
    return () => {
      current = false
      window.removeEventListener("pageshow", onShow)
    }
  }, [pathname])

  function show(next: CartView | null) {
    setCart(next)
    setCount(next?.itemCount ?? 0)
  }

  useEffect(() => {
    function onUpdated(event: Event) {
      const { cart: next, open } = (event as CustomEvent<{ cart: CartView | null; open: boolean }>).detail
      show(next)
      setLoaded(true)
      if (open && !dialog.current?.open) dialog.current?.showModal()
    }
    window.addEventListener(CART_UPDATED, onUpdated)
    return () => window.removeEventListener(CART_UPDATED, onUpdated)
  }, [])

  async function open() {
    dialog.current?.showModal()
    const result = await loadCart()
    setLoaded(true)
    setError(result.ok ? null : result.message)
    show(result.cart)
  }

  return (
    <>
      <button type="button" className="cart-button" onClick={open} aria-haspopup="dialog" data-testid="cart-button">
        Cart
        {count !== null && (
          <>
            {" "}
            <span aria-hidden="true">·</span> <span data-testid="cart-count">{count}</span>
            <span className="visually-hidden"> {count === 1 ? "item" : "items"}</span>
          </>
        )}
      </button>
      <dialog ref={dialog} className="drawer" aria-labelledby="cart-drawer-title" data-testid="cart-drawer">
        <div className="drawer-inner">
          <div className="drawer-head">
            <h2 id="cart-drawer-title">Your cart</h2>
            <button type="button" className="close-button" onClick={() => dialog.current?.close()} aria-label="Close cart">
              ×
            </button>
          </div>
          {error && (
            <p className="notice error" role="alert">
              {error}
            </p>
          )}
          {!loaded && <p>Loading your cart…</p>}
          {loaded && (!cart || cart.lines.length === 0) && <p>Your cart is empty.</p>}
          {cart && cart.lines.length > 0 && (
            <>
              <CartLines cart={cart} onChange={show} />
              <CartTotals cart={cart} />
              <div className="drawer-actions">
                <Link className="button wide" href="/checkout" onClick={() => dialog.current?.close()}>
                  Checkout
                </Link>
                <Link className="button secondary wide" href="/cart" onClick={() => dialog.current?.close()}>
                  View cart
                </Link>
              </div>
            </>
          )}
        </div>
      </dialog>
    </>
  )
}
