"use client"

import { useId, useState, useTransition } from "react"
import { addToCart } from "@/app/actions/cart"
import { announceCart } from "@/components/cart/cart-events"
import { formatPaise, formatUnitPricePaise, type Unit } from "@/lib/format"
import { maxQuantity, stockMessage, type PoolStock } from "@/lib/stock"
import type { SweetSize } from "@/lib/sweets"

/**
 * Size chips (each with its price and the price per kg or piece), the live
 * stock sentence from the product's pool, a quantity stepper and add to cart.
 */
export function BuyBox({ title, unit, sizes, pool }: { title: string; unit: Unit; sizes: SweetSize[]; pool: PoolStock | null }) {
  const firstBuyable = sizes.find((s) => maxQuantity(pool, s.variantId) > 0) ?? sizes[0]
  const [variantId, setVariantId] = useState(firstBuyable?.variantId ?? "")
  const [quantity, setQuantity] = useState(1)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [pending, startTransition] = useTransition()
  const id = useId()

  const size = sizes.find((s) => s.variantId === variantId) ?? null
  const stock = stockMessage(pool, size)
  const max = size ? maxQuantity(pool, size.variantId) : 0
  const canBuy = !!size && size.pricePaise !== null && max > 0
  const qty = Math.min(Math.max(1, quantity), Math.max(1, max))

  function add() {
    if (!size) return
    setResult(null)
    startTransition(async () => {
      const outcome = await addToCart(size.variantId, qty)
      if (outcome.ok) {
        setResult({ ok: true, text: `Added ${qty} × ${size.label} of ${title} to your cart.` })
        announceCart(outcome.cart, true)
      } else {
        setResult({ ok: false, text: outcome.message })
        announceCart(outcome.cart, false)
      }
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
            {formatUnitPricePaise(unit, size.pricePaise, size.units)}
          </p>
        </>
      )}
      <fieldset className="chips">
        <legend className="visually-hidden">{unit === "grams" ? "Box size" : "Pack size"}</legend>
        {sizes.map((s) => {
          const soldOut = maxQuantity(pool, s.variantId) < 1
          return (
            <label key={s.variantId} className="chip">
              <input
                type="radio"
                name={`${id}-size`}
                value={s.variantId}
                checked={s.variantId === variantId}
                onChange={() => {
                  setVariantId(s.variantId)
                  setResult(null)
                }}
                aria-describedby={`${id}-stock`}
              />
              <span>
                <strong>{s.label}</strong>
                {s.pricePaise !== null && <> · {formatPaise(s.pricePaise)}</>}
                <small>{soldOut ? "Not available now" : s.pricePaise !== null ? formatUnitPricePaise(unit, s.pricePaise, s.units) : ""}</small>
              </span>
            </label>
          )
        })}
      </fieldset>
      <p id={`${id}-stock`} className={`stock ${stock.level}`} data-testid="stock-message" aria-live="polite">
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
          <button type="button" onClick={() => setQuantity(qty + 1)} disabled={qty >= max} aria-label="One more">
            +
          </button>
        </div>
        <button type="button" className="button" onClick={add} disabled={!canBuy || pending} data-testid="add-to-cart">
          {pending ? "Adding…" : canBuy ? "Add to cart" : "Sold out"}
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
