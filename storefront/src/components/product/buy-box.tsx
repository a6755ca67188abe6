"use client"

import { useCallback, useEffect, useId, useState, useTransition } from "react"
import { addToCart } from "@/lib/actions/cart"
import { fetchPool } from "@/lib/browser/shop-routes"
import { announceCart } from "@/components/cart/cart-events"
import type { PieceName } from "@sweetshop/shop-contracts"
import { formatPaise, formatUnitPricePaise, type Unit } from "@/lib/format"
import { maxQuantity, stockMessage, type PoolStock } from "@/lib/stock"
import type { SweetSize } from "@/lib/sweets"

/** The pool as the browser knows it: still being asked, or answered (null when it could not be read). */
type LiveStock = { state: "checking" } | { state: "live"; pool: PoolStock | null }


/**
 * Size chips (each with its price and the price per kg or piece), the live
 * stock sentence from the product's pool, a quantity stepper and add to cart.
 * The page around it is cached HTML: the pool is asked from the browser
 * (`/api/stock`, live) after hydration, and again after each add, when the
 * tab comes back into view and when the page is restored from the back/forward
 * cache. Until it answers, add to cart is disabled; the
 * server checks the pool again on every add.
 */
export function BuyBox({
  handle,
  title,
  unit,
  pieceName = null,
  sizes,
  festival = null,
}: {
  handle: string
  title: string
  unit: Unit
  pieceName?: PieceName | null
  sizes: SweetSize[]
  /** On a festival's page: the button pre-orders, and the cart becomes that festival's pre-order. */
  festival?: { handle: string; name: string } | null
}) {
  const [live, setLive] = useState<LiveStock>({ state: "checking" })
  const pool = live.state === "live" ? live.pool : null
  const [chosen, setChosen] = useState<string | null>(null)
  const [quantity, setQuantity] = useState(1)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [pending, startTransition] = useTransition()
  const id = useId()

  const refresh = useCallback(async () => {
    const next = await fetchPool(handle)
    setLive({ state: "live", pool: next })
  }, [handle])

  useEffect(() => {
    void refresh()
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh()
    }
    // A page restored from the back/forward cache shows what it knew when it was left: ask again.
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) void refresh()
    }
    document.addEventListener("visibilitychange", onVisible)
    window.addEventListener("pageshow", onShow)
    return () => {
      document.removeEventListener("visibilitychange", onVisible)
      window.removeEventListener("pageshow", onShow)
    }
  }, [refresh])

  const checking = live.state === "checking"
  // Until the shopper picks a size, the first one the pool can make (once it is known).
  const firstBuyable = (checking ? undefined : sizes.find((s) => maxQuantity(pool, s.variantId) > 0)) ?? sizes[0]
  const variantId = chosen ?? firstBuyable?.variantId ?? ""
  const size = sizes.find((s) => s.variantId === variantId) ?? null
  const stock = checking ? { level: "in" as const, text: "Checking today's stock…" } : stockMessage(pool ? { ...pool, pieceName } : null, size)
  const max = checking ? 1 : size ? maxQuantity(pool, size.variantId) : 0
  const canBuy = !checking && !!size && size.pricePaise !== null && max > 0
  const qty = Math.min(Math.max(1, quantity), Math.max(1, max))

  function add() {
    if (!size) return
    setResult(null)
    startTransition(async () => {
      const outcome = await addToCart(size.variantId, qty, festival?.handle ?? null)
      if (outcome.ok) {
        setResult({ ok: true, text: `Added ${qty} × ${size.label} of ${title} to your ${festival ? `pre-order for ${festival.name}` : "cart"}.` })
        announceCart(outcome.cart, true)
      } else {
        setResult({ ok: false, text: outcome.message })
        announceCart(outcome.cart, false)
      }
      await refresh()
    })
  }

  return (
    <div>
      {size?.pricePaise != null && (
        <>
          <p className="price-now" data-testid="price">
            {formatPaise(size.pricePaise * qty)}
          </p>
          <p className="per-unit">
            {qty > 1 ? `${qty} × ${formatPaise(size.pricePaise)} · ` : ""}
            {formatUnitPricePaise(unit, size.pricePaise, size.units, pieceName)}
          </p>
        </>
      )}
      <fieldset className="chips">
        <legend className="visually-hidden">{unit === "grams" ? "Box size" : "Pack size"}</legend>
        {sizes.map((s) => {
          const soldOut = !checking && maxQuantity(pool, s.variantId) < 1
          return (
            <label key={s.variantId} className="chip">
              <input
                type="radio"
                name={`${id}-size`}
                value={s.variantId}
                checked={s.variantId === variantId}
                onChange={() => {
                  setChosen(s.variantId)
                  setResult(null)
                }}
                aria-describedby={`${id}-stock`}
              />
              <span>
                <strong>{s.label}</strong>
                {s.pricePaise !== null && <> · {formatPaise(s.pricePaise)}</>}
                <small>{soldOut ? "Not available now" : s.pricePaise !== null ? formatUnitPricePaise(unit, s.pricePaise, s.units, pieceName) : ""}</small>
              </span>
            </label>
          )
        })}
      </fieldset>
      <p
        id={`${id}-stock`}
        className={`stock ${stock.level}`}
        data-testid={checking ? "stock-checking" : "stock-message"}
        aria-live="polite"
        aria-busy={checking}
      >
        {stock.text}
      </p>
      <div className="buy-row">
        <div className="stepper" role="group" aria-label="Quantity">
          <button type="button" onClick={() => setQuantity(qty - 1)} disabled={qty <= 1} aria-label="One less">
            −
          </button>
          <output className="qty" aria-live="polite" aria-label="Quantity" data-testid="quantity">
            {qty}
          </output>
          <button type="button" onClick={() => setQuantity(qty + 1)} disabled={checking || qty >= max} aria-label="One more">
            +
          </button>
        </div>
        <button type="button" className="button" onClick={add} disabled={!canBuy || pending} data-testid="add-to-cart">
          {pending ? "Adding…" : checking || canBuy ? (festival ? <>Pre-order<span className="visually-hidden"> {title}</span></> : "Add to cart") : "Sold out"}
        </button>
      </div>
      {result && (
        <p className={`notice ${result.ok ? "ok" : "error"}`} role={result.ok ? "status" : "alert"} data-testid="add-result">
          {result.text}
        </p>
      )}
    </div>
  )
}
